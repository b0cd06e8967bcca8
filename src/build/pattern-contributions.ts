/**
 * What each match pattern does on labelled real text: of the bank sentences a rule flags, how many each of its
 * written patterns matches that are labelled `flag` (found) and `ok` (false). The census says whether a pattern
 * is exercised by its rule's examples; this says which patterns are behind the finds and the false flags, so a
 * broad pattern can be narrowed by measure rather than by guess. Node only (`npm run eval -- --sentences
 * --split tune --by-pattern`).
 */
import { parse } from 'yaml';
import nlp from '../engine/nlp.ts';
import { preparer } from '../engine/claims/compile-rules.ts';
import { patternsFound } from '../engine/claims/match-claims.ts';
import type { RuleSpec } from '../engine/types.ts';
import type { Vocabulary } from '../engine/claims/vocabulary.ts';
import type { BankResult } from './evaluate-sentences.ts';
import type { RuleSources } from './load-rules.ts';

export interface PatternContribution {
  ruleId: string;
  /** The match pattern as written in the rule file. */
  pattern: string;
  /** Sentences labelled `flag` that the rule flags and this pattern matches. */
  found: number;
  /** Sentences labelled `ok` that the rule flags and this pattern matches. */
  false: number;
}

/**
 * For every written match pattern behind at least one flagged sentence of `results`: its finds and false flags,
 * most false flags first. A sentence is read with its context run into it; `unsure` sentences count for
 * neither.
 */
export function patternContributions(sources: RuleSources, vocabulary: Vocabulary, results: readonly BankResult[]): PatternContribution[] {
  const prepare = preparer(vocabulary);
  const rows: PatternContribution[] = [];
  for (const source of sources.ruleFiles) {
    for (const rule of parse(source.text) as RuleSpec[]) {
      const flagged = results.filter((r) => r.entry.label !== 'unsure' && r.flaggedBy.includes(rule.id));
      if (flagged.length === 0) continue;
      const compiled = rule.match.map((p) => prepare(p));
      // The context runs into the sentence, as the scan reads a sentence that goes on about what the one before
      // named ("Our toner holds exosomes They renew skin"): the pattern behind it matches across the two.
      const texts = flagged.map((r) => (r.entry.context ? `${r.entry.context.replace(/[.!?…:;]+["'”’)]*\s*$/u, '')} ${r.entry.text}` : r.entry.text));
      const found = patternsFound(nlp, compiled.flat(), texts);
      rule.match.forEach((pattern, k) => {
        const mine = new Set(compiled[k]);
        const behind = flagged.filter((_, t) => found[t]!.some((id) => mine.has(id)));
        const finds = behind.filter((r) => r.entry.label === 'flag').length;
        if (behind.length > 0) rows.push({ ruleId: rule.id, pattern, found: finds, false: behind.length - finds });
      });
    }
  }
  return rows.sort((a, b) => b.false - a.false || a.found - b.found);
}
