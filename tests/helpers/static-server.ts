import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** Where the site's root is served, ending in "/": e.g. http://127.0.0.1:41234/sub/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site (a dist directory) on 127.0.0.1 on a free port, the way
 * a static host would: directory URLs serve their index.html, anything else is
 * a 404. `prefix` mounts the site under a sub-path, as for a BASE_PATH build.
 */
export async function serveDist(dir: string, prefix = '/'): Promise<StaticServer> {
  const mount = `/${prefix.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  // dev: look files up on each request rather than listing them once at start, so a file
  // that changes or goes away while serving is a fresh read or a 404, never a crash.
  const files = sirv(dir, { dev: true, etag: true, dotfiles: false });
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('Not found');
  };
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(mount)) return notFound(res);
    req.url = `/${url.slice(mount.length)}`;
    files(req, res, () => notFound(res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
