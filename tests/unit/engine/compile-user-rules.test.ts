// The shopper's own rules go through the built-in compiler: a valid text compiles (and runs), a bad one is
// refused naming line, rule and field, and a built-in id cannot be taken.
import { describe, expect, it } from 'vitest';
import { contextsFile, rules, ruleSet, vocabulary } from 'virtual:claimlens/rules';
import nlp from '../../../src/engine/nlp.ts';
import { combineRuleSets, compileUserRules, NO_USER_RULES, USER_RULES_FILE } from '../../../src/engine/claims/compile-user-rules.ts';
import { buildTriggerMatcher, findCandidates } from '../../../src/engine/claims/find-candidates.ts';
import { matchClaims } from '../../../src/engine/claims/match-claims.ts';

const VALID = `- id: dragon-blood-scars
  title: Dragon blood heals scars
  severity: unsupported
  claim: A resin heals scars.
  match:
    - dragon blood {heal} scars
  unless: [$question]
  explanation: No trial I know of shows this.
  ask: Which trial showed scars healing?
  sources: ["My dermatologist, March 2025"]
  examples:
    flags: [Our dragon blood heals scars in a week.]
    quiet: [Does dragon blood heal scars?]
`;

const compile = (text: string, withNlp = false) => compileUserRules({ text, contexts: contextsFile, vocabulary, builtIn: rules, ...(withNlp ? { nlp } : {}) });

describe('compileUserRules', () => {
  it('compiles an empty text to no rules', () => {
    expect(compile('')).toEqual({ ok: true, ruleSet: NO_USER_RULES });
    expect(compile('  \n')).toEqual({ ok: true, ruleSet: NO_USER_RULES });
  });

  it('compiles a valid rule, with the shared unless sets and a citation in the shopper\'s words', () => {
    const result = compile(VALID, true);
    if (!result.ok) throw new Error(result.message);
    const [rule] = result.ruleSet.rules;
    expect(rule).toMatchObject({ id: 'dragon-blood-scars', file: USER_RULES_FILE, sources: [{ seed: '', anchor: 'My dermatologist, March 2025' }] });
    expect(rule!.unless.map((u) => u.set)).toContain('question');
    expect(Object.keys(result.ruleSet.prefilter.triggers)).toContain('dragon');
  });

  it('needs neither sources nor examples', () => {
    const bare = VALID.replace(/ {2}sources:.*\n/, '').replace(/ {2}examples:\n.*\n.*\n/, '');
    expect(bare).not.toContain('sources');
    const result = compile(bare);
    expect(result.ok).toBe(true);
  });

  it('runs with the built-in rules in one set: the sentence is flagged, a question is not', () => {
    const result = compile(VALID);
    if (!result.ok) throw new Error(result.message);
    const combined = combineRuleSets(ruleSet, result.ruleSet);
    const text = 'Our dragon blood heals scars overnight. Does dragon blood heal scars? It contains live stem cells.';
    const found = matchClaims(nlp, findCandidates(text, buildTriggerMatcher(combined.prefilter)), combined).findings;
    expect(found.map((f) => f.ruleId)).toContain('dragon-blood-scars');
    expect(found.filter((f) => f.ruleId === 'dragon-blood-scars').map((f) => f.sentence)).toEqual(['Our dragon blood heals scars overnight.']);
    expect(found.some((f) => f.ruleId !== 'dragon-blood-scars')).toBe(true);
    expect(combined.version).not.toBe(ruleSet.version);
  });

  it('refuses a bad field naming its line, rule and field', () => {
    const result = compile(VALID.replace('severity: unsupported', 'severity: dire'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('line 3: rule "dragon-blood-scars", field "severity": must be one of misleading, unsupported, risky, context');
  });

  it('refuses a missing field and a misspelt one', () => {
    const result = compile(VALID.replace('  ask: Which trial showed scars healing?\n', '  aks: Which trial?\n'));
    if (result.ok) throw new Error('accepted');
    expect(result.message).toContain('line 9: rule "dragon-blood-scars", field "aks": is not a known field; did you mean "ask"?');
    expect(result.message).toContain('rule "dragon-blood-scars", field "ask": is missing');
  });

  it('refuses an id a built-in rule has, naming that rule\'s file', () => {
    const builtIn = rules[0]!;
    const result = compile(VALID.replace('dragon-blood-scars', builtIn.id));
    if (result.ok) throw new Error('accepted');
    expect(result.message).toBe(`line 1: rule "${builtIn.id}", field "id": is already the id of a built-in rule (${builtIn.file}): choose another id`);
  });

  it('refuses an unknown shared set and a pattern with no rare word', () => {
    const common = compile(VALID.replace('dragon blood {heal} scars', 'it is the best'));
    if (common.ok) throw new Error('accepted');
    expect(common.message).toMatch(/^line 6: rule "dragon-blood-scars", field "match\[0\]": pattern "it is the best" can only be prefiltered on common words/);
    const result = compile(VALID.replace('[$question]', '[$rumour]'));
    if (result.ok) throw new Error('accepted');
    expect(result.message).toMatch(/line 7: rule "dragon-blood-scars", field "unless\[0\]": names an unknown set "\$rumour" \(known: \$question/);
  });

  it('refuses YAML that does not parse, with its line', () => {
    const result = compile('- id: x\n  title: [unclosed\n');
    if (result.ok) throw new Error('accepted');
    expect(result.message).toMatch(/^line \d+: is not valid YAML/);
  });

  it('refuses text that is not a list of rules', () => {
    const result = compile('id: dragon-blood-scars\n');
    if (result.ok) throw new Error('accepted');
    expect(result.message).toContain('your rules must be a list of rules');
  });

  it('refuses a rule whose own examples contradict it, when it can run them', () => {
    const wrong = VALID.replace('quiet: [Does dragon blood heal scars?]', 'quiet: [Dragon blood heals scars fast.]');
    expect(compile(wrong).ok).toBe(true);
    const result = compile(wrong, true);
    if (result.ok) throw new Error('accepted');
    expect(result.message).toBe('line 13: rule "dragon-blood-scars", field "examples.quiet[0]": the rule flags this sentence, though it is listed under quiet');
  });
});
