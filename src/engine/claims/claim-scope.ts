/**
 * Exceptions judged for the clause that holds a claim, not for the whole sentence and not by each rule's own
 * word lists: a denial before the claim in its clause ("It is therefore impossible for these creams to contain
 * live stem cells"), a denial of the claim's own verb right after it ("live stem cells cannot survive in a
 * jar"), a contrast that sets the claim aside ("Unlike real stem cells, these vesicles carry no nucleus"), and
 * history told as history ("Researchers first discovered stem cells in the 1950s"). The same words in another
 * clause of the sentence do not reach the claim: "Not greasy; it delivers live stem cells" is still a claim.
 * Plain text only: no compromise, no DOM.
 */
import type { Span } from './concessive-clauses.ts';
import { OPENING } from './sentence-opening.ts';

export interface ScopedException {
  set: 'negated' | 'contrast' | 'history';
  reason: string;
}

/** Where a clause ends: a semicolon, a colon, a dash, a bracket, or a conjunction that opens a new clause. */
const CLAUSE_BREAK = /[;:()[\]]|\s[–—-]\s|,?\s(?:but|while|whereas|although|though|yet(?! to\b)|so|because)\s|,\s(?:and|which|who)\s/giu;

/** Words that deny what follows them in their clause. */
const DENIAL_BEFORE = /\b(?:no|not|never|rarely|seldom|hardly|cannot|can ?not|can't|couldn't|won't|wouldn't|isn't|aren't|doesn't|don't|didn't|hasn't|haven't|impossible|unable|unlikely|neither|nor|none|nothing|no longer|fail(?:s|ed)? to|(?:has|have|is|are) yet to|lacks?|lacking|free (?:of|from)|instead of|rather than|far from)\b/giu;

/** Inside a claim, only a negated verb denies it: "instead of a single factor" is part of the claim. */
const DENIAL_INSIDE = /\b(?:not|never|rarely|seldom|cannot|can ?not|can't|couldn't|won't|wouldn't|isn't|aren't|doesn't|don't|didn't|hasn't|haven't|no longer|fail(?:s|ed)? to)\b/giu;

/**
 * The same words where they do not deny the claim: "not only", "no other serum", "nothing but", "like never
 * before", a selling question ("Isn't it time…?"), an answer ("No, they are happy at room temperature"), and
 * a need denied ("doesn't need the fridge", which is itself the claim). Whole words only: "not allow" is a denial.
 */
const NOT_DENYING = /\b(?:not only|not just|no other|no more|no need|no wonder|no matter|no downtime|(?:not|isn't|aren't) (?:enough|sufficient)|(?:no|without|zero) (?:known )?(?:side[ -]effects?|irritation|risks?|reactions?|redness|allerg(?:y|ies))|no surgery|no needles?|no injections?|nothing but|nothing less than|nothing like|never before|like never|never been (?:easier|better)|none other|no doubt|without (?:surgery|needles?|injections?|downtime|pain)|(?:isn't|aren't|don't|doesn't|wouldn't|won't) (?:it|you|your|they|we)\b|why not|no(?=,)|not all|nothing (?:beats|compares|comes close|else (?:compares|comes close))|never (?:felt|looked|been) (?:this|so|better)|(?:never|don't|do not) (?:settle|miss|wait|compromise)|(?:no|not|never|don't|doesn't|do not|does not|won't|will not|can't|cannot) (?:ever |even |really )?(?:need|needs|require|requires|have to|has to|degrade|degrades|lose|loses|break down|breaks down|spoil|spoils|expire|expires|deteriorate|deteriorates|go off|goes off|mind|minds|fade|fades|separate|separates|oxidi[sz]e|oxidi[sz]es)\b)\b/giu;

/** A denial of the claim's own verb right after it: "… cannot survive", "… are not alive", "… never reach". */
const DENIAL_AFTER = /^\W*(?:\w+\W+){0,2}?(?:(?:is|are|was|were|do|does|did|can|could|will|would|have|has|had)\s*(?:not|n't)|cannot|can't|never|won't|isn't|aren't|doesn't|don't)\s+(?:\w+\s+)?(?:survive|live|stay|remain|be|exist|reach|penetrate|enter|get|pass|cross|work|last|contain|hold|keep|alive|living|viable|stable|active|in|inside|into)\b/iu;

/** What may stand before a leading clause: the sentence's opening, and a joining word ("But unlike X, …"). */
const LEAD_IN = String.raw`${OPENING}(?:(?:but|and|so|yet)\s+)?`;

/** A leading contrast that the rest of the sentence answers: "Unlike X, …", "Instead of X, …". */
const LEADING_CONTRAST = new RegExp(`${LEAD_IN}(?:unlike|contrary to|as opposed to|compared (?:to|with)|in contrast to|instead of|rather than)\\b[^,;:]*[,;:]`, 'iu');

/** A leading subordinate clause, which ends at its comma: "While they will not help if you lose a leg, …". */
const LEADING_SUBORDINATE = new RegExp(`${LEAD_IN}(?:while|although|though|even though|whereas|even if)\\b[^,;:]*,`, 'iu');

/** Research history told as history. */
const HISTORY = /\b(?:(?:first )?(?:discovered|isolated|identified|described)\b[^.;:]*\b(?:in|by) (?:the )?(?:1[89]\d\d|20[01]\d)s?|(?:researchers|scientists|biologists) (?:first )?(?:discovered|isolated|identified|described))\b/iu;

/** An aside that a pair of brackets or dashes sets into a clause: "uses exosomes — tiny vesicles — to renew". */
const ASIDE = /\([^()]*\)|\[[^[\]]*\]|\s[–—-]\s[^–—.;:!?]*?\s[–—-]\s/gu;

/** Where the asides of `text` are. */
function asidesOf(text: string): Span[] {
  return [...text.matchAll(ASIDE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The asides of `text` that do not hold `span`: the clause around them runs on over them. */
function asidesAround(text: string, span: Span): Span[] {
  return asidesOf(text).filter((a) => !(a.start <= span.start && span.end <= a.end));
}

/** The clause of `text` that holds `span` (an aside outside `span` belongs to the clause it stands in). */
export function clauseOf(text: string, span: Span): Span {
  return clauseAmong(text, span, asidesAround(text, span));
}

/** The clause of `text` that holds `span`, with the asides around it already found. */
function clauseAmong(text: string, span: Span, asides: readonly Span[]): Span {
  let start = 0;
  let end = text.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const at = m.index;
    if (asides.some((a) => a.start <= at && at < a.end)) continue;
    if (at + m[0].length <= span.start) start = at + m[0].length;
    else if (at >= span.end) {
      end = at;
      break;
    }
  }
  return { start, end };
}

/** Where each clause of `text` after the first starts (asides do not break a clause). */
export function laterClauseStarts(text: string): number[] {
  const asides = asidesOf(text);
  return [...text.matchAll(CLAUSE_BREAK)]
    .filter((m) => !asides.some((a) => a.start <= m.index && m.index < a.end))
    .map((m) => m.index + m[0].length + (/^\s*/u.exec(text.slice(m.index + m[0].length))?.[0].length ?? 0))
    .filter((at) => at < text.length);
}

/** Where the NOT_DENYING phrases of `text` are. */
function harmlessPhrases(text: string): Span[] {
  return [...text.matchAll(NOT_DENYING)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Whether a word of `denial` stands between `from` and `to` outside every `harmless` phrase (one may run on
 * into the claim: "Don't settle for a single cytokine").
 */
function denies(text: string, from: number, to: number, denial: RegExp, harmless: readonly Span[]): boolean {
  for (const m of text.slice(from, to).matchAll(denial)) {
    const at = from + m.index;
    if (!harmless.some((h) => h.start <= at && at < h.end) && !closedBefore(text, at, to, m[0])) return true;
  }
  return false;
}

/** Denials that take a noun ("instead of one, more growth factors…"), unlike a verb's "not". */
const PREPOSITIONAL = /^(?:instead of|rather than|free (?:of|from)|far from)$/iu;

/** A relative clause's opening word just before a denial: "formulas that don't come cheap". */
const RELATIVE_BEFORE = /\b(?:that|which|who)\s+(?:\p{L}+\s+)?$/iu;

/**
 * Whether the denial `word` at `at` denies something of its own that a comma closes before `to`: a relative
 * clause says it of its own noun ("Usually found in formulas that don't come cheap, the serum combines three
 * growth factor mimetics"), and "instead of", "free of" deny the words they take ("instead of one, more growth
 * factors…").
 */
function closedBefore(text: string, at: number, to: number, word: string): boolean {
  if (!text.slice(at, to).includes(',')) return false;
  return PREPOSITIONAL.test(word) || RELATIVE_BEFORE.test(text.slice(Math.max(0, at - 40), at));
}

/** The exception the claim's own clause makes, if any. */
export function scopedException(text: string, claim: Span): ScopedException | null {
  const contrast = LEADING_CONTRAST.exec(text);
  if (contrast && claim.end <= contrast[0].length) return { set: 'contrast', reason: 'a contrast the sentence sets aside' };
  const asides = asidesAround(text, claim);
  const clause = clauseAmong(text, claim, asides);
  // A leading contrast or subordinate clause ends at its comma: what follows is its own clause.
  const leading = contrast ?? LEADING_SUBORDINATE.exec(text);
  const from = leading && leading[0].length <= claim.start ? Math.max(clause.start, leading[0].length) : clause.start;
  // A denial before the claim in its clause, of its verb inside it ("PRP does not fill deep folds"), or after it.
  const upTo = text.slice(0, clause.end);
  // An aside in the claim's clause neither denies it nor is denied with it: "exosomes — not cells — renew skin".
  const harmless = [...harmlessPhrases(upTo), ...asides];
  if (
    denies(upTo, from, claim.start, DENIAL_BEFORE, harmless) ||
    denies(upTo, claim.start, claim.end, DENIAL_INSIDE, harmless) ||
    DENIAL_AFTER.test(text.slice(claim.end, clause.end))
  ) {
    return { set: 'negated', reason: 'denies the claim' };
  }
  if (HISTORY.test(text.slice(from, clause.end))) return { set: 'history', reason: 'tells the history of the science' };
  return null;
}
