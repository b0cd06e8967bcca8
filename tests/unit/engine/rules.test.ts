// Every rule is its own small test suite: its examples run through the whole engine, its anchors are found
// verbatim in the seed documents, and the files keep their shape.
import { readdirSync, readFileSync } from 'node:fs';
import { testSeedAnchors } from '../seed-anchors.ts';
import { describe, expect, it, test } from 'vitest';
import { parse } from 'yaml';
import { ruleSet } from 'virtual:claimlens/rules';
import nlp from '../../../src/engine/nlp.ts';
import { scanText } from '../../../src/engine/claims/scan-text.ts';


const examples = ruleSet.rules.flatMap((rule) => [
  ...rule.examples.flags.map((sentence) => ({ id: rule.id, sentence, flags: true })),
  ...rule.examples.quiet.map((sentence) => ({ id: rule.id, sentence, flags: false })),
]);

describe('rule examples', () => {
  test.each(examples.filter((e) => e.flags))('$id flags: $sentence', ({ id, sentence }) => {
    const found = scanText(nlp, sentence, ruleSet).findings.filter((f) => f.ruleId === id);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(sentence.slice(f.start, f.end)).toBe(f.text);
  });

  test.each(examples.filter((e) => !e.flags))('$id stays quiet: $sentence', ({ id, sentence }) => {
    const found = scanText(nlp, sentence, ruleSet).findings.filter((f) => f.ruleId === id);
    expect(found.map((f) => f.text)).toEqual([]);
  });
});

describe('rule files', () => {
  // contexts.yaml (shared unless sets), sources.yaml (document titles) and vocabulary.yaml are not rule families.
  const files = readdirSync('rules').filter((f) => f.endsWith('.yaml') && f !== 'contexts.yaml' && f !== 'sources.yaml' && f !== 'vocabulary.yaml');

  it('has unique ids across all files', () => {
    const ids = ruleSet.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(files)('%s lists its rules sorted by id', (file) => {
    const ids = (parse(readFileSync(`rules/${file}`, 'utf8')) as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
  });

  // YAML reads " #" as the start of a comment, so an unquoted "… .{0,2} #Value …" silently loses its tail.
  test.each([...files, 'contexts.yaml'])('%s quotes every pattern holding a #Tag', (file) => {
    const cut = readFileSync(`rules/${file}`, 'utf8')
      .split('\n')
      .map((line, i) => ({ line, at: i + 1 }))
      .filter(({ line }) => /^\s*- [^'"].* #/.test(line))
      .map(({ line, at }) => `${at}: ${line.trim()}`);
    expect(cut).toEqual([]);
  });

  it('gives every rule a flag and a quiet example', () => {
    for (const rule of ruleSet.rules) {
      expect(rule.examples.flags.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.quiet.length, rule.id).toBeGreaterThan(0);
    }
  });

  testSeedAnchors('Seed anchors', ruleSet.rules.flatMap((r) => r.sources.map((s) => ({ id: r.id, ...s }))));
});
