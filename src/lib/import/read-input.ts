import { open, stat } from 'node:fs/promises';
import { InputError } from './input-error.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_LINE_BYTES = 100 * 1024;

/**
 * Reads an input file as UTF-8 text, refusing what cannot be a digest before
 * any parsing: a missing path, a directory, a file over 20 MB (refused from its
 * size alone, never read whole), binary data, and lines over 100 KB.
 */
export async function readInputText(file: string): Promise<string> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(file, undefined, error.code === 'ENOENT' ? 'no such file' : `cannot read: ${error.message}`);
  });
  if (info.isDirectory()) throw new InputError(file, undefined, 'is a directory, not a digest file');
  if (!info.isFile()) throw new InputError(file, undefined, 'is not a regular file');
  if (info.size > MAX_FILE_BYTES) {
    throw new InputError(file, undefined, `is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the 20 MB limit`);
  }
  const handle = await open(file, 'r');
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  if (bytes.length === 0) throw new InputError(file, 1, 'the file is empty');
  checkText(bytes, file);
  return bytes.toString('utf8');
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let index = bytes.indexOf(10); index !== -1 && index < offset; index = bytes.indexOf(10, index + 1)) line++;
  return line;
}

function checkText(bytes: Buffer, file: string): void {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new InputError(file, lineAt(bytes, nul), 'binary data (a NUL byte): not a text digest');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = bytes.toString('utf8');
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new InputError(file, line, 'binary data (not valid UTF-8): not a text digest');
  }
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(10, start);
    const stop = end === -1 ? bytes.length : end;
    if (stop - start > MAX_LINE_BYTES) {
      throw new InputError(file, line, `line is ${Math.round((stop - start) / 1024)} KB, over the 100 KB limit`);
    }
    if (end === -1) break;
    start = end + 1;
  }
}
