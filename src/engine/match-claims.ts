/**
 * The expensive pass: compromise parses each candidate sentence once and runs only the rules whose trigger
 * words the sentence holds. A rule whose `unless` pattern also matches the sentence stays quiet, and the
 * reason is kept, so the shopper can see why a mention was not flagged.
 */
import type { Nlp } from './nlp.ts';
import type { CandidateSentence, CompiledRule, CompiledRuleSet, Finding, QuietMention, ScanResult } from './types.ts';

type Parsed = ReturnType<Nlp['parseMatch']>;
type View = ReturnType<Nlp>;

interface PreparedRule {
  rule: CompiledRule;
  match: Parsed[];
  unless: { parsed: Parsed; set: string; reason: string }[];
  requires: Parsed[];
}

/** Parsing a pattern costs more than matching it: do it once per rule set. */
const prepared = new WeakMap<CompiledRuleSet, Map<string, PreparedRule>>();

function prepare(nlp: Nlp, ruleSet: CompiledRuleSet): Map<string, PreparedRule> {
  let byId = prepared.get(ruleSet);
  if (!byId) {
    byId = new Map();
    for (const rule of ruleSet.rules) {
      byId.set(rule.id, {
        rule,
        match: rule.match.map((p) => nlp.parseMatch(p)),
        unless: rule.unless.map((u) => ({ parsed: nlp.parseMatch(u.pattern), set: u.set, reason: u.reason })),
        requires: rule.requires.map((p) => nlp.parseMatch(p)),
      });
    }
    prepared.set(ruleSet, byId);
  }
  return byId;
}

/** Runs the rules on candidate sentences. Offsets in the result index the text the sentences came from. */
export function matchClaims(nlp: Nlp, candidates: readonly CandidateSentence[], ruleSet: CompiledRuleSet): ScanResult {
  const rules = prepare(nlp, ruleSet);
  const findings: Finding[] = [];
  const quiet: QuietMention[] = [];
  for (const sentence of candidates) {
    const doc = nlp(sentence.text);
    for (const id of sentence.ruleIds) {
      const rule = rules.get(id);
      if (!rule) continue;
      const hits = ruleHits(doc, rule, sentence);
      if (hits.length === 0) continue;
      // Without its subject (a cell-derived active, say) the sentence is about something else: not a mention.
      if (rule.requires.length > 0 && !rule.requires.some((p) => doc.match(p).found)) continue;
      const exception = rule.unless.find((u) => doc.match(u.parsed).found);
      if (exception) {
        quiet.push({
          ruleId: id,
          start: sentence.start,
          end: sentence.end,
          sentence: sentence.text,
          set: exception.set,
          reason: exception.reason,
        });
      } else {
        findings.push(...hits);
      }
    }
  }
  findings.sort((a, b) => a.start - b.start || b.end - a.end || (a.ruleId < b.ruleId ? -1 : 1));
  return { findings, quiet };
}

/** Every span of the sentence a rule's patterns match, overlapping spans merged into the longest. */
function ruleHits(doc: View, prepared: PreparedRule, sentence: CandidateSentence): Finding[] {
  const spans: { start: number; end: number; why: string }[] = [];
  for (const pattern of prepared.match) {
    const matches = doc.match(pattern);
    if (!matches.found) continue;
    // `terms: false` skips building per-word objects we do not read; compromise's typings omit the option.
    for (const m of matches.json({ offset: true, text: false, terms: false } as object) as MatchJson[]) {
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
  const { rule } = prepared;
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

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && EDGE.test(text[start] ?? '')) start++;
  while (end > start && EDGE.test(text[end - 1] ?? '')) end--;
  return [start, end];
}
