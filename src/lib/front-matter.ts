/** A Markdown file's YAML front matter block and the body after it. */
export interface FrontMatterSplit {
  yaml: string;
  body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/;

export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  return { yaml: match[1]!, body: text.slice(match[0].length).replace(/^\r?\n/, '') };
}
