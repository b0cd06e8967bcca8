/**
 * Counts the rules' patterns as written and finds the dead ones: a pattern none of its rule's own examples
 * exercises (a `match` or `requires` pattern that matches no `flags` example, an `unless` pattern that matches
 * no `quiet` example; a shared set's pattern that matches no `quiet` example of any rule listing the set). A
 * dead pattern is untested code: it may never match, or match what nobody meant. Node only (build and tests).
 */
import { parse } from 'yaml';
import nlp from '../engine/nlp.ts';
import { preparer } from '../engine/compile-rules.ts';
import { patternsFound } from '../engine/match-claims.ts';
import type { RuleSpec } from '../engine/types.ts';
import type { Vocabulary } from '../engine/vocabulary.ts';
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
  const exercised = (pattern: string, texts: readonly string[]) => {
    const compiled = prepare(pattern);
    return texts.length > 0 && patternsFound(nlp, compiled, texts).some((found) => found.length > 0);
  };
  const quietBySet = new Map<string, string[]>();
  for (const source of sources.ruleFiles) {
    for (const rule of parse(source.text) as RuleSpec[]) {
      const check = (field: 'match' | 'unless' | 'requires', texts: readonly string[]) =>
        (rule[field] ?? []).forEach((pattern, i) => {
          if (pattern.startsWith('$')) {
            const list = quietBySet.get(pattern.slice(1)) ?? [];
            list.push(...rule.examples.quiet);
            quietBySet.set(pattern.slice(1), list);
            return;
          }
          census[field]++;
          if (!exercised(pattern, texts)) census.dead.push({ file: source.file, owner: rule.id, field: `${field}[${i}]`, pattern });
        });
      check('match', rule.examples.flags);
      check('requires', rule.examples.flags);
      check('unless', rule.examples.quiet);
    }
  }
  if (sources.contexts) {
    const sets = parse(sources.contexts.text) as Record<string, { patterns: string[] }>;
    for (const [name, set] of Object.entries(sets)) {
      set.patterns.forEach((pattern, i) => {
        census.shared++;
        if (!exercised(pattern, quietBySet.get(name) ?? [])) census.dead.push({ file: sources.contexts!.file, owner: `$${name}`, field: `patterns[${i}]`, pattern });
      });
    }
  }
  census.total = census.match + census.unless + census.requires + census.shared;
  return census;
}
