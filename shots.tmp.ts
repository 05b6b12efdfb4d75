import { createServer } from 'node:http';
import sirv from 'sirv';
import { launchChromium } from './tests/helpers/browser.ts';
const serve = (dir: string) => new Promise<{ url: string; close: () => void }>((resolve) => {
  const server = createServer(sirv(dir, { dev: true }));
  server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() }));
});
const browser = await launchChromium();
for (const [dir, paths] of [
  ['/tmp/tex-dist', ['/papers/a-simple-and-provable-scaling-law-for-the-test-time-compute-of-large-language/', '/papers/stacking-your-transformers-a-closer-look-at-model-growth-for-efficient-llm-pre/', '/digests/2024-12-03/']],
  ['dist', ['/papers/accelerating-transformers-with-spectrum-preserving-token-merging/']],
] as const) {
  const server = await serve(dir);
  for (const path of paths) for (const width of [390, 1280]) for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(server.url + path);
    const name = `${path.split('/').filter(Boolean).pop()!.slice(0, 30)}-${width}-${scheme}.png`;
    await page.screenshot({ path: `/tmp/tex-shots/${name}`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    console.log(name, overflow ? 'HORIZONTAL OVERFLOW' : 'ok', errors.join(' | '));
    await page.close();
  }
  server.close();
}
await browser.close();
