/**
 * Counts the rules' patterns as written and finds the dead ones: a pattern none of its rule's own examples
 * exercises (a `match` or `requires` pattern that matches no `flags` example, an `unless` pattern that matches
 * no `quiet` example; a shared set's pattern that matches no `quiet` example of any rule listing the set). A
 * dead pattern is untested code: it may never match, or match what nobody meant. Node only (build and tests).
 */
import { parse } from 'yaml';
import nlp from '../engine/nlp.ts';
import { preparer } from '../engine/claims/compile-rules.ts';
import { patternsFound } from '../engine/claims/match-claims.ts';
import type { RuleSpec } from '../engine/types.ts';
import type { Vocabulary } from '../engine/claims/vocabulary.ts';
import type { RuleSources } from './load-rules.ts';

export interface DeadPattern {
  file: string;
  /** The rule id, or the shared set's name as `$name`. */
  owner: string;
  field: string;
  pattern: string;
}

export interface PatternCensus {
  match: number;
  unless: number;
  requires: number;
  /** Patterns of the shared `unless` sets (contexts.yaml). */
  shared: number;
  total: number;
  dead: DeadPattern[];
}

/** The census of a rules folder that compiles (compile it first: this assumes valid files). */
export function patternCensus(sources: RuleSources, vocabulary: Vocabulary): PatternCensus {
  const prepare = preparer(vocabulary);
  const census: PatternCensus = { match: 0, unless: 0, requires: 0, shared: 0, total: 0, dead: [] };
  /** For each written pattern, whether any of the texts exercises one of the patterns it compiles to. */
  const exercisedAll = (patterns: readonly string[], texts: readonly string[]): boolean[] => {
    const compiled = patterns.map((p) => prepare(p));
    if (texts.length === 0) return patterns.map(() => false);
    // One index for all of them: what a sentence matches, looked up once.
    const found = new Set(patternsFound(nlp, compiled.flat(), texts).flat());
    return compiled.map((list) => list.some((c) => found.has(c)));
  };
  const quietBySet = new Map<string, string[]>();
  for (const source of sources.ruleFiles) {
    for (const rule of parse(source.text) as RuleSpec[]) {
      const check = (field: 'match' | 'unless' | 'requires', texts: readonly string[]) => {
        const own = (rule[field] ?? []).map((pattern, i) => ({ pattern, i })).filter(({ pattern }) => !pattern.startsWith('$'));
        // A shared set is exercised by the quiet examples of every rule that lists it.
        for (const pattern of rule[field] ?? []) {
          if (!pattern.startsWith('$')) continue;
          const list = quietBySet.get(pattern.slice(1)) ?? [];
          list.push(...rule.examples.quiet);
          quietBySet.set(pattern.slice(1), list);
        }
        census[field] += own.length;
        exercisedAll(own.map((o) => o.pattern), texts).forEach((live, k) => {
          const { pattern, i } = own[k]!;
          if (!live) census.dead.push({ file: source.file, owner: rule.id, field: `${field}[${i}]`, pattern });
        });
      };
      check('match', rule.examples.flags);
      check('requires', rule.examples.flags);
      check('unless', rule.examples.quiet);
    }
  }
  if (sources.contexts) {
    const sets = parse(sources.contexts.text) as Record<string, { patterns: string[] }>;
    for (const [name, set] of Object.entries(sets)) {
      census.shared += set.patterns.length;
      exercisedAll(set.patterns, quietBySet.get(name) ?? []).forEach((live, i) => {
        if (!live) census.dead.push({ file: sources.contexts!.file, owner: `$${name}`, field: `patterns[${i}]`, pattern: set.patterns[i]! });
      });
    }
  }
  census.total = census.match + census.unless + census.requires + census.shared;
  return census;
}
