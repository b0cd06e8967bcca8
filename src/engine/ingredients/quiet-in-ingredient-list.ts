/**
 * An ingredient list names what is in the jar; it makes no claim. A rule's words inside a list under an
 * "Ingredients" heading ("Human Adipose Derived Stem Cell Conditioned Media", "sh-Oligopeptide-1 (EGF)") are
 * left alone and say so, like any other quiet mention. A list recognised by its shape alone is not trusted this
 * far: a long comma-separated sentence of marketing can look like one.
 */
import type { IngredientList } from './inci-types.ts';
import type { QuietMention, ScanResult } from '../types.ts';

export const INGREDIENT_LIST_REASON = 'part of an ingredient list, not a claim';

export function quietInIngredientList(result: ScanResult, list: Pick<IngredientList, 'start' | 'end' | 'heading'> | null): ScanResult {
  if (!list || list.heading === null) return result;
  const inside = (start: number, end: number) => start >= list.start && end <= list.end;
  const quiet: QuietMention[] = [...result.quiet];
  const findings = result.findings.filter((f) => {
    if (!inside(f.start, f.end)) return true;
    quiet.push({ ruleId: f.ruleId, start: f.start, end: f.end, sentence: f.sentence, set: 'ingredients', reason: INGREDIENT_LIST_REASON });
    return false;
  });
  return findings.length === result.findings.length ? result : { findings, quiet: quiet.sort((a, b) => a.start - b.start) };
}
