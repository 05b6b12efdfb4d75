import { extname } from 'node:path';
import { arxivAtomFormat } from './arxiv-atom.ts';
import { hfDailyFormat } from './hf-daily.ts';
import type { InputFormat } from './input-format.ts';
import { plainTextFormat } from './plain-text.ts';

/** Every input format, in the order their content is tried: plain text, which takes anything, last. */
export const inputFormats: readonly InputFormat[] = [hfDailyFormat, arxivAtomFormat, plainTextFormat];

/** The format a file's extension names, if any. */
export function formatByExtension(file: string): InputFormat | undefined {
  const extension = extname(file).toLowerCase();
  return inputFormats.find((format) => format.extensions.includes(extension));
}

/** The format a text looks like; a copied page of plain text when nothing else recognises it. */
export function recogniseFormat(text: string): InputFormat {
  return inputFormats.find((format) => format.recognises(text)) ?? plainTextFormat;
}
