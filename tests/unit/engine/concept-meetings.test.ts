// Concepts that meet in one clause (`A & B`), and sentences that go on about a subject with a pronoun.
import { describe, expect, it } from 'vitest';
import { compileRuleSet, RuleSetError } from '../../../src/engine/claims/compile-rules.ts';
import nlp from '../../../src/engine/nlp.ts';
import { scanText } from '../../../src/engine/claims/scan-text.ts';
import { ruleSet as builtIn } from 'virtual:claimlens/rules';
import { exosomeRule } from '../../support/exosome-rule.ts';

const rule = (match: string) => exosomeRule([match]);
const vocabulary = new Map([
  ['exo', ['exosome', 'exosomes']],
  ['renewal', ['renew', 'renews', 'renewal', 'regenerate', 'regenerates', 'regeneration']],
  ['subjects', ['exosomes', 'stem cells']],
]);
const compile = (match: string) => compileRuleSet([{ file: 'rules/t.yaml', text: rule(match) }], undefined, { vocabulary });
const flagged = (ruleSet: ReturnType<typeof compile>, text: string) => scanText(nlp, text, ruleSet).findings.map((f) => f.text);

describe('concepts meeting in one clause (A & B)', () => {
  const ruleSet = compile('<exo> & <renewal>');

  it('matches both concepts anywhere in the clause, in either order', () => {
    expect(flagged(ruleSet, 'Our exosomes bring your skin a welcome renewal.')).toEqual(['exosomes bring your skin a welcome renewal']);
    expect(flagged(ruleSet, 'For skin regeneration at home, try our exosome serum.')).toEqual(['regeneration at home, try our exosome']);
  });

  it('does not join words of two clauses', () => {
    expect(flagged(ruleSet, 'Exosomes are tiny vesicles; renewal of the barrier needs ceramides.')).toEqual([]);
    expect(flagged(ruleSet, 'We stock exosome toners, but renewal comes from sleep.')).toEqual([]);
  });

  it('lets the subject of a sentence that goes on with a pronoun meet a later clause that opens with it again', () => {
    expect(flagged(ruleSet, 'Our serum is rich in exosomes. They are gentle: they bring renewal.')).toEqual(['They are gentle: they bring renewal']);
    expect(flagged(ruleSet, 'Our serum is rich in exosomes. They are gentle: sleep brings renewal.')).toEqual([]);
  });

  it('compiles to one pattern per order, and refuses more than three concepts', () => {
    expect(compileRuleSet([{ file: 'rules/t.yaml', text: rule('<exo> & <renewal> & skin') }], undefined, { vocabulary }).rules[0]!.match).toHaveLength(6);
    expect(() => compile('<exo> & <renewal> & skin & face')).toThrow(RuleSetError);
    expect(() => compile('<exo> & <renewal> & skin & face')).toThrow(/two or three concepts/);
  });
});

describe('a sentence that goes on with a pronoun', () => {
  const ruleSet = compile('<exo> .{0,3} <renewal>');

  it('is read as about the subject the sentence before it names', () => {
    const text = 'Our serum is rich in exosomes. They renew your skin overnight.';
    const [finding, ...more] = scanText(nlp, text, ruleSet).findings;
    expect(more).toEqual([]);
    // Measured on the sentence as written: the highlight starts at "They", never in the sentence before.
    expect(finding!.sentence).toBe('They renew your skin overnight.');
    expect(text.slice(finding!.start, finding!.end)).toBe(finding!.text);
    expect(finding!.text).toBe('They renew');
  });

  it('carries the subject to the next block too, but not past a blank line or to a sentence that names its own subject', () => {
    expect(flagged(ruleSet, 'Exosomes at a glance\nThese tiny messengers renew tired skin.')).toEqual(['These tiny messengers renew']);
    expect(flagged(ruleSet, 'Exosomes at a glance\n\nThey renew tired skin.')).toEqual([]);
    expect(flagged(ruleSet, 'Our serum is rich in exosomes. Retinol renews your skin.')).toEqual([]);
  });

  it('carries the subject on through sentences that go on with pronouns, and stops at one that does not', () => {
    const chain = 'Our serum is rich in exosomes. They are tiny. They renew your skin. It feels soft. These renew tired hair.';
    expect(flagged(ruleSet, chain)).toEqual(['They renew']);
    expect(flagged(ruleSet, 'Our serum is rich in exosomes. They are tiny. Made in Korea. They renew your skin.')).toEqual([]);
  });

  it('goes on through "the serum", "the treatment", and passes the subject on along the chain', () => {
    const far = compile('<exo> .{0,6} <renewal>');
    expect(flagged(far, 'Our serum is rich in exosomes. The serum is gentle. This serum renews your skin.')).toEqual(['This serum renews']);
    // The second sentence borrowed its subject; the third borrows it from the first through the second.
    expect(flagged(far, 'Our serum is rich in exosomes. The serum aims at renewal. In short, this serum renews your skin.')).toEqual([
      'The serum aims at renewal',
      'In short, this serum renews',
    ]);
  });

  it('needs the sentence before to name a subject', () => {
    expect(flagged(ruleSet, 'Our serum is rich in ceramides. They renew your skin.')).toEqual([]);
  });

  it('goes on after a short connective, but not where the sentence names its own subject', () => {
    expect(flagged(ruleSet, 'Our serum is rich in exosomes. Specifically, they renew your skin.')).toEqual(['Specifically, they renew']);
    expect(flagged(ruleSet, 'Our serum is rich in exosomes. In short, it renews your skin.')).toEqual(['In short, it renews']);
    expect(flagged(ruleSet, 'Our serum is rich in exosomes. Specifically, retinol renews your skin.')).toEqual([]);
  });

  it('brings the words that qualify the subject along, since a rule may turn on them', () => {
    const plant = compile('plant <exo> .{0,3} <renewal>');
    expect(flagged(plant, 'Our toner holds plant exosomes. They renew your skin.')).toEqual(['They renew']);
    // compromise reads a sentence-opening noun as a command: with a verb of its own after the subject, it qualifies it.
    expect(flagged(plant, 'Plant exosomes are in our toner. They renew your skin.')).toEqual(['They renew']);
    // A determiner or a verb is not part of the subject's name.
    expect(flagged(plant, 'Our toner holds exosomes. They renew your skin.')).toEqual([]);
    expect(flagged(plant, 'We plant exosomes in every bottle. They renew your skin.')).toEqual([]);
  });

  it('reads a later clause that opens with a pronoun again with the same subject, shown on its whole sentence', () => {
    expect(flagged(ruleSet, 'Our serum is rich in exosomes. They are gentle: they renew your skin.')).toEqual(['they renew']);
    const [finding] = scanText(nlp, 'Exosomes are tiny vesicles, and they renew your skin.', ruleSet).findings;
    expect(finding!.text).toBe('they renew');
    expect(finding!.sentence).toBe('Exosomes are tiny vesicles, and they renew your skin.');
    // Once per rule and sentence: the sentence already flags what its first clause says.
    expect(flagged(ruleSet, 'Exosomes renew skin, and they renew hair.')).toEqual(['Exosomes renew']);
    // A clause that says what its subject is defines it.
    expect(flagged(ruleSet, 'Exosomes are not cells; they are renewal itself.')).toEqual([]);
    // Without a subject in the sentence or before it, a pronoun stands for nothing known.
    expect(flagged(ruleSet, 'Retinol is gentle: they renew your skin.')).toEqual([]);
  });

  it('keeps the exceptions of the whole sentence for a later clause read on its own', () => {
    const reported = compileRuleSet([{ file: 'rules/t.yaml', text: exosomeRule(['<exo> .{0,3} <renewal>'], ['brands claim']) }], undefined, { vocabulary });
    const text = 'Brands claim exosomes are very gentle on skin: they renew your skin.';
    expect(flagged(reported, text)).toEqual([]);
    // Quiet, with the reason, once, on the whole sentence.
    expect(scanText(nlp, text, reported).quiet.map((q) => [q.set, q.sentence])).toEqual([['rule', text]]);
    expect(flagged(reported, 'We say exosomes are very gentle on skin: they renew your skin.')).toEqual(['they renew']);
  });

  it("keeps the subject's exceptions from a sentence whose own head is a product, not the subject", () => {
    // The qualifier "skin" makes the borrowed subject the body's own cells, which the rule leaves alone.
    const own = compileRuleSet([{ file: 'rules/t.yaml', text: exosomeRule(['<exo> .{0,3} <renewal>'], ['^skin <exo>']) }], undefined, { vocabulary });
    expect(flagged(own, 'Boosts your skin exosomes.\nThis extract renews your skin exosomes.')).toEqual(['This extract renews']);
    // "They" is the subject itself, qualifier and all: still the body's own.
    expect(flagged(own, 'Boosts your skin exosomes.\nThey renew the skin.')).toEqual([]);
  });
});

describe('a softener ("may", "potential")', () => {
  it('softens the claim it stands in or before, not one its sentence has already made', () => {
    const quiet = (text: string) => scanText(nlp, text, builtIn).quiet.map((q) => q.set);
    const flags = (text: string) => scanText(nlp, text, builtIn).findings.map((f) => f.ruleId);
    expect(quiet('Apple stem cell extract may help renew tired skin.')).toContain('softened');
    expect(flags('Apple stem cells activate your hair follicles and may extend their lifespan.')).toContain('stem-cell-branding');
    // In another clause, a softener does not reach the claim either.
    expect(flags('Exosome therapy is a promising field; our exosome serum regenerates your skin overnight.')).toContain('exosome-promises');
  });
});
