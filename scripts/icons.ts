/**
 * Draws the Claimlens icon (a lens over a line of text, the claim underlined in amber) as SVG and rasterizes
 * it with Debian's Chromium into public/icon/<size>.png, which WXT lists in the manifest's `icons`.
 * `npm run icons` regenerates them; the PNGs are committed, so a build never needs a browser.
 *
 * Sizes: 16 and 32 for the toolbar (1× and 2×), 48 for the extensions page, 64 and 128 for Mozilla's
 * listing, 96 for Firefox's add-ons manager at 2×, 128 for the Chrome Web Store, which wants 96×96 of
 * artwork inside 16 px of transparent padding. The small sizes drop detail so they stay legible, not blurred.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const OUT = join('public', 'icon');

/** Transparent padding per size, in px: none in the toolbar, the Web Store's 16 px at 128. */
const SIZES: readonly { size: number; padding: number }[] = [
  { size: 16, padding: 0 },
  { size: 32, padding: 1 },
  { size: 48, padding: 2 },
  { size: 64, padding: 3 },
  { size: 96, padding: 4 },
  { size: 128, padding: 16 },
];

const SLATE = '#1d2a3a';
const PAPER = '#e9edf2';
const AMBER = '#f5a524';

/** The icon in a 100-unit square; `simple` (16 and 32 px) keeps one line and the lens. */
function iconSvg(simple: boolean): string {
  if (simple) {
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="22" fill="${SLATE}"/>
  <rect x="14" y="20" width="58" height="11" rx="5.5" fill="${PAPER}"/>
  <circle cx="56" cy="54" r="19" fill="${AMBER}" fill-opacity=".22" stroke="${AMBER}" stroke-width="9"/>
  <rect x="46" y="52" width="20" height="7" rx="3.5" fill="${AMBER}"/>
  <line x1="70" y1="68" x2="85" y2="83" stroke="${AMBER}" stroke-width="12" stroke-linecap="round"/>
</svg>`;
  }
  // The claim's line runs under the lens, which shows it larger with its amber underline.
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <defs><clipPath id="lens"><circle cx="62" cy="50" r="16"/></clipPath></defs>
  <rect width="100" height="100" rx="22" fill="${SLATE}"/>
  <rect x="14" y="17" width="72" height="8" rx="4" fill="${PAPER}" opacity=".85"/>
  <rect x="14" y="43" width="34" height="7" rx="3.5" fill="${PAPER}"/>
  <rect x="14" y="54" width="34" height="4" rx="2" fill="${AMBER}"/>
  <rect x="14" y="75" width="30" height="8" rx="4" fill="${PAPER}" opacity=".85"/>
  <circle cx="62" cy="50" r="19" fill="${AMBER}" fill-opacity=".16"/>
  <g clip-path="url(#lens)">
    <rect x="36" y="38" width="36" height="11" rx="5.5" fill="${PAPER}"/>
    <rect x="36" y="54" width="36" height="6" rx="3" fill="${AMBER}"/>
  </g>
  <circle cx="62" cy="50" r="19" fill="none" stroke="${AMBER}" stroke-width="6.5"/>
  <line x1="76" y1="64" x2="87" y2="75" stroke="${AMBER}" stroke-width="10" stroke-linecap="round"/>
</svg>`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    for (const { size, padding } of SIZES) {
      await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
      const inner = size - 2 * padding;
      const svg = iconSvg(size <= 32);
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">` +
          `<div style="width:${size}px;height:${size}px;padding:${padding}px;box-sizing:border-box">` +
          `<img width="${inner}" height="${inner}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></div></body></html>`,
      );
      await page.waitForFunction(() => document.querySelector('img')?.complete === true);
      const png = await page.screenshot({ type: 'png', omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      writeFileSync(join(OUT, `${size}.png`), png);
      console.log(`${join(OUT, `${size}.png`)}  ${size}×${size}, ${png.length} bytes`);
    }
  } finally {
    await browser.close();
  }
}

await main();
