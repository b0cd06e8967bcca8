// Every pattern is exercised by an example of its rule: a dead one fails the build and this test.
import { describe, expect, it } from 'vitest';
import { compileSources, readRuleSources } from '../../../src/build/load-rules.ts';
import { patternCensus } from '../../../src/build/pattern-census.ts';

describe('pattern census', () => {
  it('finds no dead pattern in the built-in rules, and at most 300 patterns in all', () => {
    const sources = readRuleSources('rules');
    const census = patternCensus(sources, new Map(Object.entries(compileSources(sources).vocabulary)));
    expect(census.dead.map((d) => `${d.file} ${d.owner} ${d.field}: ${d.pattern}`)).toEqual([]);
    expect(census.total).toBeLessThanOrEqual(300);
  }, 120_000);

  it('names a pattern none of its rule examples exercises, and a shared pattern no quiet example reaches', () => {
    const rule = `
- id: sample-rule
  title: Sample
  severity: misleading
  claim: A claim.
  match:
    - live stem cells
    - immortal stem cells
  unless:
    - $question
    - stem cell extract
  explanation: Because.
  ask: Really?
  sources: [{ seed: 001_114ca1963b9cdec9.txt, anchor: easily degraded at room temperature }]
  examples:
    flags: [It has live stem cells.]
    quiet: [Does it have live stem cells?]
`;
    const contexts = { file: 'rules/contexts.yaml', text: 'question:\n  reason: a question\n  patterns: ["@hasQuestionMark", "(wonder|wondering) whether"]\n' };
    const census = patternCensus({ ruleFiles: [{ file: 'rules/x.yaml', text: rule }], contexts, vocabulary: undefined, lexicon: undefined, inci: undefined, sources: undefined, paths: [] }, new Map());
    expect(census.dead.map((d) => `${d.owner} ${d.field}`)).toEqual(['sample-rule match[1]', 'sample-rule unless[1]', '$question patterns[1]']);
    expect({ match: census.match, unless: census.unless, shared: census.shared, total: census.total }).toEqual({ match: 2, unless: 1, shared: 2, total: 5 });
  });
});
