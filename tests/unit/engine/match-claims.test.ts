// The matcher on its own: spans, offsets into the whole text, quiet mentions and their reasons.
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../../src/engine/claims/compile-rules.ts';
import { ruleSet as builtIn } from 'virtual:claimlens/rules';
import { patternsFound } from '../../../src/engine/claims/match-claims.ts';
import nlp from '../../../src/engine/nlp.ts';
import { scanText } from '../../../src/engine/claims/scan-text.ts';

const RULES = `
- id: room-temperature
  title: Room temperature
  severity: unsupported
  claim: Stable at room temperature.
  match:
    - (not|never) degrade at room temperature
    - stable at room temperature
  unless:
    - $question
  explanation: Because.
  ask: Really?
  sources:
    - seed: 001_114ca1963b9cdec9.txt
      anchor: easily degraded at room temperature
  examples:
    flags: [It is stable at room temperature.]
    quiet: [Is it stable at room temperature?]
`;
const ruleSet = compileRuleSet(
  [{ file: 'rules/t.yaml', text: RULES }],
  { file: 'rules/contexts.yaml', text: 'question:\n  reason: a question\n  patterns: ["@hasQuestionMark"]\n' },
);

/** A rule for these tests, specific or fallback, with examples that compile. */
function oneRule(id: string, match: string | readonly string[], examples: { flags: string; quiet: string }, fallback = false): string {
  return `
- id: ${id}
  title: Rule ${id}
  severity: unsupported
  claim: A claim.
  fallback: ${fallback}
  match:
${[match].flat().map((m) => `    - ${m}`).join('\n')}
  explanation: Because.
  ask: Really?
  sources:
    - seed: 001_114ca1963b9cdec9.txt
      anchor: Many merchants just use stem cell gimmicks
  examples:
    flags: [${examples.flags}]
    quiet: [${examples.quiet}]
`;
}

describe('matchClaims', () => {
  it('gives offsets into the whole text, whole words only, even after a contraction', () => {
    const text = "First line.\nOur serum won't degrade at room temperature, ever.";
    const [finding] = scanText(nlp, text, ruleSet).findings;
    expect(finding).toBeDefined();
    expect(text.slice(finding!.start, finding!.end)).toBe(finding!.text);
    expect(finding!.text).toMatch(/degrade at room temperature$/);
  });

  it('keeps a questioned claim quiet and says why', () => {
    const text = 'Is the serum stable at room temperature?';
    const result = scanText(nlp, text, ruleSet);
    expect(result.findings).toEqual([]);
    expect(result.quiet).toEqual([
      { ruleId: 'room-temperature', start: 0, end: text.length, sentence: text, set: 'question', reason: 'a question' },
    ]);
  });

  it('lets a fallback rule flag a sentence only when no specific rule does', () => {
    const FALLBACK = oneRule('stem-cell-name', 'stem cell serum', { flags: 'Our stem cell serum.', quiet: 'Our vitamin serum.' }, true);
    const set = compileRuleSet([
      { file: 'rules/t.yaml', text: RULES },
      { file: 'rules/f.yaml', text: FALLBACK },
    ], { file: 'rules/contexts.yaml', text: 'question:\n  reason: a question\n  patterns: ["@hasQuestionMark"]\n' });
    const ids = (text: string) => scanText(nlp, text, set).findings.map((f) => f.ruleId);
    expect(ids('Our stem cell serum is stable at room temperature.')).toEqual(['room-temperature']);
    expect(ids('Meet our stem cell serum. It is stable at room temperature.')).toEqual(['stem-cell-name', 'room-temperature']);
    expect(ids('Meet our stem cell serum.')).toEqual(['stem-cell-name']);
  });

  it('lets a fallback rule speak for a later clause read on its own only when no specific rule flags its whole sentence', () => {
    const rule = (id: string, match: string, fallback: boolean) => oneRule(id, match, { flags: `Our serum ${id}.`, quiet: `Our cream ${id}.` }, fallback);
    const contexts = { file: 'rules/contexts.yaml', text: '{}' };
    const vocabulary = new Map([['subjects', ['serum']]]);
    const set = compileRuleSet(
      [{ file: 'rules/g.yaml', text: rule('glows', 'serum .{0,2} glows', true) }, { file: 'rules/l.yaml', text: rule('lasts', 'serum .{0,2} lasts', false) }],
      contexts,
      { vocabulary },
    );
    const ids = (text: string) => scanText(nlp, text, set).findings.map((f) => f.ruleId);
    expect(ids('Our serum glows.')).toEqual(['glows']);
    // "…, and it glows" is read as "serum and it glows": only there does the fallback rule match.
    expect(ids('Our serum lasts, and it glows.')).toEqual(['lasts']);
    // The other way round: the specific claim is only in the later clause.
    expect(ids('Our serum glows, and it lasts.')).toEqual(['lasts']);
    expect(ids('Our serum is gentle, and it glows.')).toEqual(['glows']);
  });
});

describe('reading a sentence', () => {
  it('splits a hyphenated word after a bracket and "A+B" as it does elsewhere, with offsets into the text as written', () => {
    const RULE = oneRule('msc-cm', ['msc cm', 'egf fgf cocktail'], { flags: 'The MSC-CM facial.', quiet: 'The MSC facial.' });
    const set = compileRuleSet([{ file: 'rules/m.yaml', text: RULE }], { file: 'rules/contexts.yaml', text: '{}' });
    for (const [text, found] of [
      ['Result: permanent (MSC-CM facial).', 'MSC-CM'],
      ['Spec [MSC-CM] serum.', 'MSC-CM'],
      ['Load the EGF+FGF cocktail.', 'EGF+FGF cocktail'],
    ] as const) {
      const findings = scanText(nlp, text, set).findings;
      expect(findings.map((f) => f.text)).toEqual([found]);
      expect(findings[0]!.sentence).toBe(text);
    }
  });
});

describe('the pattern index', () => {
  it('finds exactly the patterns compromise matches one by one, on every rule example', () => {
    const mismatches: string[] = [];
    for (const rule of builtIn.rules) {
      const patterns = [...new Set([...rule.match, ...rule.requires, ...rule.unless.map((u) => u.pattern)])];
      const texts = [...rule.examples.flags, ...rule.examples.quiet];
      const found = patternsFound(nlp, patterns, texts);
      texts.forEach((text, i) => {
        const doc = nlp(text);
        const expected = patterns.filter((p) => doc.has(p)).sort();
        if (found[i]!.join('\n') !== expected.join('\n')) mismatches.push(`${rule.id}: ${text}`);
      });
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
