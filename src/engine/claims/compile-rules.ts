/**
 * Turns rule files (YAML text) into the compiled rule set the engine runs. Every problem is reported with
 * the file, line, rule id and field, and all problems are reported at once, so a broken rule is fixed in one go.
 */
import * as v from 'valibot';
import { ContextFileSchema, RuleFileSchema } from './rule-schema.ts';
import { expandInflections, parsePattern, PatternError, patternTriggers, splitHyphenated, splitWildcardGroups, type PatternTriggers } from './pattern-triggers.ts';
import { shortHash } from '../hash.ts';
import { expandVocabulary, type Vocabulary } from './vocabulary.ts';
import { issueProblem, lineOf, parseYaml, RuleSetError, type RuleFileText, type RuleProblem } from '../yaml-problems.ts';
import type { CompiledRule, CompiledRuleSet, ContextSet, RuleSpec, UnlessPattern } from '../types.ts';

/**
 * A written pattern as the patterns compromise should see: `<vocabulary>` names replaced by their words,
 * `{word}` inflected, hyphenated words as the tokenizer splits them, and a group with multi-word choices after
 * a wildcard written out as several patterns (compromise never matches that shape). A meeting of concepts,
 * `A & B` or `A & B & C`, becomes one pattern per order (`A * B`, `B * A`): all anywhere in one clause (the
 * matcher keeps a sentence-wide wildcard inside the claim's clause).
 */
export const preparer = (vocabulary: Vocabulary) => (pattern: string): string[] =>
  meetingOrders(pattern).flatMap((p) => splitWildcardGroups(splitHyphenated(expandInflections(expandVocabulary(p, vocabulary)))));

/** `A & B (& C)` in every order; any other pattern as it is. */
function meetingOrders(pattern: string): string[] {
  const sides = pattern.split(' & ').map((s) => s.trim());
  if (sides.length === 1) return [pattern];
  if (sides.length > 3 || sides.some((s) => s === '' || s.includes('&'))) {
    throw new PatternError('must join two or three concepts with " & " ("<stem-cells> & <skin-renewing>")');
  }
  const orders = (rest: string[]): string[][] => (rest.length <= 1 ? [rest] : rest.flatMap((s, i) => orders(rest.filter((_, j) => j !== i)).map((o) => [s, ...o])));
  return orders(sides).map((o) => o.join(' * '));
}

// The error shapes moved to yaml-problems.ts, shared with the cytokine lexicon; importers keep this path.
export { RuleSetError, type RuleFileText, type RuleProblem } from '../yaml-problems.ts';

/** How rules other than the built-in ones (the shopper's own) are checked. */
export interface CompileOptions {
  /** The schema of a rule file; the built-in rules' by default. Its output must be rule specs. */
  schema?: v.GenericSchema<unknown, RuleSpec[]>;
  /** Ids already in use elsewhere (the built-in rules), with the file each is in: a rule may not take one. */
  takenIds?: ReadonlyMap<string, string>;
  /** The named vocabularies patterns may use as `<name>` (rules/vocabulary.yaml). */
  vocabulary?: Vocabulary;
}

/**
 * Validates and compiles rule files and the shared `unless` sets into one rule set.
 * @throws RuleSetError naming file, line, rule and field of every problem found.
 */
export function compileRuleSet(ruleFiles: readonly RuleFileText[], contextsFile?: RuleFileText, options: CompileOptions = {}): CompiledRuleSet {
  const schema = options.schema ?? RuleFileSchema;
  const problems: RuleProblem[] = [];
  const prepare = preparer(options.vocabulary ?? new Map());
  const contexts = contextsFile ? parseContextFile(contextsFile, problems, prepare) : {};
  const rules: CompiledRule[] = [];
  const triggersOf = new Map<string, string[]>();
  const seen = new Map<string, string>();
  for (const source of ruleFiles) {
    const parsed = parseYaml(source, problems);
    if (!parsed) continue;
    const result = v.safeParse(schema, parsed.value);
    if (!result.success) {
      for (const issue of result.issues) problems.push(issueProblem(source.file, parsed, issue, schema));
      continue;
    }
    result.output.forEach((spec, index) => {
      const at = (field: string, message: string, path: (string | number)[]) =>
        problems.push({ file: source.file, line: lineOf(parsed, [index, ...path]), ruleId: spec.id, field, message });
      const earlier = seen.get(spec.id);
      const taken = options.takenIds?.get(spec.id);
      if (earlier !== undefined) at('id', `duplicates the id of a rule in ${earlier}`, ['id']);
      else if (taken !== undefined) at('id', `is already the id of a built-in rule (${taken}): choose another id`, ['id']);
      seen.set(spec.id, source.file);
      const compiled = compileRule(spec, source.file, contexts, at, prepare);
      if (compiled) {
        rules.push(compiled.rule);
        triggersOf.set(compiled.rule.id, compiled.triggers);
      }
    });
  }
  if (problems.length > 0) throw new RuleSetError(problems);
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const triggers: Record<string, string[]> = {};
  for (const rule of rules) {
    for (const word of triggersOf.get(rule.id) ?? []) {
      const ids = (triggers[word] ??= []);
      if (!ids.includes(rule.id)) ids.push(rule.id);
    }
  }
  const subjects = options.vocabulary?.get(SUBJECTS_VOCABULARY);
  const body = { rules, prefilter: { triggers }, ...(subjects ? { subjects: [...subjects] } : {}) };
  return { version: shortHash(JSON.stringify(body)), ...body };
}

/** The vocabulary naming what a pronoun may stand for (see CompiledRuleSet.subjects). */
const SUBJECTS_VOCABULARY = 'subjects';

/** Words that deny a claim, as a rule's own `unless` patterns write them. */
const DENIAL = /(^|[^a-z'])(not|never|no|none|nothing|without|cannot|can't|won't|isn't|aren't|doesn't|don't|didn't|nor|neither|zero)([^a-z']|$)/i;

type Report = (field: string, message: string, path: (string | number)[]) => void;

function compileRule(
  spec: RuleSpec,
  file: string,
  contexts: Record<string, ContextSet>,
  report: Report,
  prepare: (pattern: string) => string[],
): { rule: CompiledRule; triggers: string[] } | undefined {
  let ok = true;
  // Each written pattern with the compromise patterns it became, so a problem names the pattern as written.
  const prepared = (field: 'match' | 'requires') =>
    spec[field].map((pattern, i) => {
      try {
        return { i, compiled: prepare(pattern) };
      } catch (err) {
        if (!(err instanceof PatternError)) throw err;
        report(`${field}[${i}]`, `pattern "${pattern}" ${err.message}`, [field, i]);
        ok = false;
        return { i, compiled: [] };
      }
    });
  const triggerList = (field: 'match' | 'requires', patterns: { i: number; compiled: string[] }[]) =>
    patterns.flatMap(({ i, compiled }) =>
      compiled.map((pattern) => {
        try {
          return { i, ...patternTriggers(pattern) };
        } catch (err) {
          if (!(err instanceof PatternError)) throw err;
          report(`${field}[${i}]`, `pattern "${spec[field][i]}" ${err.message}`, [field, i]);
          ok = false;
          return { i, words: [], common: [], everyday: [] };
        }
      }),
    );
  const matchPrepared = prepared('match');
  const requiresPrepared = prepared('requires');
  if (!ok) return undefined;
  const match = matchPrepared.flatMap((p) => p.compiled);
  const requires = requiresPrepared.flatMap((p) => p.compiled);
  const matchTriggers = triggerList('match', matchPrepared);
  const requiresTriggers = triggerList('requires', requiresPrepared);
  const unless: UnlessPattern[] = [];
  spec.unless.forEach((entry, i) => {
    if (!entry.startsWith('$')) {
      try {
        for (const pattern of prepare(entry)) {
          parsePattern(pattern);
          // A rule's own exception either denies the claim ("does not contain live cells") or reads its words
          // another way ("stem cell extract"): the popup says which.
          unless.push(DENIAL.test(entry) ? { pattern, set: 'negated', reason: 'denies the claim' } : { pattern, set: 'rule', reason: 'an exception the rule makes' });
        }
      } catch (err) {
        if (!(err instanceof PatternError)) throw err;
        report(`unless[${i}]`, `pattern "${entry}" ${err.message}`, ['unless', i]);
        ok = false;
      }
      return;
    }
    const name = entry.slice(1);
    const set = contexts[name];
    if (!set) {
      const known = Object.keys(contexts).map((k) => `$${k}`).join(', ') || 'none are defined';
      report(`unless[${i}]`, `names an unknown set "${entry}" (known: ${known})`, ['unless', i]);
      ok = false;
      return;
    }
    for (const written of set.patterns) {
      try {
        for (const pattern of prepare(written)) unless.push({ pattern, set: name, reason: set.reason });
      } catch (err) {
        // Reported once, for the contexts file itself.
        if (!(err instanceof PatternError)) throw err;
      }
    }
  });
  if (!ok) return undefined;
  // Both a match pattern and a `requires` pattern must match, so either side can be the prefilter: the rarer.
  // Of two sparse sides, the one with fewer everyday words, so ordinary pages wake on neither.
  const sparse = (list: PatternTriggers[]) => list.length > 0 && list.every((t) => t.common.length === 0);
  const everyday = (list: PatternTriggers[]) => list.reduce((sum, t) => sum + t.everyday.length, 0);
  let triggers: string[];
  if (sparse(matchTriggers) && !(sparse(requiresTriggers) && everyday(requiresTriggers) < everyday(matchTriggers))) {
    triggers = matchTriggers.flatMap((t) => t.words);
  } else if (sparse(requiresTriggers)) triggers = requiresTriggers.flatMap((t) => t.words);
  else {
    matchTriggers.forEach((t, i) => {
      if (t.common.length === 0) return;
      report(
        `match[${i}]`,
        `pattern "${spec.match[i]}" can only be prefiltered on common words (${t.common.join(', ')}): make a rarer word required, or add \`requires\` patterns naming the subject`,
        ['match', i],
      );
    });
    return undefined;
  }
  return { rule: { ...spec, file, match, unless, requires }, triggers: [...new Set(triggers)] };
}

function parseContextFile(source: RuleFileText, problems: RuleProblem[], prepare: (pattern: string) => string[]): Record<string, ContextSet> {
  const parsed = parseYaml(source, problems);
  if (!parsed) return {};
  const result = v.safeParse(ContextFileSchema, parsed.value);
  if (result.success) {
    // A trap is reported here, once, not under every rule that lists the set; the sets are still returned so
    // the rules do not also fail as naming an unknown set.
    for (const [name, set] of Object.entries(result.output)) {
      set.patterns.forEach((pattern, i) => {
        try {
          for (const compiled of prepare(pattern)) parsePattern(compiled);
        } catch (err) {
          if (!(err instanceof PatternError)) throw err;
          const line = lineOf(parsed, [name, 'patterns', i]);
          problems.push({ file: source.file, ...(line === undefined ? {} : { line }), field: `${name}.patterns[${i}]`, message: `pattern "${pattern}" ${err.message}` });
        }
      });
    }
    return result.output;
  }
  for (const issue of result.issues) problems.push(issueProblem(source.file, parsed, issue, ContextFileSchema));
  return {};
}
