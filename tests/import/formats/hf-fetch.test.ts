/**
 * `--hf YYYY-MM-DD`: fetching a day from the daily papers API, against a
 * local HTTP server on 127.0.0.1 that plays the API (never the internet).
 */
import { describe, it, expect, onTestFinished } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeDigestPlan, runImport, type ImportOptions } from '#/lib/import/run-import.ts';
import { InputError } from '#/lib/import/input-error.ts';
import { REPO_ROOT, TODAY, readDigest, snapshotDir, tempDir, type CliResult } from '../helpers.ts';

const RESPONSE = readFileSync(fileURLToPath(new URL('../../fixtures/hf/2025-09-30.json', import.meta.url)), 'utf8');
const DAY = '2025-09-30';
const SUMMARY = '2025-09-30: 3 papers (3 new, 0 already known)';

type Reply = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

interface FakeApi {
  base: string;
  /** Each request's path and query, in order. */
  requests: string[];
}

/**
 * A local server answering request N with `replies[N]` (the last one again once
 * they run out); 'hang' never answers. Closed when the test finishes.
 */
async function fakeApi(replies: Reply[]): Promise<FakeApi> {
  const requests: string[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests.push(request.url ?? '');
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    if (reply === 'hang') {
      hanging.push(response);
      return;
    }
    response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    response.end(reply.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    for (const response of hanging) response.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, requests };
}

const ok = (body: string = RESPONSE): Reply => ({ status: 200, body });

/** Imports `--hf` days in-process; waits are recorded, not slept. */
async function importDays(api: FakeApi, days: string[], fetch: ImportOptions['fetch'] = {}) {
  const contentDir = await tempDir();
  const waits: number[] = [];
  const retries: string[] = [];
  const run = runImport({
    files: [],
    hfDates: days,
    hfApi: api.base,
    contentDir,
    today: TODAY,
    fetch: {
      backoffMs: 5,
      sleep: async (ms) => {
        waits.push(ms);
      },
      onRetry: (message) => retries.push(message),
      ...fetch,
    },
  });
  const outcome = await run.then(
    (plans) => ({ lines: plans.map(describeDigestPlan), error: undefined }),
    (error: unknown) => ({ lines: [] as string[], error }),
  );
  return { ...outcome, contentDir, waits, retries };
}

function expectInputError(error: unknown, message: string | RegExp): void {
  expect(error).toBeInstanceOf(InputError);
  if (typeof message === 'string') expect((error as Error).message).toBe(message);
  else expect((error as Error).message).toMatch(message);
}

describe('--hf fetches a day from the daily papers API', () => {
  it('asks for that date and imports the answer', async () => {
    const api = await fakeApi([ok()]);
    const { lines, error, contentDir } = await importDays(api, [DAY]);
    expect(error).toBeUndefined();
    expect(api.requests).toEqual([`/api/daily_papers?date=${DAY}`]);
    expect(lines).toEqual([SUMMARY]);
    expect((await readDigest(contentDir, DAY)).papers).toHaveLength(3);
  });

  it('retries after a 429, waiting as long as Retry-After says', async () => {
    const api = await fakeApi([{ status: 429, headers: { 'retry-after': '3' } }, ok()]);
    const { lines, waits, retries } = await importDays(api, [DAY]);
    expect(lines).toEqual([SUMMARY]);
    expect(api.requests).toHaveLength(2);
    expect(waits).toEqual([3000]);
    expect(retries).toEqual([`${api.base}/daily_papers?date=${DAY}: HTTP 429 Too Many Requests, retrying in 3 s (attempt 2 of 4)`]);
  });

  it('retries after a 500 with exponential backoff', async () => {
    const api = await fakeApi([{ status: 500 }, { status: 502 }, ok()]);
    const { lines, waits } = await importDays(api, [DAY]);
    expect(lines).toEqual([SUMMARY]);
    expect(api.requests).toHaveLength(3);
    expect(waits).toEqual([5, 10]);
  });

  it('gives up after 4 attempts, naming the URL, and writes nothing', async () => {
    const api = await fakeApi([{ status: 503 }]);
    const { error, waits, contentDir } = await importDays(api, [DAY]);
    expectInputError(error, `${api.base}/daily_papers?date=${DAY}: HTTP 503 Service Unavailable, still after 4 attempts`);
    expect(api.requests).toHaveLength(4);
    expect(waits).toEqual([5, 10, 20]);
    expect(await snapshotDir(contentDir)).toEqual({});
  });

  it('does not wait for a Retry-After of an hour: it says to try later', async () => {
    const api = await fakeApi([{ status: 429, headers: { 'retry-after': '3600' } }, ok()]);
    const { error, waits } = await importDays(api, [DAY]);
    expectInputError(error, /HTTP 429 Too Many Requests: the server asks to wait 3600 s; try again later$/);
    expect(waits).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });

  it('a 404 is an error at once, naming the URL', async () => {
    const api = await fakeApi([{ status: 404, body: '{"error":"Not Found"}' }, ok()]);
    const { error, contentDir } = await importDays(api, [DAY]);
    expectInputError(error, new RegExp(`^${escape(`${api.base}/daily_papers?date=${DAY}: HTTP 404 Not Found`)}`));
    expect(api.requests).toHaveLength(1);
    expect(await snapshotDir(contentDir)).toEqual({});
  });

  it('an answer that is not JSON is an error naming the URL and showing what came instead, on one line', async () => {
    const api = await fakeApi([ok('<html>\n<body>Service temporarily unavailable</body>\n</html>')]);
    const { error } = await importDays(api, [DAY]);
    expectInputError(error, `${api.base}/daily_papers?date=${DAY}: not valid JSON: Unexpected token '<', "<html>\\n<bo"... is not valid JSON`);
  });

  it('a network error is an error naming the URL', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const closed = { base: `http://127.0.0.1:${port}/api`, requests: [] };
    const { error } = await importDays(closed, [DAY]);
    expectInputError(error, `http://127.0.0.1:${port}/api/daily_papers?date=${DAY}: could not fetch: ECONNREFUSED`);
  });

  it('no answer in time is an error naming the URL', async () => {
    const api = await fakeApi(['hang']);
    const { error } = await importDays(api, [DAY], { timeoutMs: 50 });
    expectInputError(error, `${api.base}/daily_papers?date=${DAY}: no answer within 50 ms`);
  });

  it('a day without papers (an empty array) is a clean no-op', async () => {
    const api = await fakeApi([ok('[]')]);
    const { lines, error, contentDir } = await importDays(api, ['2026-03-14']);
    expect(error).toBeUndefined();
    expect(lines).toEqual(['2026-03-14: no papers that day, nothing to import']);
    expect(await snapshotDir(contentDir)).toEqual({});
  });

  it('several days in one import: one failing day writes nothing of the others', async () => {
    const api = await fakeApi([ok(), { status: 404 }]);
    const { error, contentDir } = await importDays(api, [DAY, '2025-10-01']);
    expectInputError(error, /daily_papers\?date=2025-10-01: HTTP 404/);
    expect(await snapshotDir(contentDir)).toEqual({});
  });
});

/** Runs the CLI without blocking this process, which serves the fake API meanwhile. */
function runCliAsync(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      join(REPO_ROOT, 'node_modules/.bin/node'),
      ['scripts/import.ts', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, HF_API_URL: '', ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

describe('npm run import -- --hf', () => {
  it('imports the day, with the API URL from --hf-api', async () => {
    const api = await fakeApi([ok()]);
    const contentDir = await tempDir();
    const result = await runCliAsync(['--hf', DAY, '--hf-api', api.base, '--content-dir', contentDir]);
    expect(result).toEqual({ status: 0, stdout: `${SUMMARY}\n`, stderr: '' });
    expect((await readDigest(contentDir, DAY)).papers).toHaveLength(3);
  });

  it('takes the API URL from HF_API_URL, and exits 0 on a day without papers', async () => {
    const api = await fakeApi([ok('[]')]);
    const contentDir = await tempDir();
    const result = await runCliAsync(['--hf', '2026-03-14', '--content-dir', contentDir], { HF_API_URL: api.base });
    expect(result).toEqual({ status: 0, stdout: '2026-03-14: no papers that day, nothing to import\n', stderr: '' });
    expect(api.requests).toEqual(['/api/daily_papers?date=2026-03-14']);
    expect(await snapshotDir(contentDir)).toEqual({});
  });

  it('exits 1 with one line naming the URL when the API says 404', async () => {
    const api = await fakeApi([{ status: 404 }]);
    const contentDir = await tempDir();
    const result = await runCliAsync(['--hf', DAY, '--hf-api', api.base, '--content-dir', contentDir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `${api.base}/daily_papers?date=${DAY}: HTTP 404 Not Found (check the date and the API URL: --hf-api or HF_API_URL)`,
    ]);
  });

  it('refuses a --hf value that is not a date, before fetching anything', async () => {
    const api = await fakeApi([ok()]);
    const result = await runCliAsync(['--hf', 'yesterday', '--hf-api', api.base, '--content-dir', await tempDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('--hf: "yesterday" is not a real date as YYYY-MM-DD');
    expect(api.requests).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
