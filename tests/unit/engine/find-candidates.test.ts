// The prefilter decides what compromise ever sees: it must find every sentence a rule could match, and
// nothing past the sentence's bounds.
import { describe, expect, it, test } from 'vitest';
import { buildTriggerMatcher, findCandidates, sentenceBounds } from '../../../src/engine/claims/find-candidates.ts';

const matcher = buildTriggerMatcher({ triggers: { stem: ['stem-rule'], cells: ['stem-rule', 'cell-rule'], 'tgf-β3': ['tgf'] } });

function boundsOf(text: string, word: string): string {
  const at = text.indexOf(word);
  const [s, e] = sentenceBounds(text, at, at + word.length);
  return text.slice(s, e);
}

describe('sentenceBounds', () => {
  test.each([
    ['First one. Our stem serum works. Last one.', 'Our stem serum works.'],
    ['Heading\nOur stem serum works\nNext block', 'Our stem serum works'],
    ['Lab data, e.g. stem research, shows it! Next.', 'Lab data, e.g. stem research, shows it!'],
    ['Made by Dr. Lee with stem extracts. Done.', 'Made by Dr. Lee with stem extracts.'],
    ['Is it stem based? Yes.', 'Is it stem based?'],
    ['Gentle • stem complex • vegan', 'stem complex'],
    ['Contains 2.5% stem extract. Next.', 'Contains 2.5% stem extract.'],
  ])('%j → %j', (text, sentence) => {
    expect(boundsOf(text, 'stem')).toBe(sentence);
  });

  it('cuts a run-on text without punctuation to a window around the hit, at word boundaries', () => {
    const text = `${'word '.repeat(400)}stem ${'word '.repeat(400)}`;
    const sentence = boundsOf(text, 'stem');
    expect(sentence.length).toBeLessThan(1300);
    expect(sentence).toMatch(/^word .* stem word .*word$/);
  });
});

describe('findCandidates', () => {
  it('returns nothing for text without trigger words', () => {
    expect(findCandidates('A light cream for everyday hydration. Fragrance free.', matcher)).toEqual([]);
  });

  it('returns each sentence once with every rule its triggers wake, offsets into the text', () => {
    const text = 'Plain start. Our stem cells renew your skin every single night. Middle plain. More cells here, in every jar we make!';
    const found = findCandidates(text, matcher);
    expect(found.map((c) => [c.text, c.ruleIds])).toEqual([
      ['Our stem cells renew your skin every single night.', ['cell-rule', 'stem-rule']],
      ['More cells here, in every jar we make!', ['cell-rule', 'stem-rule']],
    ]);
    for (const c of found) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('lends a short candidate\'s rules to the short tagline after it, which names no trigger itself', () => {
    const text = 'Stem Cell Facial.\nResults for life.';
    const found = findCandidates(text, matcher);
    expect(found.map((c) => [c.text, c.ruleIds, c.lead])).toEqual([
      ['Stem Cell Facial.', ['stem-rule'], undefined],
      ['Results for life.', ['stem-rule'], 'Stem Cell Facial.'],
    ]);
    for (const c of found) expect(text.slice(c.start, c.end)).toBe(c.text);
    // A tagline that is a candidate of its own keeps its rules and gains the headline's.
    const own = findCandidates('Stem serum. Cells for life.', buildTriggerMatcher({ triggers: { stem: ['stem-rule'], cells: ['cell-rule'] } }));
    expect(own.map((c) => [c.text, c.ruleIds, c.lead])).toEqual([
      ['Stem serum.', ['stem-rule'], undefined],
      ['Cells for life.', ['cell-rule', 'stem-rule'], 'Stem serum.'],
    ]);
  });

  test.each([
    ['a blank line apart', 'Stem Cell Facial.\n\nResults for life.'],
    ['after a long sentence', 'Our famous stem cell facial is loved by clients across the city. Results for life.'],
    ['before a long sentence', 'Stem Cell Facial. Results that last for the rest of your life, as our many happy clients all say.'],
  ])('lends nothing %s', (_case, text) => {
    expect(findCandidates(text, matcher).map((c) => c.text)).toHaveLength(1);
  });

  it('falls back to a shorter trigger when the longest one is not a whole word', () => {
    const m = buildTriggerMatcher({ triggers: { tnf: ['tnf-rule'], 'tnf-a': ['alpha-rule'] } });
    expect(findCandidates('Rich in TNF-alpha.', m).map((c) => c.ruleIds)).toEqual([['tnf-rule']]);
    expect(findCandidates('Rich in TNF-a.', m).map((c) => c.ruleIds)).toEqual([['alpha-rule', 'tnf-rule']]);
  });

  it('scans only the window it is given, with offsets still into the whole text', () => {
    const text = 'Our stem serum.\nMore cells here!\nLast stem line.';
    const from = text.indexOf('More');
    const to = text.indexOf('Last');
    const found = findCandidates(text, matcher, from, to);
    expect(found.map((c) => c.text)).toEqual(['More cells here!']);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('More cells here!');
  });

  test.each([
    ['STEM Cells', true],
    ['stemming the tide', false],
    ['system', false],
    ['cells.', true],
    ['Contains TGF-β3 today', true],
    ['TGF-β34', false],
  ])('matches whole words only, case-insensitively: %j → %s', (text, hit) => {
    expect(findCandidates(text, matcher).length > 0).toBe(hit);
  });
});
