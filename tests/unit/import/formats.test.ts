import { describe, expect, it } from 'vitest';
import { formatByExtension, inputFormats, recogniseFormat } from '#/lib/import/formats/index.ts';
import { dayOfDateTime } from '#/lib/import/formats/date-time.ts';

describe('the input format registry', () => {
  it('names each format by its extensions, whatever their case', () => {
    expect(formatByExtension('day.TXT')?.name).toBe('plain text');
    expect(formatByExtension('2025-03-14.json')?.name).toBe('Hugging Face daily papers JSON');
    expect(formatByExtension('query.atom')?.name).toBe('arXiv Atom');
    expect(formatByExtension('query.xml')?.name).toBe('arXiv Atom');
    expect(formatByExtension('digest')).toBeUndefined();
  });

  it('recognises a file without a known extension by its content; anything else is a copied page', () => {
    expect(recogniseFormat('\uFEFF  [{"paper": {}}]').name).toBe('Hugging Face daily papers JSON');
    expect(recogniseFormat('\n<?xml version="1.0"?><feed/>').name).toBe('arXiv Atom');
    expect(recogniseFormat('Mar 14\n\nA Title\nAn abstract.').name).toBe('plain text');
  });

  it('gives no two formats one extension', () => {
    const extensions = inputFormats.flatMap((format) => format.extensions);
    expect(new Set(extensions).size).toBe(extensions.length);
  });
});

describe('dayOfDateTime: the day of a source\'s date-time, shared by every format', () => {
  it('keeps the day as written, with or without a time', () => {
    expect(dayOfDateTime('2024-05-27T23:59:59-08:00')).toBe('2024-05-27');
    expect(dayOfDateTime(' 2024-05-27 ')).toBe('2024-05-27');
  });

  it('refuses what is not a date', () => {
    for (const text of ['May 24', '2024-02-30', '2024-05-27 09:12', '2024-05-27Tnoon']) expect(dayOfDateTime(text)).toBeUndefined();
  });
});
