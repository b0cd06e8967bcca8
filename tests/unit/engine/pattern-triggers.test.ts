// What the compiler derives from a pattern, and the compromise traps it refuses rather than let a rule fail silently.
import { describe, expect, it, test } from 'vitest';
import nlp from '../../../src/engine/nlp.ts';
import { expandInflections, PatternError, patternTriggers, splitHyphenated } from '../../../src/engine/claims/pattern-triggers.ts';

describe('patternTriggers', () => {
  test.each([
    ['live stem cells', ['cells']],
    ['(stays|remains) active for years', ['remains', 'stays']],
    // One rare word beats two: a shorter alternation makes a sparser prefilter.
    ['nano (cytokines|peptides)', ['nano']],
    // The rarer term wins even when a common one is longer.
    ['(youthful|younger) exosome glow', ['exosome']],
    // An everyday word ("version", frequent on ordinary pages) loses to a rare term even with more alternatives.
    ['(version|copy) of (egf|fgf|kgf)', ['egf', 'fgf', 'kgf']],
  ])('%s → %j', (pattern, words) => {
    expect(patternTriggers(pattern).words.sort()).toEqual(words);
  });

  it('reports common words when nothing rarer is required', () => {
    expect(patternTriggers('(for|after) your skin').common).toEqual(['your']);
  });

  it('reports everyday words when nothing rarer is required, without refusing them', () => {
    expect(patternTriggers('(version|copies) of it').everyday.sort()).toEqual(['copies', 'version']);
    expect(patternTriggers('(version|copies) of it').common).toEqual([]);
  });

  it('refuses a wildcard right before a multi-word choice, which compromise never matches', () => {
    // The trap itself, shown on compromise: the same words match without the wildcard.
    expect(nlp('the growth factors stay').match('the .? (growth factors|cytokines)').found).toBe(false);
    expect(nlp('the growth factors stay').match('the (growth factors|cytokines)').found).toBe(true);
    expect(() => patternTriggers('keeps .? (growth factors|cytokines) active')).toThrow(PatternError);
    expect(() => patternTriggers('keeps * (growth factors|cytokines)')).toThrow(/wildcard right before/);
    expect(() => patternTriggers('keeps * (cytokines|exosomes)')).not.toThrow();
  });

  it('refuses a greedy wildcard right before a group with a #Tag or /regex/ choice, which compromise never matches', () => {
    const doc = nlp('One growth factor, a hundred benefits.');
    expect(doc.match('factor .{0,2} (hundred|#Value) benefits').found).toBe(false);
    expect(doc.match('factor .{0,2} (hundred|thousand) benefits').found).toBe(true);
    expect(doc.match('factor .? (hundred|#Value) benefits').found).toBe(true);
    expect(() => patternTriggers('factor .{0,2} (hundred|#Value) benefits')).toThrow(/#Tag or \/regex\/ choice/);
    expect(() => patternTriggers('factor * (hundred|/^hun/) benefits')).toThrow(PatternError);
    expect(() => patternTriggers('factor .? (hundred|#Value) benefits')).not.toThrow();
    expect(() => patternTriggers('factor .{0,2} #Value benefits')).not.toThrow();
  });

  it('refuses an optional term right after a greedy wildcard, which compromise matches only when it is present', () => {
    const without = nlp('after laser on skin');
    expect(without.match('laser .{0,2} (fresh)? skin').found).toBe(false);
    expect(nlp('after laser on fresh skin').match('laser .{0,2} (fresh)? skin').found).toBe(true);
    // The suggested rewrite, a range one wider, matches both.
    expect(without.match('laser .{0,3} skin').found).toBe(true);
    expect(without.match('laser .? (fresh)? skin').found).toBe(true);
    expect(() => patternTriggers('laser .{0,2} (fresh)? skin')).toThrow(/optional term right after a wildcard/);
    expect(() => patternTriggers('laser * fresh? skin')).toThrow(PatternError);
    expect(() => patternTriggers('laser .? (fresh)? skin')).not.toThrow();
    expect(() => patternTriggers('laser (fresh)? .{0,2} skin')).not.toThrow();
  });

  it('refuses a /regex/ with its own "|" inside a group, which compromise splits and never matches', () => {
    const doc = nlp('in business since 1995, so');
    expect(doc.match('since (/^(18|19|20)[0-9]+$/|90s)').found).toBe(false);
    expect(doc.match('since (/^[12][0-9]+$/|90s)').found).toBe(true);
    expect(doc.match('since /^(18|19|20)[0-9]+$/').found).toBe(true);
    expect(() => patternTriggers('since (/^(18|19|20)[0-9]+$/|90s)')).toThrow(/regex\/ with "\|" inside a/);
    expect(() => patternTriggers('business since (/^[12][0-9]+$/|90s)')).not.toThrow();
    expect(() => patternTriggers('business since /^(18|19|20)[0-9]+$/')).not.toThrow();
  });
});

describe('expandInflections', () => {
  const forms = (pattern: string) => expandInflections(pattern).replace(/^\(|\)$/g, '').split('|');

  test.each([
    ['{grow}', ['grow', 'grows', 'grew', 'growing', 'grown']],
    ['{perfect}', ['perfected', 'perfecting', 'perfects']],
    ['{reprogram}', ['reprogrammed', 'reprogramming']],
    ['{cell}', ['cells']],
  ])('%s has the forms %j', (pattern, expected) => {
    expect(forms(pattern)).toEqual(expect.arrayContaining(expected));
  });

  it('expands inside a group of single words without adding brackets', () => {
    expect(expandInflections('({stay}|remain) active')).toMatch(/^\(stay\|stays\|.*\|remain\) active$/);
  });

  it('refuses {word} inside a multi-word choice', () => {
    expect(() => expandInflections('({grow} new|regrow) tissue')).toThrow(/inflects \{grow\} inside a/);
  });
});

describe('splitHyphenated', () => {
  it('writes a compound the tokenizer splits as two words, so a (…|…) choice can match it', () => {
    // The trap itself: compromise reads "room-temperature" as two terms, and a one-word choice never matches two.
    const doc = nlp('Stable at room-temperature.');
    expect(doc.match('at (room-temperature|ambient)').found).toBe(false);
    expect(splitHyphenated('at (room-temperature|ambient)')).toBe('at (room temperature|ambient)');
    expect(doc.match(splitHyphenated('at (room-temperature|ambient)')).found).toBe(true);
    expect(nlp('Stable at room temperature.').match(splitHyphenated('at (room-temperature|ambient)')).found).toBe(true);
  });

  it('keeps a compound the tokenizer keeps whole, grouping it when bare', () => {
    expect(splitHyphenated('(anti-aging|youth) serum')).toBe('(anti-aging|youth) serum');
    expect(splitHyphenated('tgf-β1 heals')).toBe('(tgf-β1) heals');
    expect(nlp('TGF-β1 heals scars.').match(splitHyphenated('tgf-β1 heals')).found).toBe(true);
  });

  it('never brackets a whole compound inside a longer choice of a group, where compromise would match nothing', () => {
    const pattern = splitHyphenated('more (egf|insulin-like growth factor)');
    expect(pattern).toBe('more (egf|insulin-like growth factor)');
    expect(nlp('More EGF means faster renewal.').match(pattern).found).toBe(true);
    expect(nlp('More insulin-like growth factor, more renewal.').match(pattern).found).toBe(true);
  });

  it('leaves /regex/ terms alone', () => {
    expect(splitHyphenated('/^(egf|growth-factor)-?like$/ peptides')).toBe('/^(egf|growth-factor)-?like$/ peptides');
  });
});

