import { parseDocument, stringify, type Document } from 'yaml';
import type { PaperFrontMatter } from '../schemas.ts';
import { InputError } from './input-error.ts';
import { NO_FRONT_MATTER, splitFrontMatter } from '../front-matter.ts';
import { counterGrew, isCounter } from './counters.ts';

/** A paper file as it is on disk; the YAML document keeps a person's comments and formatting. */
export interface PaperFile {
  frontMatter: Document;
  body: string;
}

export function parsePaperFile(text: string, path: string): PaperFile {
  const split = splitFrontMatter(text);
  if (!split) throw new InputError(path, 1, NO_FRONT_MATTER);
  const frontMatter = parseDocument(split.yaml);
  const error = frontMatter.errors[0];
  if (error) {
    // +1: the YAML starts on the line after the opening ---.
    const line = error.linePos ? error.linePos[0].line + 1 : 1;
    throw new InputError(path, line, `front matter is not valid YAML: ${error.message.split('\n')[0]}`);
  }
  return { frontMatter, body: split.body };
}

export function formatPaperFile(frontMatter: PaperFrontMatter, body: string): string {
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${body.trim()}\n`;
}

/**
 * Adds what the source knows and the file does not, and nothing else: a field
 * that is present (perhaps edited by a person) is never overwritten, except a
 * counter that grew (see counters.ts). Returns the new text, or undefined when
 * the file gains nothing.
 */
export function enrichPaperFile(file: PaperFile, imported: PaperFrontMatter, abstract: string): string | undefined {
  let changed = false;
  for (const [key, value] of Object.entries(imported)) {
    if (value === undefined) continue;
    if (!file.frontMatter.has(key) || (isCounter(key) && counterGrew(file.frontMatter.get(key), value))) {
      file.frontMatter.set(key, value);
      changed = true;
    } else if (key === 'links' && value && typeof value === 'object') {
      for (const [name, url] of Object.entries(value)) {
        if (!file.frontMatter.hasIn(['links', name])) {
          file.frontMatter.setIn(['links', name], url);
          changed = true;
        }
      }
    }
  }
  let body = file.body;
  if (body.trim() === '' && abstract.trim() !== '') {
    body = `${abstract.trim()}\n`;
    changed = true;
  }
  if (!changed) return undefined;
  return `---\n${file.frontMatter.toString({ lineWidth: 0 })}---\n\n${body}`;
}
