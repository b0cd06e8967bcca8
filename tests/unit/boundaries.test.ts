// The layers of the house (STYLE.md): the engine knows only text, so the CLI and tests run it unchanged;
// dom never reaches into ui; ui never into entrypoints. A forbidden import fails here with its file and line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, test } from 'vitest';

const RULES: { from: string; forbidden: RegExp; why: string }[] = [
  { from: 'src/engine', forbidden: /^(wxt|webextension-polyfill|preact|linkedom|happy-dom|node:)|\/(dom|ui|cli|background|build)\/|^\.\.\/(dom|ui|cli|background|build)\b/, why: 'the engine knows only text' },
  { from: 'src/dom', forbidden: /^(wxt|webextension-polyfill|preact)|\/(ui|cli|background)\//, why: 'dom maps text to the page and nothing more' },
  { from: 'src/ui', forbidden: /^(wxt|webextension-polyfill)|\/entrypoints\//, why: 'components get data as props and act through callbacks' },
  { from: 'src/popup', forbidden: /\/entrypoints\/|\/(content|dom)\//, why: 'the popup works from the filed report, never from page nodes' },
  { from: 'src/cli', forbidden: /^(wxt|webextension-polyfill|preact)|\/ui\//, why: 'the scanner has no UI' },
];

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sourceFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const IMPORT = /^\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

// A layer with no files yet (src/ui before the first component) has nothing to check.
describe.each(RULES.filter((r) => sourceFiles(r.from).length > 0))('$from imports ($why)', ({ from, forbidden }) => {
  test.each(sourceFiles(from).map((f) => relative('.', f)))('%s', (file) => {
    const text = readFileSync(file, 'utf8');
    const bad: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? '';
      // Resolve relative paths so "../dom/x" and "../../src/dom/x" are judged alike.
      const target = spec.startsWith('.') ? `/${relative('.', resolve(dirname(file), spec))}` : spec;
      if (forbidden.test(spec) || forbidden.test(target)) {
        bad.push(`${file}:${text.slice(0, m.index).split('\n').length} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
