/**
 * Where an exception stops. An `unless` pattern keeps the whole sentence quiet, which is right for "There is
 * no evidence that, once applied, live stem cells survive" but wrong when the exception sits in a concession
 * the sentence then sets aside: "I was sceptical at first, but the cream really contains live stem cells",
 * "While we can never promise identical results, the result is permanent after one visit", "… permanent after
 * one visit, although we recommend a follow-up". A concession is the part before "but", a leading
 * "While/Although/Unlike …," clause, or a trailing ", although …" clause. An exception found wholly inside a
 * concession does not reach a claim outside it; an exception in the main clause still reaches everything, so
 * "Live stem cells sound great, but there are no cells in the cream" stays quiet.
 * Plain text only: no compromise, no DOM.
 */
import { OPENING } from './sentence-opening.ts';

export interface Span {
  start: number;
  end: number;
}

const LEADING = new RegExp(`${OPENING}(?:while|although|though|even though|even if|unlike|whereas|despite|in spite of)\\b[^,;:]*[,;:]`, 'iu');
const TRAILING = /[,;]\s*(?:although|though|even though|even if|whereas)\b/iu;
/** "but" closes a concession when it opens a clause; "nothing but pure factors" is one phrase, not two clauses. */
const BUT = /(?<!\b(?:nothing|anything|everything|all|none))(?:[,;]\s*|\s)but\b/giu;

/** The concessions of a sentence, in order; empty for most sentences. */
export function concessiveClauses(text: string): Span[] {
  const spans: Span[] = [];
  const leading = LEADING.exec(text);
  if (leading) spans.push({ start: 0, end: leading[0].length });
  let from = spans[0]?.end ?? 0;
  for (const m of text.matchAll(BUT)) {
    if (m.index < from) continue;
    spans.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  const trailing = TRAILING.exec(text.slice(from));
  if (trailing) spans.push({ start: from + trailing.index, end: text.length });
  return spans.filter((s) => s.end > s.start);
}

/**
 * Whether an exception found at `exception` applies to a claim found at `claim`: always, unless the exception
 * lies wholly inside a concession and the claim wholly outside it (a claim that runs into the concession is
 * read with it).
 */
export function exceptionReaches(exception: Span, claim: Span, concessions: readonly Span[]): boolean {
  const inside = (s: Span, c: Span) => c.start <= s.start && s.end <= c.end;
  const apart = (s: Span, c: Span) => s.end <= c.start || c.end <= s.start;
  return !concessions.some((c) => inside(exception, c) && apart(claim, c));
}
