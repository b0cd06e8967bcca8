// Which match pattern is behind each find and each false flag of a rule, on labelled sentences.
import { describe, expect, it } from 'vitest';
import { patternContributions } from '../../../src/build/pattern-contributions.ts';
import type { BankEntry, BankResult } from '../../../src/build/evaluate-sentences.ts';
import type { RuleSources } from '../../../src/build/load-rules.ts';
import { exosomeRule } from '../../support/exosome-rule.ts';

const RULE = exosomeRule(['<exo> .{0,3} renew', '<exo> .{0,3} glow']);
const sources: RuleSources = { ruleFiles: [{ file: 'rules/t.yaml', text: RULE }], contexts: undefined, vocabulary: undefined, lexicon: undefined, inci: undefined, sources: undefined, paths: [] };
const vocabulary = new Map([['exo', ['exosome', 'exosomes']]]);
const result = (text: string, label: 'flag' | 'ok' | 'unsure', flaggedBy: string[], context?: string): BankResult => ({
  entry: { text, label, context, why: 'x', voice: 'seller', kind: 'shop', source: 'https://example.com/', split: 'tune', ...(label === 'flag' ? { seed: '001', type: 'x' } : {}) } as BankEntry,
  flaggedBy,
});

describe('patternContributions', () => {
  it("counts, for each written pattern, the rule's flagged sentences it matches by their label, most false flags first", () => {
    const rows = patternContributions(sources, vocabulary, [
      result('Our exosomes renew skin.', 'flag', ['exosome-renewal']),
      result('These exosomes renew hair.', 'ok', ['exosome-renewal']),
      result('Exosomes bring a glow.', 'flag', ['exosome-renewal']),
      // Read with its context, as the scan read it.
      result('They renew skin.', 'flag', ['exosome-renewal'], 'Our toner holds exosomes.'),
      // Not flagged by the rule, or unsure: counted for no pattern.
      result('Exosomes renew everything.', 'ok', []),
      result('Exosomes renew skin, maybe.', 'unsure', ['exosome-renewal']),
    ]);
    expect(rows).toEqual([
      { ruleId: 'exosome-renewal', pattern: '<exo> .{0,3} renew', found: 2, false: 1 },
      { ruleId: 'exosome-renewal', pattern: '<exo> .{0,3} glow', found: 1, false: 0 },
    ]);
  });

  it('lists no pattern of a rule that flags nothing', () => {
    expect(patternContributions(sources, vocabulary, [result('Exosomes renew skin.', 'flag', [])])).toEqual([]);
  });
});
