import { open, stat } from 'node:fs/promises';
import { InputError } from './input-error.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_LINE_BYTES = 100 * 1024;

/**
 * Reads an input file as UTF-8 text, refusing what cannot be a digest before
 * any parsing: a missing path, a directory, a file over 20 MB (refused from its
 * size alone, never read whole), binary data, and lines over 100 KB.
 */
export async function readInputText(file: string, options: { maxLineBytes?: number } = {}): Promise<string> {
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
  checkText(bytes, file, options.maxLineBytes ?? MAX_LINE_BYTES);
  return bytes.toString('utf8');
}

/**
 * Checks line by line (LF, CRLF or CR endings), so that every message can name
 * the line: NUL bytes and invalid UTF-8 mean binary data, and no line may
 * exceed 100 KB.
 */
function checkText(bytes: Buffer, file: string, maxLineBytes: number): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = start;
    while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
    const content = bytes.subarray(start, end);
    if (content.includes(0)) throw new InputError(file, line, 'binary data (a NUL byte): not a text digest');
    try {
      decoder.decode(content);
    } catch {
      throw new InputError(file, line, 'binary data (not valid UTF-8): not a text digest');
    }
    if (content.length > maxLineBytes) {
      throw new InputError(file, line, `line is ${Math.round(content.length / 1024)} KB, over the 100 KB limit`);
    }
    start = bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? end + 2 : end + 1;
  }
}
