import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** The site's root, ending in "/". */
  url: string;
  close(): Promise<void>;
}


/** Serves a built site on 127.0.0.1 as a static host would (no compression: what sirv serves by default). */
export async function serveDir(dir: string): Promise<StaticServer> {
  const files = sirv(dir, { dev: false, etag: true, dotfiles: false });
  const server: Server = createServer((req, res) => {
    files(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
