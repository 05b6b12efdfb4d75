import jsYaml from 'js-yaml';
import { parseDocument, stringify, type Document } from 'yaml';
import type { PaperFrontMatter } from '#/lib/schemas.ts';
import { ContentFileError } from './content-file-error.ts';
import { counterGrew, isCounter } from './counters.ts';

/**
 * The paper codec: `content/papers/<slug>.md` is YAML front matter between `---` lines, then the abstract in
 * Markdown. Two reads: {@link readPaper} for building and indexing, {@link readPaperForEdit} for adding to a
 * file without losing what a person wrote; and one write, {@link formatPaper}.
 */

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/;

const NO_FRONT_MATTER = 'no front matter (a paper file starts with a --- block)';

function splitFrontMatter(text: string, path: string): { yaml: string; body: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new ContentFileError(path, 1, NO_FRONT_MATTER);
  return { yaml: match[1]!, body: text.slice(match[0].length).replace(/^\r?\n/, '') };
}

/**
 * A paper file's front matter as plain data, and its abstract, for reading only. js-yaml, not the `yaml`
 * package the editing read uses: ten times faster (0.2 s instead of 1.8 s for 10,000 papers). Its core
 * schema reads dates as strings, as `yaml` does. Throws a ContentFileError naming the file and line.
 */
export function readPaper(text: string, path: string): { frontMatter: Record<string, unknown>; body: string } {
  const split = splitFrontMatter(text, path);
  let data: unknown;
  try {
    data = jsYaml.load(split.yaml, { schema: jsYaml.CORE_SCHEMA }) ?? {};
  } catch (error) {
    // +2: the YAML starts on the file's second line, after the opening ---.
    if (error instanceof jsYaml.YAMLException) throw new ContentFileError(path, error.mark.line + 2, `front matter is not valid YAML: ${error.reason}`);
    throw error;
  }
  if (typeof data !== 'object' || Array.isArray(data)) throw new ContentFileError(path, 2, 'front matter must be a mapping of fields');
  return { frontMatter: data as Record<string, unknown>, body: split.body.trim() };
}

/** A paper file as it is on disk; the YAML document keeps a person's comments and formatting. */
export interface EditablePaper {
  frontMatter: Document;
  body: string;
}

export function readPaperForEdit(text: string, path: string): EditablePaper {
  const split = splitFrontMatter(text, path);
  const frontMatter = parseDocument(split.yaml);
  const error = frontMatter.errors[0];
  if (error) {
    // +1: the YAML starts on the line after the opening ---.
    const line = error.linePos ? error.linePos[0].line + 1 : 1;
    throw new ContentFileError(path, line, `front matter is not valid YAML: ${error.message.split('\n')[0]}`);
  }
  return { frontMatter, body: split.body };
}

/** A new paper file's text. */
export function formatPaper(frontMatter: PaperFrontMatter | Readonly<Record<string, unknown>>, body: string): string {
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${body.trim()}\n`;
}

/**
 * Adds what the source knows and the file does not, and nothing else: a field
 * that is present (perhaps edited by a person) is never overwritten, except a
 * counter that grew (see counters.ts). Returns the new text, or undefined when
 * the file gains nothing.
 */
export function enrichPaper(file: EditablePaper, imported: PaperFrontMatter, abstract: string): string | undefined {
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
  return formatEditedPaper({ frontMatter: file.frontMatter, body });
}

/** An edited paper file's text: its comments and formatting as they were. */
export function formatEditedPaper(file: EditablePaper): string {
  return `---\n${file.frontMatter.toString({ lineWidth: 0 })}---\n\n${file.body}`;
}
