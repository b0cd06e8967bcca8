/**
 * The eager content script's size budget. It runs on every http/https page the shopper opens, so it stays
 * small: the build fails when its gzipped size passes the budget, and `npm run bench` prints the figure.
 *
 * 32 KiB, measured on 2026-12-01 (zlib level 9): the script is 28.2 KiB. Of that, Preact is 4.5 KiB, the
 * prefilter's data 1.9 KiB for 26 rules (about 75 bytes a rule), the cytokine lexicon's aliases 3.2 KiB (73
 * entries: the Cytokine Facts label needs every name the page holds), the settings with their valibot schema
 * 3.1 KiB (a paused site must be known before anything is scanned), and the ingredient-list parser 2.8 KiB
 * (the cross-checks need the page's list, and only the page has its text; sending all of it to the worker on
 * every page would cost more than the parser). The 3.8 KiB left held the findings navigator, which took 2.8
 * KiB (its component and CSS, its controller with the remembered corner, and src/dom/reveal-hidden.ts: 31.0
 * KiB, 31,793 bytes, with it). Widening the rules' phrasing (390 trigger words) grew the prefilter to 2.5 KiB,
 * and grouping its words by the rules they wake brought it back to 2.0 KiB: 32,247 bytes on 2026-12-01, and the
 * 0.5 KiB left holds a few more rules; compromise (32 KiB for compromise/one, 138 KiB whole), which must never
 * load eagerly (DESIGN.md, "Performance model"), or a second
 * UI library breaks it at once. The design's ceiling, 35 KiB, stays out of reach of ordinary growth.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET_BYTES = 32 * 1024;

interface ScriptSize {
  /** Path inside the build, as the manifest lists it. */
  file: string;
  raw: number;
  /** zlib level 9, what a store download and the browser's cache compress about as well as. */
  gzip: number;
}

/** Every JS file the manifest's content_scripts load eagerly, with its size. */
export function contentScriptSizes(outDir: string): ScriptSize[] {
  const manifestPath = join(outDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No build in ${outDir} (${manifestPath} not found)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const files = [...new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []))];
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
