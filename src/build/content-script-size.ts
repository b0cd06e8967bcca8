/**
 * The eager content script's size budget. It runs on every http/https page and frame the shopper allows, so it
 * holds the first look only (src/content/first-look.ts: the pause check, extraction, the prefilter, the cytokine
 * hint); the rest is injected where a page has a candidate (src/content/load-full.ts). The build fails when its
 * gzipped size passes the budget, and `npm run bench` prints the figure.
 *
 * 12 KiB, the design's goal (DESIGN.md, "Performance model"), measured on 2026-12-07 (zlib level 9): the script is
 * 10.1 KiB. Of that, the prefilter's data is 2.3 KiB and its expression, built at build time, 1.4 KiB (alone; the two
 * compress together a little better); the cytokine hint's expression 0.9 KiB. It was 31.7 KiB with Preact,
 * the card, the navigator, the ingredient-list parser, the cytokine aliases, valibot and webextension-polyfill,
 * which must not come back here: each of them alone would eat most of what is left.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET_BYTES = 12 * 1024;

/** Where WXT writes content scripts, those the manifest lists and those registered at runtime alike. */
const RUNTIME_FOLDER = 'content-scripts';

interface ScriptSize {
  /** Path inside the build, as the manifest lists it. */
  file: string;
  raw: number;
  /** zlib level 9, what a store download and the browser's cache compress about as well as. */
  gzip: number;
}

/**
 * Every JS file loaded eagerly, with its size: the manifest's content_scripts, and every script in
 * content-scripts/, which the background registers at runtime for the sites the shopper allowed
 * (src/background/eager-script.ts; the full script, injected on demand, is outside that folder).
 */
export function contentScriptSizes(outDir: string): ScriptSize[] {
  const manifestPath = join(outDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No build in ${outDir} (${manifestPath} not found)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const folder = join(outDir, RUNTIME_FOLDER);
  const registered = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.js')).map((f) => `${RUNTIME_FOLDER}/${f}`) : [];
  const files = [...new Set([...(manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []), ...registered.sort()])];
  return files.map((file) => {
    const raw = readFileSync(join(outDir, file));
    return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
}

/** @throws Error naming each script and the budget when their gzipped total is over it. */
export function checkContentScriptBudget(outDir: string, budget = CONTENT_SCRIPT_BUDGET_BYTES): ScriptSize[] {
  const sizes = contentScriptSizes(outDir);
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  if (total > budget) {
    const list = sizes.map((s) => `${s.file} ${kib(s.gzip)}`).join(', ');
    throw new Error(
      `The eager content script is ${kib(total)} gzipped, over its ${kib(budget)} budget (${list}). ` +
        'Load the new code lazily or in the background, or raise the budget in src/build/content-script-size.ts with the measurement that justifies it.',
    );
  }
  return sizes;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
