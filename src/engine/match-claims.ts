/**
 * The expensive pass: compromise parses each candidate sentence once and runs only the rules whose trigger
 * words the sentence holds. A rule whose `unless` pattern also matches the sentence stays quiet, and the
 * reason is kept, so the shopper can see why a mention was not flagged.
 */
import { concessiveClauses, exceptionReaches, type Span } from './concessive-clauses.ts';
import type { Nlp } from './nlp.ts';
import type { CandidateSentence, CompiledRule, CompiledRuleSet, Finding, QuietMention, ScanResult } from './types.ts';

type View = ReturnType<Nlp>;
type Net = ReturnType<Nlp['buildNet']>;

/**
 * Each rule as three compromise nets (match, unless, requires). A net indexes its patterns by the words they
 * need, so one `sweep` tries only the patterns that can match the sentence instead of one `match` call per
 * pattern. One net per rule, not one for the set: compromise's sweep loops over every word a net knows for
 * every sentence, and a candidate wakes only the rules whose trigger words it holds.
 */
interface PreparedRule {
  rule: CompiledRule;
  match: PatternIndex;
  unless: PatternIndex;
  requires: PatternIndex;
  /** The `unless` patterns of the shared `$hedged` set. */
  hedges: Set<string>;
}

/**
 * A net for the patterns it indexes correctly, and the rest tried one by one: compromise 14 works out a
 * pattern's needed words without its /regex/ alternatives, so a net skips sentences such a pattern matches
 * ("Interferon gamma…" against `(…|/^interferon/) …`).
 */
interface PatternIndex {
  net: Net | undefined;
  oneByOne: { id: string; parsed: ReturnType<Nlp['parseMatch']> }[];
}

function indexPatterns(nlp: Nlp, patterns: readonly string[]): PatternIndex {
  const hasRegex = (p: string) => /(^|[\s(|])\//.test(p);
  const netted = [...new Set(patterns.filter((p) => !hasRegex(p)))].map((p) => ({ match: p, id: p }));
  return {
    net: netted.length > 0 ? nlp.buildNet(netted) : undefined,
    oneByOne: patterns.filter(hasRegex).map((p) => ({ id: p, parsed: nlp.parseMatch(p) })),
  };
}

const prepared = new WeakMap<CompiledRuleSet, Map<string, PreparedRule>>();

function prepare(nlp: Nlp, ruleSet: CompiledRuleSet): Map<string, PreparedRule> {
  let rules = prepared.get(ruleSet);
  if (!rules) {
    rules = new Map(
      ruleSet.rules.map((rule) => [
        rule.id,
        {
          rule,
          match: indexPatterns(nlp, rule.match),
          unless: indexPatterns(nlp, rule.unless.map((u) => u.pattern)),
          requires: indexPatterns(nlp, rule.requires),
          hedges: new Set(rule.unless.filter((u) => u.set === 'hedged').map((u) => u.pattern)),
        },
      ]),
    );
    prepared.set(ruleSet, rules);
  }
  return rules;
}

interface SweepHit {
  /** The pattern that matched. */
  id: string;
  view: View;
}

/** Whether any of the patterns matches. */
function names(doc: View, index: PatternIndex): boolean {
  return sweep(doc, index).length > 0;
}

function sweep(doc: View, index: PatternIndex): SweepHit[] {
  const hits = index.net ? (doc.sweep(index.net) as unknown as { found: SweepHit[] }).found : [];
  for (const { id, parsed } of index.oneByOne) {
    const view = doc.match(parsed);
    if (view.found) hits.push({ id, view: view as View });
  }
  return hits;
}

/** Runs the rules on candidate sentences. Offsets in the result index the text the sentences came from. */
export function matchClaims(nlp: Nlp, candidates: readonly CandidateSentence[], ruleSet: CompiledRuleSet): ScanResult {
  const rules = prepare(nlp, ruleSet);
  const findings: Finding[] = [];
  const quiet: QuietMention[] = [];
  for (const sentence of candidates) {
    const doc = nlp(sentence.text);
    let lead: View | undefined;
    const leadDoc = () => (lead ??= nlp(sentence.lead ?? ''));
    const fallbacks: Finding[] = [];
    let specific = false;
    for (const id of sentence.ruleIds) {
      const prepared = rules.get(id);
      if (!prepared) continue;
      const hits = sweep(doc, prepared.match);
      if (hits.length === 0) continue;
      const { rule } = prepared;
      // Without its subject (a cell-derived active, say) the sentence is about something else: not a mention.
      // A tagline may take its subject from the headline just before it.
      if (rule.requires.length > 0 && !names(doc, prepared.requires) && !(sentence.lead && names(leadDoc(), prepared.requires))) continue;
      const spans = matchSpans(sentence.text, hits);
      if (spans.length === 0) continue;
      const exceptions = (rule.unless.length > 0 ? sweep(doc, prepared.unless) : []).map((e) => ({ id: e.id, at: spansOf(sentence.text, e.view) }));
      // The claims no exception reaches; without a concession in the sentence, any exception reaches them all.
      // A hedge on the evidence ("…, though more research is needed") qualifies the whole sentence wherever it is.
      const concessions = exceptions.length > 0 ? concessiveClauses(sentence.text) : [];
      const reaching = new Set<string>();
      const loud = spans.filter((claim) => {
        const reached = exceptions.filter((e) => prepared.hedges.has(e.id) || e.at.some((at) => exceptionReaches(at, claim, concessions)));
        for (const e of reached) reaching.add(e.id);
        return reached.length === 0;
      });
      if (loud.length === 0) {
        const exception = rule.unless.find((u) => reaching.has(u.pattern))!;
        quiet.push({ ruleId: id, start: sentence.start, end: sentence.end, sentence: sentence.text, set: exception.set, reason: exception.reason });
      } else if (rule.fallback) {
        fallbacks.push(...ruleFindings(rule, loud, sentence));
      } else {
        findings.push(...ruleFindings(rule, loud, sentence));
        specific = true;
      }
    }
    // A fallback rule speaks only for a sentence that no specific rule has flagged.
    if (!specific) findings.push(...fallbacks);
  }
  findings.sort((a, b) => a.start - b.start || b.end - a.end || (a.ruleId < b.ruleId ? -1 : 1));
  return { findings, quiet };
}

interface MatchSpan extends Span {
  why: string;
}

/** Where in the sentence a view's matches are, trimmed of stuck punctuation. */
function spansOf(text: string, view: View): Span[] {
  const spans: Span[] = [];
  // `terms: false` skips building per-word objects we do not read; compromise's typings omit the option.
  for (const m of view.json({ offset: true, text: false, terms: false } as object) as MatchJson[]) {
    const [start, end] = trimSpan(text, m.offset.start, m.offset.start + m.offset.length);
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** Every span of the sentence a rule's match patterns found. */
function matchSpans(text: string, hits: readonly SweepHit[]): MatchSpan[] {
  return hits.flatMap((hit) => spansOf(text, hit.view).map((s) => ({ ...s, why: normalWords(text.slice(s.start, s.end)) })));
}

/** The rule's findings in the sentence, overlapping spans merged into the longest. */
function ruleFindings(rule: CompiledRule, found: readonly MatchSpan[], sentence: CandidateSentence): Finding[] {
  const spans = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof spans = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      if (span.end > last.end) {
        last.end = span.end;
        last.why = span.why.length > last.why.length ? span.why : last.why;
      }
    } else {
      merged.push({ ...span });
    }
  }
  return merged.map((s) => ({
    ruleId: rule.id,
    severity: rule.severity,
    text: sentence.text.slice(s.start, s.end),
    start: sentence.start + s.start,
    end: sentence.start + s.end,
    sentence: sentence.text,
    why: s.why,
  }));
}

interface MatchJson {
  offset: { start: number; length: number };
}

/** The matched words, lower-case, without punctuation: what the card shows as "triggered by". */
function normalWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%'’-]+/gu, ' ')
    .trim();
}

/** compromise spans include punctuation stuck to the first and last words; a highlight should not. */
const EDGE = /[\s"'“”‘’«».,;:!?()[\]{}*•–—-]/u;

const WORD = /[\p{L}\p{N}]/u;

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && EDGE.test(text[start] ?? '')) start++;
  while (end > start && EDGE.test(text[end - 1] ?? '')) end--;
  // compromise measures matches that begin on a contraction's implicit word ("won't" → "will not") a few
  // characters off; a highlight never starts or ends inside a word.
  while (start > 0 && end > start && WORD.test(text[start - 1] ?? '') && WORD.test(text[start] ?? '')) start--;
  while (end < text.length && end > start && WORD.test(text[end - 1] ?? '') && WORD.test(text[end] ?? '')) end++;
  return [start, end];
}
