import { setTimeout as delay } from 'node:timers/promises';
import type { IsoDate } from '#/lib/dates.ts';
import { InputError } from '#/lib/import/input-error.ts';
import { MAX_FILE_BYTES } from '#/lib/import/read-input.ts';

export const DEFAULT_HF_API = 'https://huggingface.co/api';

export interface FetchHfOptions {
  /** The API's base URL; `/daily_papers?date=…` is appended. */
  apiBase?: string;
  /** Tries in all, the first included (default 4). */
  attempts?: number;
  /** Per try, the whole answer included (default 30 s). */
  timeoutMs?: number;
  /** The wait before the first retry when the server does not say (Retry-After); doubled each time (default 1 s). */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited for: the import fails and says when to try again (default 60 s). */
  maxRetryAfterMs?: number;
  /** How to wait; tests pass one that does not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Told about each retry, for a progress line on stderr. */
  onRetry?: (message: string) => void;
}

export function dailyPapersUrl(apiBase: string, date: IsoDate): string {
  return `${apiBase.replace(/\/+$/, '')}/daily_papers?date=${date}`;
}

/**
 * Fetches one day's daily papers response, as text. 429 and 5xx answers are
 * retried with exponential backoff (honouring Retry-After); anything else that
 * goes wrong (another HTTP status, a network error, no answer in time, an
 * answer over 20 MB) is an InputError whose message starts with the URL.
 */
export async function fetchHfDaily(date: IsoDate, options: FetchHfOptions = {}): Promise<{ url: string; text: string }> {
  const url = dailyPapersUrl(options.apiBase ?? DEFAULT_HF_API, date);
  const attempts = Math.max(1, options.attempts ?? 4);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const backoffMs = options.backoffMs ?? 1000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));

  for (let attempt = 1; ; attempt++) {
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, { signal, headers: { accept: 'application/json' } });
      if (response.ok) return { url, text: await readBody(response, url) };
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(url, undefined, describeFetchError(error, timeoutMs));
    }
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    await response.body?.cancel().catch(() => undefined);
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable) {
      const hint = response.status === 404 ? ' (check the date and the API URL: --hf-api or HF_API_URL)' : '';
      throw new InputError(url, undefined, `${status}${hint}`);
    }
    if (attempt >= attempts) throw new InputError(url, undefined, `${status}, still after ${attempts} attempts`);
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    if (retryAfter !== undefined && retryAfter > maxRetryAfterMs) {
      throw new InputError(url, undefined, `${status}: the server asks to wait ${Math.ceil(retryAfter / 1000)} s; try again later`);
    }
    const wait = retryAfter ?? backoffMs * 2 ** (attempt - 1);
    options.onRetry?.(`${url}: ${status}, retrying in ${formatSeconds(wait)} (attempt ${attempt + 1} of ${attempts})`);
    await sleep(wait);
  }
}

/** Retry-After as milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

async function readBody(response: Response, url: string): Promise<string> {
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_FILE_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw new InputError(url, undefined, `the answer is ${(length / 1024 / 1024).toFixed(1)} MB, over the 20 MB limit`);
  }
  const text = await response.text();
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new InputError(url, undefined, 'the answer is over the 20 MB limit');
  return text;
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${formatSeconds(timeoutMs)}`;
  }
  // fetch() wraps the network error (ECONNREFUSED, ENOTFOUND…) as its cause.
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `could not fetch: ${detail}`;
}

function formatSeconds(ms: number): string {
  return ms < 1000 && ms > 0 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
