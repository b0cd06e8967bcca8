// The corpus measures how well the rules generalise, so it must stay out of the rules: a rule example copied
// from the corpus turns the evaluation into a memory test (it read 1.000 while fresh sentences read 0.62).
import { describe, expect, it } from 'vitest';
import { ruleSet } from 'virtual:claimlens/rules';
import { loadCorpus } from '../../../src/build/evaluate-corpus.ts';

const normal = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

describe('corpus independence', () => {
  it('shares no sentence with any rule example', () => {
    const corpus = new Map(loadCorpus('tests/corpus', new Set(ruleSet.rules.map((r) => r.id))).map((e) => [normal(e.text), e.text]));
    const shared = ruleSet.rules.flatMap((rule) =>
      [...rule.examples.flags, ...rule.examples.quiet].filter((s) => corpus.has(normal(s))).map((s) => `${rule.id}: ${s}`),
    );
    expect(shared).toEqual([]);
  });
});
