import { describe, expect, it } from 'vitest';
import { stampIsSettled } from '#/loaders/file-stamps.ts';

describe('stampIsSettled', () => {
  const now = 1_790_000_000_000;

  it('trusts a file written well before the look at it', () => {
    expect(stampIsSettled(now - 3_600_000.5, now)).toBe(true);
    expect(stampIsSettled(now - 150.25, now)).toBe(true);
  });

  it('distrusts a file written within the file system clock tick of the look, or in the future', () => {
    expect(stampIsSettled(now - 5.5, now)).toBe(false);
    expect(stampIsSettled(now, now)).toBe(false);
    expect(stampIsSettled(now + 1000.5, now)).toBe(false);
  });

  it('waits out two seconds for a whole-second mtime (a file system that keeps seconds)', () => {
    expect(stampIsSettled(now - 1000, now)).toBe(false);
    expect(stampIsSettled(now - 3000, now)).toBe(true);
  });
});
