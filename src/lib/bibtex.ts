import slugify from '@sindresorhus/slugify';
import type { IsoDate } from './dates.ts';

export interface CitablePaper {
  title: string;
  authors?: readonly string[] | undefined;
  arxiv?: string | undefined;
  /** The paper's own date when known, else the day it first trended. */
  date: IsoDate;
  url: string;
}

/** BibTeX treats these as syntax; in a field value they must be escaped to stay text. */
function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_^~]/g, (character) => {
    switch (character) {
      case '\\':
        return '\\textbackslash{}';
      case '^':
        return '\\^{}';
      case '~':
        return '\\~{}';
      default:
        return `\\${character}`;
    }
  });
}

/** A citation key as reference managers make them: first author's surname, year, first title word. */
export function citationKey(paper: CitablePaper): string {
  const surname = paper.authors?.[0]?.trim().split(/\s+/).at(-1) ?? 'anonymous';
  const word = paper.title.split(/\s+/).find((w) => w.length > 3) ?? paper.title;
  return slugify(`${surname} ${paper.date.slice(0, 4)} ${word}`, { separator: '' }) || 'paper';
}

/** An @misc entry (arXiv's own recommendation for preprints), with braces protecting the title's case. */
export function toBibtex(paper: CitablePaper): string {
  const fields: Array<[string, string]> = [['title', `{${escapeBibtex(paper.title)}}`]];
  if (paper.authors?.length) fields.push(['author', escapeBibtex(paper.authors.join(' and '))]);
  fields.push(['year', paper.date.slice(0, 4)]);
  if (paper.arxiv) {
    fields.push(['eprint', paper.arxiv], ['archivePrefix', 'arXiv']);
  }
  fields.push(['url', paper.url]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@misc{${citationKey(paper)},\n${body}\n}`;
}
