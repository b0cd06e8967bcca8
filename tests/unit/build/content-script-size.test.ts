// The content-script budget check that fails the build: it counts what the manifest loads eagerly, gzipped.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContentScriptBudget, CONTENT_SCRIPT_BUDGET_BYTES, contentScriptSizes } from '../../../src/build/content-script-size.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A build folder whose manifest loads `scripts` (name → contents) as content scripts, `a.js` in two entries. */
function build(scripts: Record<string, string | Buffer>, entries: string[][]): string {
  dir = mkdtempSync(join(tmpdir(), 'claimlens-size-'));
  mkdirSync(join(dir, 'content-scripts'));
  for (const [name, body] of Object.entries(scripts)) writeFileSync(join(dir, 'content-scripts', name), body);
  const content_scripts = entries.map((js) => ({ matches: ['https://*/*'], js: js.map((n) => `content-scripts/${n}`) }));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, content_scripts }));
  return dir;
}

describe('content script budget', () => {
  it('measures each eagerly loaded script once, gzipped', () => {
    const out = build({ 'a.js': 'x'.repeat(50_000), 'b.js': 'console.log(1);' }, [['a.js'], ['a.js', 'b.js']]);
    const sizes = contentScriptSizes(out);
    expect(sizes.map((s) => s.file)).toEqual(['content-scripts/a.js', 'content-scripts/b.js']);
    expect(sizes[0]).toMatchObject({ raw: 50_000 });
    expect(sizes[0]!.gzip).toBeLessThan(1_000);
    expect(checkContentScriptBudget(out)).toEqual(sizes);
  });

  it('measures a script registered at runtime too (in content-scripts/, in no manifest entry)', () => {
    const out = build({ 'a.js': 'x'.repeat(50_000), 'runtime.js': 'y'.repeat(20_000) }, [['a.js']]);
    expect(contentScriptSizes(out).map((s) => [s.file, s.raw])).toEqual([
      ['content-scripts/a.js', 50_000],
      ['content-scripts/runtime.js', 20_000],
    ]);
  });

  it('holds a script registered at runtime to the budget', () => {
    const out = build({ 'big.js': randomBytes(CONTENT_SCRIPT_BUDGET_BYTES) }, []);
    expect(() => checkContentScriptBudget(out)).toThrow('(content-scripts/big.js');
  });

  it('fails naming the script and the budget once the gzipped total is over it', () => {
    // Random bytes do not compress: one byte over the budget after gzip.
    const out = build({ 'big.js': randomBytes(CONTENT_SCRIPT_BUDGET_BYTES) }, [['big.js']]);
    const budget = `${(CONTENT_SCRIPT_BUDGET_BYTES / 1024).toFixed(1)} KiB`;
    expect(() => checkContentScriptBudget(out)).toThrow(`over its ${budget} budget (content-scripts/big.js`);
  });

  it('says which build is missing', () => {
    expect(() => contentScriptSizes(join(tmpdir(), 'claimlens-no-such-build'))).toThrow(/No build in .*claimlens-no-such-build/);
  });
});
