import type { APIRoute } from 'astro';
import palette from '#/styles/palette.css?raw';
import feed from '#/styles/feed.css?raw';

/** The stylesheet every feed links for browsers: the site's colours, then the feed's layout. */
export const GET: APIRoute = () => new Response(`${palette}\n${feed}`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
