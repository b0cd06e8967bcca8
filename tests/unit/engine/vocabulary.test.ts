// Named vocabularies: a rule writes <living> once, and every word of the concept stands there.
import { describe, expect, it } from 'vitest';
import nlp from '../../../src/engine/nlp.ts';
import { compileRuleSet } from '../../../src/engine/claims/compile-rules.ts';
import { compileVocabulary, expandVocabulary } from '../../../src/engine/claims/vocabulary.ts';
import { PatternError } from '../../../src/engine/claims/pattern-triggers.ts';
import { matchClaims } from '../../../src/engine/claims/match-claims.ts';
import { buildTriggerMatcher, findCandidates } from '../../../src/engine/claims/find-candidates.ts';
import type { LexiconEntry } from '../../../src/engine/cytokines/lexicon-types.ts';

const FILE = 'rules/vocabulary.yaml';
const LEXICON = [
  { id: 'egf', name: 'EGF', aliases: ['EGF', 'rhEGF', 'epidermal growth factor'], class: 'growth-factor' },
  { id: 'il-6', name: 'IL-6', aliases: ['IL-6', 'interleukin 6'], class: 'pro-inflammatory' },
  { id: 'sod-cu', name: 'Cu/Zn SOD', aliases: ['Cu/Zn SOD'], class: 'growth-factor' },
] as unknown as LexiconEntry[];

const compile = (text: string) => compileVocabulary({ file: FILE, text }, LEXICON);

describe('compileVocabulary', () => {
  it('takes words, inflects {roots} inside phrases, and adds the aliases of lexicon classes', () => {
    const vocab = compile(`
living:
  about: alive
  words: [live, living, viable]
enter-cells:
  about: getting into cells
  words: ["{penetrate} cells"]
factor-names:
  about: growth factors by name
  lexicon: [growth-factor]
factors:
  about: any factor
  words: [growth factor]
  include: [factor-names]
egf:
  about: one factor
  entries: [egf]
`);
    expect(vocab.get('egf')).toEqual(['egf', 'rhegf', 'epidermal growth factor']);
    expect(vocab.get('living')).toEqual(['live', 'living', 'viable']);
    expect(vocab.get('enter-cells')).toEqual(expect.arrayContaining(['penetrate cells', 'penetrates cells', 'penetrated cells', 'penetrating cells']));
    // Aliases a pattern cannot spell ("Cu/Zn SOD") are left to the lexicon's own finder.
    expect(vocab.get('factor-names')).toEqual(['egf', 'rhegf', 'epidermal growth factor']);
    expect(vocab.get('factors')).toEqual(['growth factor', 'egf', 'rhegf', 'epidermal growth factor']);
  });

  it('keeps only the one-word choices of a one-word vocabulary, included ones too', () => {
    const vocab = compile(`
factor-names:
  about: growth factors by name
  lexicon: [growth-factor]
factor-words:
  about: one-word factors
  one-word: true
  words: [factor, growth factor, growth-factor]
  include: [factor-names]
`);
    expect(vocab.get('factor-words')).toEqual(['factor', 'egf', 'rhegf']);
    expect(() => compile('none:\n  about: x\n  one-word: true\n  words: [growth factor]\n')).toThrowError(/none.*has no one-word choice/);
  });

  it('names file, line, vocabulary and field of each problem, all at once', () => {
    expect(() =>
      compile(`
good:
  about: fine
  words: [a]
bad-words:
  about: x
  words: ["two  spaces", "(group|words)"]
loops:
  about: x
  include: [loops-too, nowhere]
loops-too:
  about: x
  include: [loops]
empty:
  about: nothing
unknown-entry:
  about: x
  entries: [nowhere]
`),
    ).toThrowError(
      /bad-words.*words\[0\].*single spaces[\s\S]*bad-words.*words\[1\][\s\S]*empty.*needs words[\s\S]*unknown-entry.*entries\[0\].*names no entry of the cytokine lexicon \("nowhere"\)[\s\S]*loops.*include\[0\].*includes itself through loops → loops-too → loops[\s\S]*unknown vocabulary "nowhere"/,
    );
  });
});

describe('expandVocabulary', () => {
  const vocab = new Map([
    ['living', ['live', 'living']],
    ['stem-cells', ['stem cells', 'msc']],
  ]);
  it('stands a vocabulary as a term, or as a choice of a group', () => {
    expect(expandVocabulary('<living> <stem-cells>', vocab)).toBe('(live|living) (stem cells|msc)');
    expect(expandVocabulary('(viable|<living>) cells', vocab)).toBe('(viable|live|living) cells');
    expect(expandVocabulary('<living>? cells', vocab)).toBe('(live|living)? cells');
    expect(expandVocabulary('no vocabulary here', vocab)).toBe('no vocabulary here');
  });
  it('refuses an unknown name and a name that is only part of a word or choice', () => {
    expect(() => expandVocabulary('<lively> cells', vocab)).toThrowError(new PatternError('names an unknown vocabulary <lively> (known: <living>, <stem-cells>)'));
    expect(() => expandVocabulary('un<living> cells', vocab)).toThrowError(/whole term or a whole/);
    expect(() => expandVocabulary('(very <living>|x) cells', vocab)).toThrowError(/whole term or a whole/);
  });
});

describe('rules written with vocabularies', () => {
  const RULE = `
- id: live-cells
  title: Live cells
  severity: misleading
  claim: Live cells in the jar.
  match:
    - <living> .{0,2} <stem-cells>
  explanation: Because.
  ask: Really?
  sources:
    - seed: 003_072484d7e9901298.txt
      anchor: there are no cells in the cream
  examples:
    flags: [It holds living MSC.]
    quiet: [It holds MSC extract.]
`;
  const vocabulary = new Map([
    ['living', ['live', 'living']],
    ['stem-cells', ['stem cells', 'msc']],
  ]);
  it('match every word of the vocabulary, and prefilter on the rarer one', () => {
    const ruleSet = compileRuleSet([{ file: 'rules/x.yaml', text: RULE }], undefined, { vocabulary });
    // "stem cells" after the wildcard is written out as a pattern of its own, which compromise can match.
    expect(ruleSet.rules[0]!.match).toEqual(['(live|living) .{0,2} (msc)', '(live|living) .{0,2} stem cells']);
    expect(Object.keys(ruleSet.prefilter.triggers).sort()).toEqual(['cells', 'msc']);
    const scan = (text: string) => matchClaims(nlp, findCandidates(text, buildTriggerMatcher(ruleSet.prefilter)), ruleSet).findings.map((f) => f.text);
    expect(scan('Our serum has live stem cells.')).toEqual(['live stem cells']);
    expect(scan('It holds living MSC.')).toEqual(['living MSC']);
    expect(scan('It holds MSC extract.')).toEqual([]);
  });
  it('name the rule, field and the unknown vocabulary when one is missing', () => {
    expect(() => compileRuleSet([{ file: 'rules/x.yaml', text: RULE }], undefined, { vocabulary: new Map() })).toThrowError(
      /rules\/x\.yaml.*rule "live-cells".*match\[0\].*unknown vocabulary <living>/,
    );
  });
});
