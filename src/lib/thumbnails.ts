import { siteConfig } from '#/site.config.ts';

/**
 * Paper thumbnails are the source's pictures, loaded by the reader's browser
 * from the source's image host. Whether a build shows them, and from where, is
 * decided here once: pages, og:image, feeds and the CSP's img-src all ask.
 */
export interface ThumbnailSettings {
  /** Whether pages, og:image and feeds show thumbnails. */
  on: boolean;
  /** The one origin thumbnails are loaded from (the CSP allows it when `on`). */
  origin: string;
}

/** The site setting, overridden by `THUMBNAILS=on|off` in the environment; any other value is a mistake worth stopping for. */
export function thumbnailSettings(env: Readonly<Record<string, string | undefined>> = process.env): ThumbnailSettings {
  const override = env['THUMBNAILS']?.trim().toLowerCase();
  if (override !== undefined && override !== '' && override !== 'on' && override !== 'off') {
    throw new Error(`THUMBNAILS must be "on" or "off", got "${env['THUMBNAILS']}"`);
  }
  const on = override === 'on' ? true : override === 'off' ? false : siteConfig.thumbnails;
  return { on, origin: new URL(siteConfig.thumbnailOrigin).origin };
}

/** The build's settings, read once. */
export const thumbnails: ThumbnailSettings = thumbnailSettings();

/** The URL to show for a paper's thumbnail, or undefined when thumbnails are off or it is from another host (the CSP would block it). */
export function thumbnailSrc(url: string | undefined, settings: ThumbnailSettings = thumbnails): string | undefined {
  if (!settings.on || url === undefined) return undefined;
  return URL.canParse(url) && new URL(url).origin === settings.origin ? url : undefined;
}

/**
 * Cards on the first screen load their thumbnail at once, so the largest paint
 * does not wait for the lazy-loading heuristics; the rest load as they near
 * the screen. Three cards fill a phone's first screen and a desktop's.
 */
export const EAGER_THUMBNAILS = 3;

export const thumbnailLoading = (index: number): 'eager' | 'lazy' => (index < EAGER_THUMBNAILS ? 'eager' : 'lazy');

/** The MIME type of an image URL, from its extension (for a feed's enclosure). */
export function imageType(url: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  if (extension === 'jpg' || extension === 'jpeg') return 'image/jpeg';
  if (extension === 'webp' || extension === 'gif' || extension === 'avif') return `image/${extension}`;
  return 'image/png';
}
