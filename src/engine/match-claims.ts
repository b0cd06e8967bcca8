/**
 * The expensive pass: compromise parses each candidate sentence once and runs only the rules whose trigger
 * words the sentence holds. A rule whose `unless` pattern also matches the sentence stays quiet, and the
 * reason is kept, so the shopper can see why a mention was not flagged.
 */
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
    const fallbacks: Finding[] = [];
    let specific = false;
    for (const id of sentence.ruleIds) {
      const prepared = rules.get(id);
      if (!prepared) continue;
      const hits = sweep(doc, prepared.match);
      if (hits.length === 0) continue;
      const { rule } = prepared;
      // Without its subject (a cell-derived active, say) the sentence is about something else: not a mention.
      if (rule.requires.length > 0 && sweep(doc, prepared.requires).length === 0) continue;
      const unlessFound = rule.unless.length > 0 ? new Set(sweep(doc, prepared.unless).map((h) => h.id)) : new Set<string>();
      const exception = rule.unless.find((u) => unlessFound.has(u.pattern));
      if (exception) {
        quiet.push({ ruleId: id, start: sentence.start, end: sentence.end, sentence: sentence.text, set: exception.set, reason: exception.reason });
      } else if (rule.fallback) {
        fallbacks.push(...ruleHits(rule, hits, sentence));
      } else {
        findings.push(...ruleHits(rule, hits, sentence));
        specific = true;
      }
    }
    // A fallback rule speaks only for a sentence that no specific rule has flagged.
    if (!specific) findings.push(...fallbacks);
  }
  findings.sort((a, b) => a.start - b.start || b.end - a.end || (a.ruleId < b.ruleId ? -1 : 1));
  return { findings, quiet };
}

/** Every span of the sentence a rule's patterns matched, overlapping spans merged into the longest. */
function ruleHits(rule: CompiledRule, hits: readonly SweepHit[], sentence: CandidateSentence): Finding[] {
  const spans: { start: number; end: number; why: string }[] = [];
  for (const hit of hits) {
    // `terms: false` skips building per-word objects we do not read; compromise's typings omit the option.
    for (const m of hit.view.json({ offset: true, text: false, terms: false } as object) as MatchJson[]) {
      const [start, end] = trimSpan(sentence.text, m.offset.start, m.offset.start + m.offset.length);
      if (end > start) spans.push({ start, end, why: normalWords(sentence.text.slice(start, end)) });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
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
