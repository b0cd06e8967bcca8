// An exception stops at a concession the sentence sets aside, and only there.
import { describe, expect, it, test } from 'vitest';
import { ruleSet } from 'virtual:claimlens/rules';
import { concessiveClauses, exceptionReaches } from '../../../src/engine/claims/concessive-clauses.ts';
import nlp from '../../../src/engine/nlp.ts';
import { scanText } from '../../../src/engine/claims/scan-text.ts';

const clauses = (text: string) => concessiveClauses(text).map((s) => text.slice(s.start, s.end));

describe('concessiveClauses', () => {
  test.each([
    ['I was sceptical at first, but it works.', ['I was sceptical at first']],
    ['While we never promise miracles, it works.', ['While we never promise miracles,']],
    ['Unlike creams that fade, ours lasts.', ['Unlike creams that fade,']],
    ['It lasts for years, although we recommend a check-up.', [', although we recommend a check-up.']],
    ['Not a filler but a living treatment.', ['Not a filler']],
    ['While it may sting, it helps, but only a little.', ['While it may sting,', ' it helps']],
    // One phrase, not a concession.
    ['It is nothing but pure growth factors.', []],
    ['There is no evidence that, once applied, live stem cells survive.', []],
    ['Butter-soft skin, but no stem cells.', ['Butter-soft skin']],
  ])('%s', (text, expected) => {
    expect(clauses(text)).toEqual(expected);
  });

  it('lets an exception reach a claim unless the exception is inside a concession and the claim wholly outside', () => {
    const concession = [{ start: 0, end: 10 }];
    expect(exceptionReaches({ start: 2, end: 5 }, { start: 12, end: 20 }, concession)).toBe(false);
    expect(exceptionReaches({ start: 2, end: 5 }, { start: 6, end: 9 }, concession)).toBe(true);
    // A claim running into the concession is read with it.
    expect(exceptionReaches({ start: 2, end: 5 }, { start: 8, end: 20 }, concession)).toBe(true);
    // An exception in the main clause reaches a claim in the concession.
    expect(exceptionReaches({ start: 12, end: 15 }, { start: 2, end: 5 }, concession)).toBe(true);
    expect(exceptionReaches({ start: 2, end: 5 }, { start: 12, end: 20 }, [])).toBe(true);
  });
});

describe('exceptions and concessions in the built-in rules', () => {
  const flagged = (text: string) => scanText(nlp, text, ruleSet).findings.map((f) => f.ruleId);
  const quietSets = (text: string) => scanText(nlp, text, ruleSet).quiet.map((q) => q.set);

  it('flags a claim after a concession that holds the exception', () => {
    const text = 'I was sceptical at first, but this cream really contains live stem cells.';
    expect(flagged(text)).toContain('living-stem-cells');
    // The concession alone is what kept it quiet before: without the claim's "but", it still would.
    expect(flagged('I was sceptical that this cream really contains live stem cells.')).not.toContain('living-stem-cells');
  });

  it('keeps a claim quiet when the exception is in the main clause', () => {
    const text = 'Live stem cells in a jar sound great, but it is a myth that any cream contains them.';
    expect(flagged(text)).toEqual([]);
    expect(quietSets(text)).toContain('debunking');
  });

  it('still reads a hedge on the evidence as qualifying the whole sentence', () => {
    const text = 'Growth factors can help skin grow new tissue, though more research is needed.';
    expect(flagged(text)).toEqual([]);
    expect(quietSets(text)).toContain('hedged');
  });
});
