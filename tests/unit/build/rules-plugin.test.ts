// The rules are compiled into every bundle by a Vite plugin; a malformed rule must stop the build itself.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { claimlensRules } from '../../../src/build/rules-plugin.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of rules/ with one file's text replaced, so the test breaks a real rule. */
function rulesWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlens-rules-'));
  dirs.push(dir);
  for (const name of ['contexts.yaml', 'growth-factors.yaml', 'living-cells.yaml', 'stability.yaml']) {
    copyFileSync(join('rules', name), join(dir, name));
  }
  writeFileSync(join(dir, file), edit(readFileSync(join('rules', file), 'utf8')));
  return dir;
}

async function bundle(dir: string) {
  return build({
    configFile: false,
    logLevel: 'silent',
    plugins: [claimlensRules({ dir })],
    build: { write: false, ssr: true, rolldownOptions: { input: 'virtual:claimlens/rules' } },
  });
}

describe('claimlensRules()', () => {
  it('bundles the compiled rule set', async () => {
    const output = (await bundle(rulesWith('stability.yaml', (t) => t))) as { output: { code?: string }[] }[] | { output: { code?: string }[] };
    const code = (Array.isArray(output) ? output[0]! : output).output[0]?.code ?? '';
    expect(code).toContain('stability-room-temperature');
    expect(code).toMatch(/version = "[0-9a-f]{12}"/);
  });

  it('fails the build naming file, line, rule and field', async () => {
    const dir = rulesWith('stability.yaml', (t) => t.replace('severity: unsupported', 'severity: dubious'));
    await expect(bundle(dir)).rejects.toThrow(
      /Invalid rules:\n.*stability\.yaml:4: rule "stability-room-temperature", field "severity": must be one of misleading, unsupported, risky, context/,
    );
  });
});
