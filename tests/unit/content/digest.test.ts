import { describe, expect, it } from 'vitest';
import { formatDigest, readDigest } from '#/lib/content/digest.ts';

describe('digest codec', () => {
  it('reads back what it writes, the day kept as YYYY-MM-DD', () => {
    const digest = { date: '2026-03-14', papers: ['a-paper', 'b-paper'], upvotes: { 'a-paper': 3 } };
    expect(readDigest(formatDigest(digest), 'content/digests/2026-03-14.yaml')).toEqual(digest);
  });

  it('checks the file against the digest schema, naming the file and field', () => {
    expect(() => readDigest('date: 2026-03-14\npapers: [Not A Slug]\n', 'd.yaml')).toThrow(/^d\.yaml: papers\.0: must be a slug/);
    expect(() => readDigest('date: 2026-03-14\n', 'd.yaml')).toThrow(/^d\.yaml: papers: /);
  });

  it('names the line of a YAML error', () => {
    expect(() => readDigest('date: 2026-03-14\npapers: [a\n', 'd.yaml')).toThrow(/^d\.yaml:\d+: not valid YAML/);
  });
});
