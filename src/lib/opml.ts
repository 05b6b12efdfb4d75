import { XMLBuilder } from 'fast-xml-parser';

export interface FeedLink {
  title: string;
  /** Absolute URL of the feed. */
  xmlUrl: string;
  /** Absolute URL of the page it stands for. */
  htmlUrl: string;
}

/** An OPML 2.0 subscription list, the format every feed reader imports. */
export function toOpml(title: string, feeds: readonly FeedLink[], dateCreated: Date | undefined): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    opml: {
      '@_version': '2.0',
      head: { title, ...(dateCreated ? { dateCreated: dateCreated.toUTCString() } : {}) },
      body: {
        outline: feeds.map((feed) => ({
          '@_type': 'rss',
          '@_text': feed.title,
          '@_title': feed.title,
          '@_xmlUrl': feed.xmlUrl,
          '@_htmlUrl': feed.htmlUrl,
        })),
      },
    },
  });
}
