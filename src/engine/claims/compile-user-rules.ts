/**
 * The shopper's own rules, typed in the options page: compiled by the same compiler, against the same shared
 * `unless` sets, as the built-in rules, and refused with a message naming line, rule and field when they are
 * wrong or take a built-in rule's id. Examples, when given, must behave as the rule promises.
 */
import { compileRuleSet, RuleSetError, type RuleProblem } from './compile-rules.ts';
import { UserRuleFileSchema } from './user-rule-schema.ts';
import { findCandidates, buildTriggerMatcher } from './find-candidates.ts';
import { matchClaims } from './match-claims.ts';
import { shortHash } from '../hash.ts';
import { combinePrefilters } from './combine-prefilters.ts';
import type { Nlp } from '../nlp.ts';
import type { CompiledRule, CompiledRuleSet } from '../types.ts';

/** The `file` of every user rule: how the rest of the extension tells a user rule from a built-in one. */
export const USER_RULES_FILE = 'your rules';

export interface UserRulesInput {
  /** The YAML the shopper typed. */
  text: string;
  /** `rules/contexts.yaml`, so `$question`, `$reported`, … mean what they mean in the built-in rules. */
  contexts: { file: string; text: string };
  /** The named vocabularies, so `<living>` means in the shopper's rules what it means in the built-in ones. */
  vocabulary: Readonly<Record<string, readonly string[]>>;
  /** The built-in rules: their ids are taken. */
  builtIn: readonly Pick<CompiledRule, 'id' | 'file'>[];
  /** When given, each rule's examples are run: a `flags` sentence it leaves alone, or a `quiet` one it flags, is a problem. */
  nlp?: Nlp;
}

export type UserRulesResult = { ok: true; ruleSet: CompiledRuleSet } | { ok: false; problems: RuleProblem[]; message: string };

/** An empty rule set: no user rules. */
export const NO_USER_RULES: CompiledRuleSet = Object.freeze({ version: '', rules: [], prefilter: { triggers: {} } });

export function compileUserRules(input: UserRulesInput): UserRulesResult {
  if (input.text.trim() === '') return { ok: true, ruleSet: NO_USER_RULES };
  let ruleSet: CompiledRuleSet;
  try {
    ruleSet = compileRuleSet([{ file: USER_RULES_FILE, text: input.text }], input.contexts, {
      schema: UserRuleFileSchema,
      takenIds: new Map(input.builtIn.map((r) => [r.id, r.file])),
      vocabulary: new Map(Object.entries(input.vocabulary)),
    });
  } catch (err) {
    if (!(err instanceof RuleSetError)) throw err;
    return refused(err.problems);
  }
  if (input.nlp) {
    const problems = exampleProblems(input.nlp, ruleSet, input.text);
    if (problems.length > 0) return refused(problems);
  }
  return { ok: true, ruleSet };
}

/** A problem in the shopper's words: `line 4: rule "my-rule", field "severity": must be one of …`. */
function formatUserProblem(p: RuleProblem): string {
  const where = p.line === undefined ? '' : `line ${p.line}: `;
  const rule = p.ruleId === undefined ? '' : `rule "${p.ruleId}", `;
  const field = p.field === undefined ? '' : `field "${p.field}": `;
  // The contexts file is ours; a problem there is not the shopper's to fix, so it keeps its file name.
  const file = p.file === USER_RULES_FILE ? '' : `${p.file}: `;
  return `${file}${where}${rule}${field}${p.message}`;
}

/** The built-in rules and the shopper's as one set, for the prefilter and the matcher. */
export function combineRuleSets(builtIn: CompiledRuleSet, user: CompiledRuleSet): CompiledRuleSet {
  if (user.rules.length === 0) return builtIn;
  return {
    version: shortHash(`${builtIn.version}+${user.version}`),
    rules: [...builtIn.rules, ...user.rules],
    prefilter: combinePrefilters(builtIn.prefilter, user.prefilter),
    ...(builtIn.subjects ? { subjects: builtIn.subjects } : {}),
  };
}

function refused(problems: RuleProblem[]): UserRulesResult {
  return { ok: false, problems, message: problems.map(formatUserProblem).join('\n') };
}

function exampleProblems(nlp: Nlp, ruleSet: CompiledRuleSet, text: string): RuleProblem[] {
  const matcher = buildTriggerMatcher(ruleSet.prefilter);
  const problems: RuleProblem[] = [];
  const lines = text.split('\n');
  const lineOfText = (sentence: string) => {
    const i = lines.findIndex((l) => l.includes(sentence));
    return i < 0 ? undefined : i + 1;
  };
  for (const rule of ruleSet.rules) {
    const flagged = (sentence: string) => {
      const candidates = findCandidates(sentence, matcher).map((c) => ({ ...c, ruleIds: c.ruleIds.filter((id) => id === rule.id) }));
      return matchClaims(nlp, candidates, ruleSet).findings.some((f) => f.ruleId === rule.id);
    };
    const check = (list: 'flags' | 'quiet', expected: boolean, message: string) =>
      rule.examples[list].forEach((sentence, i) => {
        if (flagged(sentence) !== expected) {
          problems.push({ file: USER_RULES_FILE, line: lineOfText(sentence), ruleId: rule.id, field: `examples.${list}[${i}]`, message });
        }
      });
    check('flags', true, 'the rule does not flag this sentence, though it is listed under flags');
    check('quiet', false, 'the rule flags this sentence, though it is listed under quiet');
  }
  return problems;
}
