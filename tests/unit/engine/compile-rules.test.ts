// A broken rule must fail with a message a rule author can act on: file, line, rule id and field.
import { describe, expect, it } from 'vitest';
import { compileRuleSet, RuleSetError } from '../../../src/engine/claims/compile-rules.ts';

const GOOD = `
- id: sample-rule
  title: Sample
  severity: misleading
  claim: A claim.
  match:
    - live stem cells
  unless:
    - $question
  explanation: Because.
  ask: Really?
  sources:
    - seed: 001_114ca1963b9cdec9.txt
      anchor: easily degraded at room temperature
  examples:
    flags: [It has live stem cells.]
    quiet: [Does it have live stem cells?]
`;
const CONTEXTS = { file: 'rules/contexts.yaml', text: 'question:\n  reason: a question\n  patterns: ["@hasQuestionMark"]\n' };

function errorOf(text: string, contexts = CONTEXTS): string {
  try {
    compileRuleSet([{ file: 'rules/sample.yaml', text }], contexts);
  } catch (err) {
    expect(err).toBeInstanceOf(RuleSetError);
    return (err as Error).message;
  }
  throw new Error('expected the rule set to be refused');
}

describe('compileRuleSet', () => {
  it('compiles a valid rule with its triggers and expanded unless sets', () => {
    const set = compileRuleSet([{ file: 'rules/sample.yaml', text: GOOD }], CONTEXTS);
    expect(set.rules.map((r) => r.id)).toEqual(['sample-rule']);
    expect(set.rules[0]?.unless).toEqual([{ pattern: '@hasQuestionMark', set: 'question', reason: 'a question' }]);
    // The longest required word is the rarest guess: `cells`, not `live` or `stem`.
    expect(set.prefilter.triggers).toEqual({ cells: ['sample-rule'] });
    expect(set.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('names file, line, rule and field for a bad severity', () => {
    expect(errorOf(GOOD.replace('severity: misleading', 'severity: wrong'))).toBe(
      'rules/sample.yaml:4: rule "sample-rule", field "severity": must be one of misleading, unsupported, risky, context',
    );
  });

  it('names a missing field at the rule that lacks it', () => {
    expect(errorOf(GOOD.replace('  ask: Really?\n', ''))).toBe(
      'rules/sample.yaml:2: rule "sample-rule", field "ask": is missing',
    );
  });

  it('names a misspelt field', () => {
    expect(errorOf(GOOD.replace('  explanation:', '  explaination:')).split('\n')).toEqual([
      'rules/sample.yaml:2: rule "sample-rule", field "explanation": is missing',
      'rules/sample.yaml:10: rule "sample-rule", field "explaination": is not a known field; did you mean "explanation"?',
    ]);
  });

  it('names a nested field inside sources', () => {
    expect(errorOf(GOOD.replace('001_114ca1963b9cdec9.txt', 'seed-one.txt'))).toBe(
      'rules/sample.yaml:13: rule "sample-rule", field "sources[0].seed": must be a seed file name like 001_114ca1963b9cdec9.txt',
    );
  });

  it('refuses a pattern with no word to prefilter on', () => {
    expect(errorOf(GOOD.replace('    - live stem cells', '    - "#Noun #Verb"'))).toBe(
      'rules/sample.yaml:7: rule "sample-rule", field "match[0]": pattern "#Noun #Verb" needs at least one required literal word (tags, wildcards and regexes cannot be prefiltered)',
    );
  });

  it('refuses a pattern that could only be prefiltered on common words', () => {
    expect(errorOf(GOOD.replace('    - live stem cells', '    - (for|after) your skin'))).toBe(
      'rules/sample.yaml:7: rule "sample-rule", field "match[0]": pattern "(for|after) your skin" can only be prefiltered on common words (your): make a rarer word required, or add `requires` patterns naming the subject',
    );
  });

  it('prefilters on `requires` when the match patterns need only common words', () => {
    const text = GOOD.replace('    - live stem cells', '    - (for|after) your skin').replace('  unless:', '  requires:\n    - (cytokine|cytokines)\n  unless:');
    const set = compileRuleSet([{ file: 'rules/sample.yaml', text }], CONTEXTS);
    expect(set.prefilter.triggers).toEqual({ cytokine: ['sample-rule'], cytokines: ['sample-rule'] });
  });

  it('prefilters on `requires` when the match patterns need an everyday word and the requires patterns none', () => {
    const text = GOOD.replace('    - live stem cells', '    - a (version|copy) of it').replace('  unless:', '  requires:\n    - (peptide|peptides)\n  unless:');
    const set = compileRuleSet([{ file: 'rules/sample.yaml', text }], CONTEXTS);
    expect(set.prefilter.triggers).toEqual({ peptide: ['sample-rule'], peptides: ['sample-rule'] });
    // Without an everyday word on the match side, the match patterns stay the prefilter.
    const rare = compileRuleSet([{ file: 'rules/sample.yaml', text: text.replace('a (version|copy) of it', 'a synthetic version') }], CONTEXTS);
    expect(Object.keys(rare.prefilter.triggers).sort()).toEqual(['synthetic']);
  });

  it('explains an unquoted pattern that YAML read as a comment', () => {
    expect(errorOf(GOOD.replace('    - live stem cells', '    - live stem cells\n    - #Value years'))).toBe(
      'rules/sample.yaml:8: rule "sample-rule", field "match[1]": is empty: YAML reads an unquoted value starting with # as a comment, so quote it (e.g. "#Value years")',
    );
  });

  it('explains a pattern that a #Tag in its middle cut short, and leaves a real comment alone', () => {
    expect(errorOf(GOOD.replace('    - live stem cells', '    - live stem cells\n    - since #Value years'))).toBe(
      'rules/sample.yaml:8: rule "sample-rule", field "match[1]": "since #Value…" is cut short: YAML reads " #" as the start of a comment, so quote the whole value',
    );
    expect(() => compileRuleSet([{ file: 'rules/sample.yaml', text: GOOD.replace('    - live stem cells', '    - live stem cells # the plain claim') }], CONTEXTS)).not.toThrow();
  });

  it('refuses an unknown unless set', () => {
    expect(errorOf(GOOD.replace('$question', '$questions'))).toBe(
      'rules/sample.yaml:9: rule "sample-rule", field "unless[0]": names an unknown set "$questions" (known: $question)',
    );
  });

  it('refuses duplicate ids', () => {
    expect(errorOf(GOOD + GOOD.replace(/^\n/, ''))).toBe(
      'rules/sample.yaml:18: rule "sample-rule", field "id": duplicates the id of a rule in rules/sample.yaml',
    );
  });

  it('reports YAML syntax errors with their line', () => {
    expect(errorOf(GOOD.replace('  title: Sample', '  title: [Sample'))).toMatch(/^rules\/sample\.yaml:\d+: is not valid YAML: /);
  });

  it('reports every problem at once', () => {
    const message = errorOf(GOOD.replace('severity: misleading', 'severity: wrong').replace('title: Sample', 'title: ""'));
    expect(message.split('\n')).toEqual([
      'rules/sample.yaml:3: rule "sample-rule", field "title": must not be empty (a short headline)',
      'rules/sample.yaml:4: rule "sample-rule", field "severity": must be one of misleading, unsupported, risky, context',
    ]);
  });

  it('lists the known fields when a stray one is nothing like them', () => {
    expect(errorOf(GOOD.replace('  ask: Really?', '  ask: Really?\n  colour: red'))).toBe(
      'rules/sample.yaml:12: rule "sample-rule", field "colour": is not a known field (known: id, title, severity, claim, match, unless, requires, fallback, explanation, ask, sources, examples)',
    );
  });

  it('refuses a file that is not a list', () => {
    expect(errorOf('id: lonely\n')).toBe('rules/sample.yaml:1: a rule file must be a list of rules');
  });

  it('writes out a multi-word choice after a wildcard, which compromise would never match, as patterns of its own', () => {
    const split = GOOD.replace('    - $question', '    - $question\n    - has .{0,2} (years|a century)');
    const rule = compileRuleSet([{ file: 'rules/sample.yaml', text: split }], CONTEXTS).rules[0]!;
    expect(rule.unless.map((u) => u.pattern).slice(1)).toEqual(['has .{0,2} (years)', 'has .{0,2} a century']);
  });

  it('refuses an unless pattern compromise would never match, in a shared set', () => {
    const contexts = { file: 'rules/contexts.yaml', text: 'question:\n  reason: a question\n  patterns:\n    - "@hasQuestionMark"\n    - "is .{0,2} (#Value|many) years"\n' };
    expect(errorOf(GOOD, contexts)).toBe(
      'rules/contexts.yaml:5: field "question.patterns[1]": pattern "is .{0,2} (#Value|many) years" puts a wildcard right before a (…|…) group with a #Tag or /regex/ choice, which compromise never matches; move the tag out of the group into a pattern of its own',
    );
  });
});
