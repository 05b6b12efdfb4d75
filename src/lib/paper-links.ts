import type { PaperData } from './schemas.ts';
import { arxivAbsUrl, arxivPdfUrl, huggingFacePaperUrl } from './urls.ts';
import { formatCount } from './format.ts';

/** A link of the paper page's link list, with the count the source gives next to it ("2 comments", "120 stars"). */
export interface PaperLink {
  label: string;
  url: string;
  count?: string;
}

/**
 * Whether the paper's data came from the Hugging Face daily papers API: only it
 * gives upvotes and comment counts (plain-text digests and arXiv give neither).
 */
export const fromHuggingFace = (data: PaperData) => data.upvotes !== undefined || data.comments !== undefined;

const LINK_LABELS: Record<string, string> = { code: 'Code', project: 'Project page', pdf: 'PDF' };

/** The paper page's links: arXiv, Hugging Face (with its comments), then the file's links (code with its GitHub stars). */
export function paperLinks(data: PaperData): PaperLink[] {
  const links: PaperLink[] = [];
  if (data.arxiv) {
    links.push({ label: 'arXiv abstract', url: arxivAbsUrl(data.arxiv) });
    links.push({ label: 'PDF', url: arxivPdfUrl(data.arxiv) });
    if (fromHuggingFace(data)) {
      links.push({
        label: 'Hugging Face',
        url: huggingFacePaperUrl(data.arxiv),
        ...(data.comments !== undefined ? { count: formatCount(data.comments, 'comment', 'comments') } : {}),
      });
    }
  }
  for (const [name, url] of Object.entries(data.links ?? {})) {
    if (name === 'pdf' && data.arxiv) continue;
    const stars = name === 'code' && data.githubStars !== undefined ? formatCount(data.githubStars, 'star', 'stars') : undefined;
    links.push({ label: LINK_LABELS[name] ?? name[0]!.toUpperCase() + name.slice(1), url, ...(stars ? { count: stars } : {}) });
  }
  return links;
}

/** What the TL;DR is called: the API's is Hugging Face's AI-generated summary, not the authors' words. */
export const tldrLabel = (data: PaperData) => (fromHuggingFace(data) ? 'AI summary (Hugging Face)' : 'TL;DR');
