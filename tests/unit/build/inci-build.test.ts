// The INCI lexicon is compiled into the bundle with the rules: a broken entry stops the build naming file,
// line, entry and field, a change to it changes the rule-set version, and its claim topics are checked
// against the rules of the same folder.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledCode } from './bundle-rules.ts';
import { compileSources, EMPTY_INCI_LEXICON, INCI_FILE, readRuleSources } from '../../../src/build/load-rules.ts';

/** The frozen fixture rules predate the pattern census: their dead patterns are not what these tests test. */
const FROZEN = { allowDeadPatterns: true };

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the frozen rules folder (which has an INCI lexicon), its INCI file edited or removed. */
function rulesWith(inci: ((text: string) => string) | 'none'): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlens-inci-'));
  dirs.push(dir);
  cpSync('tests/fixtures/rules', dir, { recursive: true });
  const file = join(dir, INCI_FILE);
  if (inci === 'none') rmSync(file);
  else writeFileSync(file, inci(readFileSync(file, 'utf8')));
  return dir;
}


describe('the INCI lexicon in the build', () => {
  it('is exported as inciLexicon, and folded into the version', async () => {
    const dir = rulesWith((t) => t);
    const code = await bundledCode(dir, FROZEN);
    expect(code).toContain('inciLexicon');
    expect(code).toContain('"malus-domestica-fruit-cell-culture-extract"');
    const compiled = compileSources(readRuleSources(dir));
    expect(code).toContain(`version = "${compiled.ruleSet.version}"`);
    const edited = compileSources(readRuleSources(rulesWith((t) => t.replace('sold as "apple stem cells"', 'sold as apple stem cells')))).ruleSet.version;
    expect(edited).not.toBe(compiled.ruleSet.version);
  });

  it('is empty, and leaves the version alone, in a folder without one', () => {
    const bare = readRuleSources(rulesWith('none'));
    expect(bare.inci).toBeUndefined();
    const compiled = compileSources(bare);
    expect(compiled.inciLexicon).toBe(EMPTY_INCI_LEXICON);
    const withIt = compileSources(readRuleSources(rulesWith((t) => t)));
    expect(withIt.ruleSet.version).not.toBe(compiled.ruleSet.version);
  });

  it('fails the build naming file, line, entry and field', async () => {
    const dir = rulesWith((t) => t.replace('    maxPercent: 1\n', '    maxPercent: one\n'));
    const text = readFileSync(join(dir, INCI_FILE), 'utf8');
    const line = text.split('\n').indexOf('    maxPercent: one') + 1;
    expect(line).toBeGreaterThan(0);
    await expect(bundledCode(dir, FROZEN)).rejects.toThrow(
      new RegExp(`Invalid rules:\\n.*lexicons/inci\\.yaml:${line}: entry "phenoxyethanol", field "maxPercent": must be a number`),
    );
  });

  it('fails the build when a claim topic names a rule the folder does not have', async () => {
    const dir = rulesWith((t) => t.replace('rules: [living-stem-cells]', 'rules: [living-stem-cells, exosome-promises]'));
    const text = readFileSync(join(dir, INCI_FILE), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('exosome-promises')) + 1;
    await expect(bundledCode(dir, FROZEN)).rejects.toThrow(
      new RegExp(`lexicons/inci\\.yaml:${line}: field "claims\\.stem-cells\\.rules\\[1\\]": "exosome-promises" is not the id of any rule`),
    );
  });
});
