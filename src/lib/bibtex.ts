import slugify from '@sindresorhus/slugify';
import type { IsoDate } from './dates.ts';
import { splitTexMath } from './import/abstract-markdown.ts';

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

/** Whether every unescaped `{` has its `}`. */
const balancedBraces = (text: string) => {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth < 0) return false;
  }
  return depth === 0;
};

/**
 * A title as LaTeX, BibTeX's own format: `$...$` math and text-mode commands
 * (`\textbf{...}`, `DR^{3}`) are kept as the authors typed them; what importers
 * turned into characters (`%`, `&`, `#`, a lone `_`) is escaped again. A title
 * whose braces do not balance would break the entry: it is escaped as text.
 */
function titleLatex(title: string): string {
  if (!balancedBraces(title)) return escapeBibtex(title);
  return splitTexMath(title)
    .map((segment) =>
      segment.math ? `$${segment.value}$` : segment.value.replace(/(?<!\\)[%&#$]|(?<!\\)_(?!\{)/g, (character) => `\\${character}`),
    )
    .join('');
}

/** A citation key as reference managers make them: first author's surname, year, first title word. */
export function citationKey(paper: CitablePaper): string {
  const surname = paper.authors?.[0]?.trim().split(/\s+/).at(-1) ?? 'anonymous';
  const word = paper.title.split(/\s+/).find((w) => w.length > 3) ?? paper.title;
  return slugify(`${surname} ${paper.date.slice(0, 4)} ${word}`, { separator: '' }) || 'paper';
}

/** An @misc entry (arXiv's own recommendation for preprints), with braces protecting the title's case. */
export function toBibtex(paper: CitablePaper): string {
  const fields: Array<[string, string]> = [['title', `{${titleLatex(paper.title)}}`]];
  if (paper.authors?.length) fields.push(['author', escapeBibtex(paper.authors.join(' and '))]);
  fields.push(['year', paper.date.slice(0, 4)]);
  if (paper.arxiv) {
    fields.push(['eprint', paper.arxiv], ['archivePrefix', 'arXiv']);
  }
  fields.push(['url', paper.url]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@misc{${citationKey(paper)},\n${body}\n}`;
}
