// The rules are compiled into every bundle by a Vite plugin; a malformed rule must stop the build itself.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ruleSet as bundled } from 'virtual:claimlens/rules';
import { compileRulesDir } from '../../../src/build/load-rules.ts';
import { groupTriggers } from '../../../src/build/rules-plugin.ts';
import { bundledCode, bundleRules } from './bundle-rules.ts';

// Each case runs a real Vite bundle of the rules (compromise included): seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of rules/ with one file's text replaced, so the test breaks a real rule. */
function rulesWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlens-rules-'));
  dirs.push(dir);
  cpSync('rules', dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join('rules', file), 'utf8')));
  return dir;
}


describe('claimlensRules()', () => {
  it('carries the prefilter grouped by rules, and it reads back as the compiler wrote it', async () => {
    const compiled = compileRulesDir('rules').prefilter;
    const groups = groupTriggers(compiled);
    expect(groups.length).toBeLessThan(Object.keys(compiled.triggers).length);
    // The bundle the extension is built with (vitest loads the same plugin) decodes to the same triggers.
    expect(bundled.prefilter.triggers).toEqual(compiled.triggers);
    expect(() => groupTriggers({ triggers: { 'a|b': ['x'] } })).toThrow(/separator/);
  });

  it('refuses a rule citing a document that has no title', async () => {
    const dir = rulesWith('sources.yaml', (t) => t.replace(/^003_072484d7e9901298\.txt:\n {2}title: .*\n/m, ''));
    await expect(bundleRules(dir)).rejects.toThrow(/field "sources\[\d\]\.seed": has no title in .*sources\.yaml/);
  });

  it('bundles the compiled rule set', async () => {
    const code = await bundledCode(rulesWith('stability.yaml', (t) => t));
    expect(code).toContain('stability-room-temperature');
    expect(code).toMatch(/version = "[0-9a-f]{12}"/);
  });

  it('fails the build on a dead pattern, naming file, rule, field and pattern', async () => {
    const dir = rulesWith('stability.yaml', (t) => t.replace(/(- id: stability-room-temperature[\s\S]*?\n {2}match:\n)/, '$1    - unobtainium factors\n'));
    await expect(bundleRules(dir)).rejects.toThrow(/Dead patterns[\s\S]*stability\.yaml: stability-room-temperature, field "match\[0\]": unobtainium factors/);
  });

  it('fails the build naming file, line, rule and field', async () => {
    const text = readFileSync('rules/stability.yaml', 'utf8');
    // Break the first rule's severity, and work out from the file where that is.
    const at = text.indexOf('severity: ');
    const line = text.slice(0, at).split('\n').length;
    const id = /- id: (\S+)/.exec(text)![1]!;
    const dir = rulesWith('stability.yaml', (t) => t.slice(0, at) + t.slice(at).replace(/severity: \w+/, 'severity: dubious'));
    await expect(bundleRules(dir)).rejects.toThrow(
      `stability.yaml:${line}: rule "${id}", field "severity": must be one of misleading, unsupported, risky, context`,
    );
  });
});
