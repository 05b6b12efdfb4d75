import { parseMinimal } from '@unified-latex/unified-latex-util-parse';
import { attachMacroArgs } from '@unified-latex/unified-latex-util-arguments';
import type * as Latex from '@unified-latex/unified-latex-types';
import katex from 'katex';
import type { PhrasingContent, Text } from 'mdast';

/**
 * Text-mode LaTeX (what authors type in arXiv titles and abstracts outside
 * `$...$`) as Markdown phrasing nodes that mean the same: `\textbf{x}` becomes
 * strong, `\%` a percent sign, `\eg` "e.g.", `x^{2}` a superscript. The text
 * is parsed by unified-latex's parser; this module only says what each node
 * means. Math between dollars is not handled here: remark-math and KaTeX
 * render it.
 */

/**
 * Whether text holds anything to parse or retype: a backslash, `^{`, `_{`, a dash pair, a tie, TeX's quotes or a
 * stripped `\times`. Most abstracts do not.
 */
export function holdsTex(text: string): boolean {
  return needsParsing(text) || HAS_TEX_QUOTES.test(text) || HAS_STRIPPED_TIMES.test(text);
}

/**
 * Whether text holds what only the parser reads: a backslash, `^{`, `_{`, a dash pair, a tie, or a font macro that
 * lost its backslash. Quotes and stripped `\times` are retyped before the parser sees the text, so after that
 * this, not holdsTex, says which words go to it.
 */
function needsParsing(text: string): boolean {
  return /\\|[\^_]\{|--|[\p{L}\p{N}.]~\S/u.test(text) || STRIPPED_FONT_MACRO.test(text);
}

/**
 * Quotation marks typed for TeX, ``double'' and `single', which TeX prints as curly quotes (some authors close a
 * double one with a straight quote, ``double", or with backticks again, ``double`` before a space or a mark). A
 * single quote runs from a backtick that starts a word to a quote that ends one, with no quote between (an
 * apostrophe inside stops it). Quotes can span words, so they are turned into the marks they print before the text
 * is cut into runs of TeX.
 */
const TEX_QUOTES = /``([^`]*?)(?:''|"|``(?![\p{L}\p{N}]))|(?<![\p{L}\p{N}`])`([^`'\s](?:[^`']*?[^`'\s])?)'(?![\p{L}\p{N}'])/gu;
const HAS_TEX_QUOTES = new RegExp(TEX_QUOTES.source, 'u');
const curlyQuotes = (text: string): string =>
  text.replace(TEX_QUOTES, (_, double: string | undefined, single: string) => (double === undefined ? `‘${single}’` : `“${double}”`));

/**
 * `$20\times$`, `$256\times256$`, `$8\times$289M` and `$k \times k$` as Hugging Face's abstracts give them, dollars
 * and backslash stripped: "20times faster", "256times256", "8times289M", "a ktimes k grid". No English word is a
 * number or a lone letter run into "times".
 */
const STRIPPED_TIMES = /(?<![\p{L}\p{N}.])(?:(\d+(?:\.\d+)?)times(\d+(?:\.\d+)?\p{L}{0,2})?|(\p{L})times (\p{L}|\d+))(?![\p{L}\p{N}])/gu;
const HAS_STRIPPED_TIMES = new RegExp(STRIPPED_TIMES.source, 'u');
const timesSigns = (text: string): string =>
  text.replace(STRIPPED_TIMES, (_, number: string | undefined, by: string | undefined, left: string, right: string) =>
    number === undefined ? `${left}×${right}` : `${number}×${by ?? ''}`,
  );

/** Hugging Face's abstracts sometimes lose a macro's backslash (`textit{O}bstacles`); font macros are recognised without it. */
const STRIPPED_FONT_MACRO = /(?<![\\\p{L}])(?=(?:textbf|textit|emph|texttt|textsc)\{)/u;

/** remark-math's node (mdast-util-math adds it to mdast's phrasing content). */
type InlineMath = Extract<PhrasingContent, { type: 'inlineMath' }>;

/** An inline math node as remark-math makes it: remark-rehype turns it into the `<code>` that rehype-katex renders. */
export const mathNode = (value: string): InlineMath => ({
  type: 'inlineMath',
  value,
  data: { hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: [{ type: 'text', value }] },
});

/** Superscripts and subscripts are emphasis-like nodes whose HTML element is `sup`/`sub`. */
export type Script = 'sup' | 'sub';

const scriptNode = (script: Script, children: PhrasingContent[]): PhrasingContent => ({
  type: 'emphasis',
  data: { hName: script, texScript: script } as never,
  children,
});

const smallCaps = (children: PhrasingContent[]): PhrasingContent => ({
  type: 'emphasis',
  data: { hName: 'span', hProperties: { className: ['small-caps'] } },
  children,
});

/** Abbreviation macros authors define for running text. */
const WORDS: Record<string, string> = {
  eg: 'e.g.',
  ie: 'i.e.',
  etal: 'et al.',
  etc: 'etc.',
  vs: 'vs.',
  cf: 'cf.',
  wrt: 'w.r.t.',
  aka: 'a.k.a.',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  textasciitilde: '~',
  textasciicircum: '^',
  textbar: '|',
  textless: '<',
  textgreater: '>',
  textendash: '–',
  textemdash: '—',
  textquoteright: '’',
  textquoteleft: '‘',
  textbullet: '•',
  textdegree: '°',
  textregistered: '®',
  texttrademark: '™',
  copyright: '©',
  ' ': ' ',
  ',': ' ',
  ';': ' ',
  ':': ' ',
  '!': '',
  '/': '',
  '-': '',
  '\\': ' ',
  newline: ' ',
  linebreak: ' ',
  par: ' ',
  noindent: '',
  centering: '',
  xspace: '',
  '@': '',
};

/** Escaped special characters mean the character. */
const ESCAPED = new Set(['%', '&', '#', '_', '$', '{', '}']);

/** Accent macros, as the Unicode combining mark they put on the next letter. */
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
};

/** Macros whose argument is shown as it is, without markup (fonts and boxes that carry no meaning here). */
const TRANSPARENT = new Set(['textrm', 'textnormal', 'textsf', 'textup', 'textmd', 'mbox', 'text', 'underline', 'uline', 'hbox', 'makebox', 'fbox', 'textcolor', 'color', 'mathrm']);
const STRONG = new Set(['textbf', 'bf', 'bfseries', 'mathbf', 'boldsymbol']);
const EMPHASIS = new Set(['textit', 'emph', 'it', 'itshape', 'textsl', 'sl']);
/** Font switches, which apply to the rest of their group. */
const SWITCHES: Record<string, (children: PhrasingContent[]) => PhrasingContent> = {
  bf: (children) => ({ type: 'strong', children }),
  bfseries: (children) => ({ type: 'strong', children }),
  it: (children) => ({ type: 'emphasis', children }),
  itshape: (children) => ({ type: 'emphasis', children }),
  em: (children) => ({ type: 'emphasis', children }),
  sl: (children) => ({ type: 'emphasis', children }),
  sc: (children) => smallCaps(children),
  scshape: (children) => smallCaps(children),
};
/** References into a paper's body mean nothing on their own: they are dropped. */
const DROPPED = new Set(['cite', 'citep', 'citet', 'ref', 'eqref', 'label', 'vspace', 'hspace', 'footnotemark']);

/**
 * The arguments of the macros this module gives a meaning to, in xparse's
 * notation. Only these are looked up: unified-latex's full `parse` knows every
 * CTAN package's macros and costs five times as much.
 */
const SIGNATURES: Record<string, { signature: string }> = Object.fromEntries([
  ...[...STRONG, ...EMPHASIS, ...TRANSPARENT, 'texttt', 'code', 'textsc', 'textsuperscript', 'textsubscript', 'url']
    .filter((name) => !['bf', 'bfseries', 'it', 'itshape', 'sl', 'color'].includes(name))
    .map((name) => [name, { signature: 'm' }]),
  ...['footnote', 'cite', 'citep', 'citet', 'ref', 'eqref', 'label', 'vspace', 'hspace'].map((name) => [name, { signature: 'o m' }]),
  ['href', { signature: 'o m m' }],
  ['textcolor', { signature: 'o m m' }],
  ['color', { signature: 'o m' }],
]);

const knownSymbols = new Map<string, boolean>();
/** Whether KaTeX knows `\name` as a symbol (`\times`, `\alpha`): authors write these outside `$` too. */
function isMathSymbol(name: string): boolean {
  let known = knownSymbols.get(name);
  if (known === undefined) {
    try {
      katex.renderToString(`\\${name}`, { throwOnError: true, output: 'mathml' });
      known = /^[a-zA-Z]+$/.test(name);
    } catch {
      known = false;
    }
    knownSymbols.set(name, known);
  }
  return known;
}

const isHttp = (url: string) => /^https?:\/\/\S+$/i.test(url);

/** The characters of an argument (a URL, code), as typed, escapes resolved. */
function rawText(nodes: readonly Latex.Node[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'string':
          return node.content;
        case 'whitespace':
        case 'parbreak':
          return ' ';
        case 'macro':
          return ESCAPED.has(node.content) ? node.content : WORDS[node.content] ?? node.content;
        case 'group':
          return rawText(node.content);
        default:
          return '';
      }
    })
    .join('');
}

/** The last mandatory argument of a macro, when it has one. */
function argument(node: Latex.Macro, fromEnd = 0): Latex.Node[] | undefined {
  const given = (node.args ?? []).filter((arg) => arg.openMark === '{');
  return given[given.length - 1 - fromEnd]?.content;
}

class PhrasingBuilder {
  readonly nodes: PhrasingContent[] = [];

  text(value: string) {
    if (value === '') return;
    const last = this.nodes[this.nodes.length - 1];
    if (last?.type === 'text') last.value += value;
    else this.nodes.push({ type: 'text', value });
  }

  node(node: PhrasingContent) {
    this.nodes.push(node);
  }
}

function convertAll(nodes: readonly Latex.Node[]): PhrasingContent[] {
  const out = new PhrasingBuilder();
  convertInto(nodes, out);
  return out.nodes;
}

function convertInto(nodes: readonly Latex.Node[], out: PhrasingBuilder): void {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    const next = nodes[index + 1];
    switch (node.type) {
      case 'string': {
        const script = node.content.endsWith('^') ? 'sup' : node.content.endsWith('_') ? 'sub' : undefined;
        if (script && next?.type === 'group') {
          out.text(node.content.slice(0, -1));
          out.node(scriptNode(script, convertAll(next.content)));
          index++;
        } else out.text(node.content);
        break;
      }
      case 'whitespace':
      case 'parbreak':
        out.text(' ');
        break;
      case 'group': {
        // `{\it vs.}`, `{\bf x}`: a font switch applies to the rest of its group.
        const [first, ...rest] = node.content;
        if (first?.type === 'macro' && !first.args?.length && SWITCHES[first.content]) out.node(SWITCHES[first.content]!(convertAll(rest.slice(rest[0]?.type === 'whitespace' ? 1 : 0))));
        else convertInto(node.content, out);
        break;
      }
      case 'macro': {
        const skip = convertMacro(node, next, out);
        if (skip) index++;
        break;
      }
      case 'inlinemath':
      case 'displaymath':
        out.node(mathNode(rawText(node.content).trim()));
        break;
      case 'mathenv':
      case 'environment':
        convertInto(node.content, out);
        break;
      case 'verb':
      case 'verbatim':
        out.node({ type: 'inlineCode', value: node.content });
        break;
      case 'comment':
        break;
      default:
        break;
    }
  }
}

/** Adds what a macro means to `out`; true when it also consumed the node after it (an accent's letter). */
function convertMacro(node: Latex.Macro, next: Latex.Node | undefined, out: PhrasingBuilder): boolean {
  const name = node.content;
  const arg = argument(node);
  if (ESCAPED.has(name)) {
    out.text(name);
    return false;
  }
  const accent = ACCENTS[name];
  if (accent !== undefined) {
    const target = arg ?? (next?.type === 'string' ? [next] : next?.type === 'group' ? next.content : undefined);
    const letters = target ? rawText(target) : '';
    out.text(`${letters.slice(0, 1)}${accent}`.normalize('NFC') + letters.slice(1));
    return arg === undefined && target !== undefined;
  }
  if (name in WORDS && !arg) {
    out.text(WORDS[name]!);
    return false;
  }
  if (DROPPED.has(name)) return false;
  if (arg) {
    if (STRONG.has(name)) out.node({ type: 'strong', children: convertAll(arg) });
    else if (EMPHASIS.has(name)) out.node({ type: 'emphasis', children: convertAll(arg) });
    else if (name === 'texttt' || name === 'code') out.node({ type: 'inlineCode', value: rawText(arg) });
    else if (name === 'textsc') out.node(smallCaps(convertAll(arg)));
    else if (name === 'textsuperscript') out.node(scriptNode('sup', convertAll(arg)));
    else if (name === 'textsubscript') out.node(scriptNode('sub', convertAll(arg)));
    else if (name === 'footnote') {
      out.text(' (');
      convertInto(arg, out);
      out.text(')');
    } else if (name === 'url' || name === 'href') {
      const url = rawText(name === 'url' ? arg : argument(node, 1) ?? arg).trim();
      const label = name === 'url' ? [{ type: 'text', value: url } as Text] : convertAll(arg);
      if (isHttp(url)) out.node({ type: 'link', url, children: label });
      else out.nodes.push(...label);
    } else if (TRANSPARENT.has(name)) {
      // `\textcolor{red}{x}`: only the last argument is text.
      convertInto(arg, out);
    } else {
      // An author's own macro with an argument: its name, then what it was given.
      out.text(`${name} `);
      convertInto(arg, out);
    }
    return false;
  }
  if (TRANSPARENT.has(name) || STRONG.has(name) || EMPHASIS.has(name)) return false;
  if (isMathSymbol(name)) out.node(mathNode(`\\${name}`));
  else out.text(name);
  return false;
}

/** Typographic conventions of TeX's text: dashes from hyphens, ties between words as spaces. */
function typeset(nodes: PhrasingContent[]): PhrasingContent[] {
  for (const node of nodes) {
    if (node.type === 'text') {
      node.value = node.value
        .replace(/---/g, '—')
        .replace(/--/g, '–')
        // Between two numbers a tilde is a range as these authors write it (`1~4 input images`, `12~20%`), not a tie.
        .replace(/(?<=\d)~(?=\d)/g, '–')
        // A tie after a word (`Fig.~3`, `et~al.`) is a space; `~5` after a space means "about" and stays.
        .replace(/(?<=[\p{L}\p{N}.,;:)\]])~(?=\S)/gu, ' ')
        .replace(/ {2,}/g, ' ');
    } else if ('children' in node && node.type !== 'link') typeset(node.children as PhrasingContent[]);
  }
  return nodes;
}

/**
 * LaTeX's special characters that are not escaped (`50%`, `R&D`, `$5`) are
 * literal in these texts: importers already turned `\%` into `%`, and a `%`
 * must not start a comment that hides the rest of the abstract.
 */
const escapeSpecials = (text: string) =>
  text.replace(/(?<!\\)((?:\\\\)*)([%&#$])/g, '$1\\$2').replace(new RegExp(STRIPPED_FONT_MACRO, 'gu'), '\\');

/**
 * Splits text into words at whitespace outside braces (`\textbf{When do skills
 * help}` is one word), each with the whitespace that follows it.
 */
function words(text: string): Array<{ word: string; space: string }> {
  const result: Array<{ word: string; space: string }> = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\') index++;
    else if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(char)) {
      let end = index;
      while (end < text.length && /\s/.test(text[end]!)) end++;
      result.push({ word: text.slice(start, index), space: text.slice(index, end) });
      start = end;
      index = end - 1;
    }
  }
  if (start < text.length) result.push({ word: text.slice(start), space: '' });
  return result;
}

/**
 * Text-mode LaTeX as phrasing content; text without TeX comes back as one
 * text node. Only the runs of words that hold TeX are parsed, all in one call
 * (the parser's cost grows with the text it reads, and abstracts are mostly
 * plain words): they are joined by blank lines, and each paragraph the parser
 * returns is the rendering of one run.
 */
export function texToPhrasing(tex: string): PhrasingContent[] {
  const text = timesSigns(curlyQuotes(tex));
  if (!needsParsing(text)) return text === '' ? [] : [{ type: 'text', value: text }];
  // Plain text and TeX runs alternate: parts[0] is plain, parts[1] TeX, parts[2] plain… and the last is plain.
  const parts: string[] = [''];
  for (const { word, space } of words(text)) {
    if (!needsParsing(word)) {
      parts[parts.length - 1] += word + space;
      continue;
    }
    // A TeX word after a TeX word and a space joins its run.
    if (parts.length > 1 && parts[parts.length - 1]!.trim() === '') {
      const gap = parts.pop()!;
      parts[parts.length - 1] += gap + word;
    } else parts.push(word);
    parts.push(space);
  }
  const runs = parts.filter((_, index) => index % 2 === 1);
  const tree = parseMinimal(runs.map(escapeSpecials).join('\n\n'));
  attachMacroArgs(tree, SIGNATURES);
  const rendered: Latex.Node[][] = [[]];
  for (const node of tree.content) {
    if (node.type === 'parbreak') rendered.push([]);
    else rendered[rendered.length - 1]!.push(node);
  }
  const out = new PhrasingBuilder();
  parts.forEach((part, index) => {
    if (index % 2 === 0) out.text(part);
    else for (const node of typeset(convertAll(rendered[(index - 1) / 2] ?? []))) node.type === 'text' ? out.text(node.value) : out.node(node);
  });
  return out.nodes;
}

const SUPERSCRIPTS: Record<string, string> = Object.fromEntries(
  [...'0123456789+-=()ni'].map((char, index) => [char, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ'[index]!]),
);
const SUBSCRIPTS: Record<string, string> = Object.fromEntries(
  [...'0123456789+-=()aeoxhklmnpst'].map((char, index) => [char, '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ'[index]!]),
);

/**
 * A superscript or subscript as plain text: Unicode's super/subscript
 * characters when each character has one (`DR³`), else the text after `^` or
 * `_` in parentheses (`π_(0.5)`), readable and free of TeX braces.
 */
export function scriptText(script: Script, text: string): string {
  const table = script === 'sup' ? SUPERSCRIPTS : SUBSCRIPTS;
  const chars = [...text.replace('−', '-')];
  if (chars.length > 0 && chars.every((char) => char in table)) return chars.map((char) => table[char]).join('');
  const mark = script === 'sup' ? '^' : '_';
  return chars.length === 1 ? `${mark}${text}` : `${mark}(${text})`;
}

/** Phrasing content as plain text: super/subscripts as Unicode (see {@link scriptText}), math as its source. */
export function phrasingText(node: { type: string; value?: string; children?: unknown[]; data?: unknown }): string {
  if (typeof node.value === 'string') return node.value;
  const children = (node.children ?? []) as Array<Parameters<typeof phrasingText>[0]>;
  const text = children.map(phrasingText).join('');
  const script = (node.data as { texScript?: Script } | undefined)?.texScript;
  return script ? scriptText(script, text) : text;
}
