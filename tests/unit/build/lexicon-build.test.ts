// The cytokine lexicon is compiled into the bundle with the rules: a bad entry stops the build, and a change
// to the lexicon changes the rule-set version every report shows.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledCode } from './bundle-rules.ts';
import { compileRulesDir, compileSources, LEXICON_FILE, readRuleSources } from '../../../src/build/load-rules.ts';
import { compileRuleSet } from '../../../src/engine/claims/compile-rules.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** One small rule of our own, so these tests do not depend on the rule families others are editing. */
const RULE = `- id: sample-rule
  title: Sample
  severity: misleading
  claim: A claim.
  match: [live stem cells]
  explanation: Because.
  ask: Really?
  sources:
    - seed: 001_114ca1963b9cdec9.txt
      anchor: easily degraded at room temperature
  examples:
    flags: [It has live stem cells.]
    quiet: [It has no stem cells.]
`;

/** A rules folder with that rule and the real lexicon, its text edited, or no lexicon at all. */
function rulesWith(lexicon: ((text: string) => string) | 'none'): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlens-lexicon-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'sample.yaml'), RULE);
  if (lexicon === 'none') return dir;
  mkdirSync(join(dir, 'lexicons'));
  writeFileSync(join(dir, LEXICON_FILE), lexicon(readFileSync(join('rules', LEXICON_FILE), 'utf8')));
  return dir;
}


describe('the lexicon in the build', () => {
  it('is exported as cytokineLexicon, and its hash is folded into the version', async () => {
    const dir = rulesWith((t) => t);
    const code = await bundledCode(dir);
    expect(code).toContain('cytokineLexicon');
    expect(code).toContain('"tgf-b3"');
    const version = compileRulesDir(dir);
    expect(code).toContain(`version = "${version.version}"`);
  });

  it('changes the version when only the lexicon changes, and leaves it alone without a lexicon', () => {
    const same = compileRulesDir(rulesWith((t) => t)).version;
    const edited = compileRulesDir(rulesWith((t) => t.replace('Splits hydrogen peroxide', 'Breaks hydrogen peroxide'))).version;
    expect(edited).not.toBe(same);
    const bare = rulesWith('none');
    const sources = readRuleSources(bare);
    expect(sources.lexicon).toBeUndefined();
    expect(compileSources(sources).ruleSet.version).toBe(compileRuleSet(sources.ruleFiles, sources.contexts).version);
    expect(compileSources(sources).lexicon.entries).toEqual([]);
  });

  it('fails the build naming file, line, entry and field', async () => {
    const dir = rulesWith((t) => t.replace('  class: chemokine\n  note: Calls eosinophils', '  class: chemokines\n  note: Calls eosinophils'));
    const text = readFileSync(join(dir, LEXICON_FILE), 'utf8');
    const line = text.split('\n').indexOf('  class: chemokines') + 1;
    await expect(bundledCode(dir)).rejects.toThrow(
      new RegExp(`Invalid rules:\\n.*lexicons/cytokines\\.yaml:${line}: entry "eotaxin", field "class": must be one of pro-inflammatory,`),
    );
  });
});
