/**
 * The expensive pass: compromise parses each candidate sentence once and runs only the rules whose trigger
 * words the sentence holds. A rule whose `unless` pattern also matches the sentence stays quiet, and the
 * reason is kept, so the shopper can see why a mention was not flagged.
 */
import { concessiveClauses, exceptionReaches, type Span } from './concessive-clauses.ts';
import type { Nlp } from '../nlp.ts';
import type { PageVoice } from './page-voice.ts';
import { clauseOf, laterClauseStarts, scopedException, type ScopedException } from './claim-scope.ts';
import { ANAPHOR } from './find-candidates.ts';
import { matchEveryFit, piecesOf, type SentenceFits } from './every-fit.ts';
import { PRODUCT_HEADS } from './sentence-opening.ts';
import type { CandidateSentence, CompiledRule, CompiledRuleSet, Finding, QuietMention, ScanResult } from '../types.ts';

type View = ReturnType<Nlp>;
type Parsed = ReturnType<Nlp['parseMatch']>;

/**
 * Each rule as three pattern indexes (match, unless, requires). An index files each pattern under the words
 * it needs, as compromise's `buildNet` works them out, so a sentence tries only the patterns whose words it
 * holds instead of every pattern. We look the sentence's words up in the index rather than call `sweep`:
 * sweep rebuilds the sentence's word set and walks every word the net knows, for each of a candidate's
 * dozen rules and three indexes, which cost more than the matching itself.
 */
interface PreparedRule {
  rule: CompiledRule;
  match: PatternIndex;
  /** The rule's own `unless` patterns; those of the shared sets are swept once per sentence for all rules. */
  unless: PatternIndex;
  /** The shared-set patterns the rule lists. */
  shared: Set<string>;
  requires: PatternIndex;
  /** The `unless` patterns of the shared `$hedged` set. */
  hedges: Set<string>;
  /** The `unless` patterns of the shared `$softened` set. */
  softeners: Set<string>;
}

/** A pattern as compromise's buildNet prepares it: the words a sentence must hold for it to have a chance. */
interface NetEntry {
  id: string;
  regs: Parsed;
  /** compromise's: the words and #Tags the pattern needs. */
  needs: string[];
  /** Ours, stricter than compromise's `wants`: for each required term, the words one of which must occur. */
  groups?: string[][];
}

interface Reg {
  word?: string;
  optional?: boolean;
  negative?: boolean;
  fastOr?: Set<string>;
  choices?: Reg[][];
}

/**
 * For each required term, the words one of which the sentence must hold: a plain word, or a (…|…) group whose
 * choices all begin with a plain word. A #Tag, a /regex/ or a wildcard says nothing.
 */
function requiredGroups(regs: readonly Reg[]): string[][] {
  const groups: string[][] = [];
  for (const reg of regs) {
    if (reg.optional || reg.negative) continue;
    if (reg.word !== undefined) groups.push([reg.word]);
    else if (reg.fastOr) groups.push([...reg.fastOr]);
    else if (reg.choices) {
      const firsts = reg.choices.map((choice) => choice.find((r) => !r.optional && !r.negative));
      if (firsts.every((r) => r?.word !== undefined && !r.fastOr && !r.choices)) groups.push(firsts.map((r) => r!.word!));
    }
  }
  return groups;
}

/**
 * Patterns by the words they need or want, those with none to index by, and the rest tried one by one:
 * compromise 14 works out a pattern's needed words without its /regex/ alternatives, so an index would skip
 * sentences such a pattern matches ("Interferon gamma…" against `(…|/^interferon/) …`).
 */
interface PatternIndex {
  hooks: Map<string, NetEntry[]>;
  always: NetEntry[];
  oneByOne: { id: string; parsed: Parsed; groups: string[][] }[];
}

/**
 * `everyFit`: where compromise's match fails, try a later fit of each wildcard's neighbour (every-fit.ts). Only
 * for a rule's match patterns: it costs a match per piece, and exceptions need it far less than claims.
 */
function indexPatterns(nlp: Nlp, patterns: readonly string[], everyFit = false): PatternIndex {
  const hasRegex = (p: string) => /(^|[\s(|])\//.test(p);
  const netted = [...new Set(patterns.filter((p) => !hasRegex(p)))].map((p) => ({ match: p, id: p }));
  const net = (netted.length > 0 ? nlp.buildNet(netted) : { hooks: {}, always: [] }) as unknown as { hooks: Record<string, NetEntry[]>; always: NetEntry[] };
  // One check per pattern: a word of each required group, and each #Tag compromise says the pattern needs.
  const entries = [...Object.values(net.hooks).flat(), ...net.always];
  for (const entry of entries) {
    entry.groups ??= [...entry.needs.filter((n) => /^[#%]/.test(n)).map((n) => [n]), ...requiredGroups(entry.regs)].sort((a, b) => a.length - b.length);
  }
  const oneByOne = patterns.filter(hasRegex).map((p) => {
    const parsed = nlp.parseMatch(p);
    return { id: p, parsed, groups: requiredGroups(parsed) };
  });
  if (everyFit) {
    for (const regs of [...entries.map((e) => e.regs), ...oneByOne.map((o) => o.parsed)]) {
      const pieces = piecesOf(regs);
      if (pieces) PIECES.set(regs, pieces);
    }
  }
  return { hooks: new Map(Object.entries(net.hooks)), always: net.always, oneByOne };
}

/** A parsed sentence and the words, word forms and #Tags it holds, the keys a pattern index is filed by. */
interface Sentence {
  doc: View;
  words: ReadonlySet<string>;
  /** Each pattern's result on this sentence: rules share patterns (the `$question` set, say), so match once. */
  matched: Map<string, View | null>;
  /** Where the pieces of patterns matched, for a wildcard's later fits (every-fit.ts), once some pattern asked. */
  fits?: SentenceFits;
  /** The shared-set patterns that match, once some rule has asked. */
  shared?: SweepHit[];
  /** Where each exception matched, once some rule has asked. */
  spans: Map<string, Span[]>;
  /** The concessions the sentence sets aside, once some rule has an exception to place. */
  concessions?: Span[];
}

interface Term {
  text: string;
  normal: string;
  machine?: string | null;
  implicit?: string;
  root?: string;
  alias?: string[];
  switch?: string;
  tags: Set<string>;
}

/**
 * The sentence as compromise should read it, the same length so offsets hold: compromise leaves a hyphenated
 * word whole after an opening bracket ("(MSC-CM" stays one term, "MSC-CM" is two) and keeps "EGF+FGF" as one.
 */
function forParsing(text: string): string {
  return text.replace(/[([{](?=[\p{L}\p{N}])/gu, ' ').replace(/(?<=[\p{L}\p{N}])\+(?=[\p{L}\p{N}])/gu, ' ');
}

function sentenceOf(nlp: Nlp, text: string): Sentence {
  const doc = nlp(forParsing(text));
  // Every form compromise compares a pattern's word with (as its own `cache()` collects them, plus the text as
  // written, which a (…|…) group also tries: "tgfβ1"), and each #Tag.
  const words = new Set<string>();
  for (const terms of doc.docs as Term[][]) {
    for (const t of terms) {
      words.add(t.text).add(t.normal);
      if (t.machine) words.add(t.machine);
      if (t.implicit) words.add(t.implicit);
      if (t.root) words.add(t.root);
      if (t.switch) words.add(`%${t.switch}%`);
      if (t.alias) for (const a of t.alias) words.add(a);
      for (const tag of t.tags) words.add(`#${tag}`);
    }
  }
  return { doc, words, matched: new Map(), spans: new Map() };
}

/**
 * The rule set ready to match: each rule's indexes, and every rule's match patterns filed together by word, so
 * a candidate's words are looked up once for all the dozen rules it wakes.
 */
interface PreparedSet {
  rules: Map<string, PreparedRule>;
  matchHooks: Map<string, { ruleId: string; entry: NetEntry }[]>;
  /** Every pattern of the shared `unless` sets ($question, $reported, …), indexed once. */
  shared: PatternIndex;
  /** Finds what a pronoun may stand for in the sentence before it (CompiledRuleSet.subjects). */
  subjects?: RegExp;
}

/** A rule's own exceptions are `rule` or `negated`; any other set is a shared one from contexts.yaml. */
const isShared = (set: string) => set !== 'rule' && set !== 'negated';

const prepared = new WeakMap<CompiledRuleSet, PreparedSet>();

function prepare(nlp: Nlp, ruleSet: CompiledRuleSet): PreparedSet {
  let set = prepared.get(ruleSet);
  if (!set) {
    const rules = new Map(
      ruleSet.rules.map((rule) => [
        rule.id,
        {
          rule,
          match: indexPatterns(nlp, rule.match, true),
          unless: indexPatterns(nlp, rule.unless.filter((u) => !isShared(u.set)).map((u) => u.pattern)),
          shared: new Set(rule.unless.filter((u) => isShared(u.set)).map((u) => u.pattern)),
          requires: indexPatterns(nlp, rule.requires),
          hedges: new Set(rule.unless.filter((u) => u.set === 'hedged').map((u) => u.pattern)),
          softeners: new Set(rule.unless.filter((u) => u.set === 'softened').map((u) => u.pattern)),
        },
      ]),
    );
    const matchHooks = new Map<string, { ruleId: string; entry: NetEntry }[]>();
    for (const [ruleId, { match }] of rules) {
      for (const [word, entries] of match.hooks) {
        const list = matchHooks.get(word) ?? [];
        for (const entry of entries) list.push({ ruleId, entry });
        matchHooks.set(word, list);
      }
    }
    const sharedPatterns = [...new Set(ruleSet.rules.flatMap((r) => r.unless.filter((u) => isShared(u.set)).map((u) => u.pattern)))];
    set = { rules, matchHooks, shared: indexPatterns(nlp, sharedPatterns), subjects: subjectFinder(ruleSet.subjects) };
    prepared.set(ruleSet, set);
  }
  return set;
}

/** Each woken rule's match hits in the sentence, by rule id. */
function matchHits(sentence: Sentence, ruleIds: readonly string[], set: PreparedSet): Map<string, SweepHit[]> {
  const awake = new Set(ruleIds);
  const byRule = new Map<string, SweepHit[]>(ruleIds.map((id) => [id, []]));
  const tried = new Set<NetEntry>();
  for (const word of sentence.words) {
    const entries = set.matchHooks.get(word);
    if (entries) for (const { ruleId, entry } of entries) if (awake.has(ruleId)) fromNet(sentence, entry, tried, byRule.get(ruleId)!);
  }
  for (const id of ruleIds) {
    const index = set.rules.get(id)?.match;
    if (index) tryUnfiled(sentence, index, tried, byRule.get(id)!);
  }
  return byRule;
}

interface SweepHit {
  /** The pattern that matched. */
  id: string;
  view: View;
}

/** Whether any of the patterns matches. */
function names(sentence: Sentence, index: PatternIndex): boolean {
  return sweep(sentence, index).length > 0;
}

/** The patterns of the index that match the sentence, each once: what compromise's sweep finds, cheaper. */
function sweep(sentence: Sentence, index: PatternIndex): SweepHit[] {
  const hits: SweepHit[] = [];
  const tried = new Set<NetEntry>();
  for (const word of sentence.words) {
    const entries = index.hooks.get(word);
    if (entries) for (const entry of entries) fromNet(sentence, entry, tried, hits);
  }
  tryUnfiled(sentence, index, tried, hits);
  return hits;
}

/** The index's patterns no word files: those with no needed word, and those with a /regex/. */
function tryUnfiled(sentence: Sentence, index: PatternIndex, tried: Set<NetEntry>, hits: SweepHit[]): void {
  for (const entry of index.always) fromNet(sentence, entry, tried, hits);
  for (const { id, parsed, groups } of index.oneByOne) if (holdsGroups(sentence.words, groups)) attempt(sentence, id, parsed, hits);
}

function fromNet(sentence: Sentence, entry: NetEntry, tried: Set<NetEntry>, hits: SweepHit[]): void {
  if (tried.has(entry)) return;
  tried.add(entry);
  // Stricter than compromise's own needs and wants: a word of every required group, shortest groups first.
  if (entry.groups && !holdsGroups(sentence.words, entry.groups)) return;
  attempt(sentence, entry.id, entry.regs, hits);
}

/** Whether the sentence holds a word of every group. */
function holdsGroups(words: ReadonlySet<string>, groups: readonly string[][]): boolean {
  outer: for (const group of groups) {
    for (const w of group) if (words.has(w)) continue outer;
    return false;
  }
  return true;
}

/** Matches the pattern once per sentence, whichever rule asks. */
function attempt(sentence: Sentence, id: string, regs: Parsed, hits: SweepHit[]): void {
  const { doc, matched } = sentence;
  // The same words as a match pattern (tried at every fit) and as an exception (not) are two results.
  const key = PIECES.has(regs) ? `every fit: ${id}` : id;
  let view = matched.get(key);
  if (view === undefined) {
    const found = doc.match(regs);
    view = found.found ? (found as View) : anotherFit(sentence, regs);
    matched.set(key, view);
  }
  if (view) hits.push({ id, view });
}

/** The pieces between wildcards of each match pattern that has a wildcard between two pieces (indexPatterns). */
const PIECES = new WeakMap<Parsed, NonNullable<ReturnType<typeof piecesOf>>>();

/** Where compromise's first fit of a wildcard failed, a later fit of the words after it (see every-fit.ts). */
function anotherFit(sentence: Sentence, regs: Parsed): View | null {
  const pieces = PIECES.get(regs);
  return pieces ? matchEveryFit(sentence.doc, pieces, (sentence.fits ??= { pieces: new Map() })) : null;
}

/** For each text, the patterns that match it, found through an index as matchClaims finds them (tests hold it to `has`). */
export function patternsFound(nlp: Nlp, patterns: readonly string[], texts: readonly string[]): string[][] {
  const index = indexPatterns(nlp, patterns);
  return texts.map((text) => [...new Set(sweep(sentenceOf(nlp, text), index).map((h) => h.id))].sort());
}

export interface MatchOptions {
  /** Whose voice the page speaks in: on a critic's page every match is a mention, not a claim. */
  voice?: PageVoice;
}

/**
 * A sentence that goes on with "this extract", "these serums" names a thing of its own: it borrows the subject
 * before it for what that subject is, not for the exceptions its qualifiers make ("…skin stem cells. This extract
 * extends the life of our skin's stem cells" is not about the skin's own cells).
 */
const OWN_HEAD = new RegExp(String.raw`^\W*(?:this|these|those|such|the)\s+(?:[\p{L}-]+\s+)?${PRODUCT_HEADS}\b`, 'iu');

/** A candidate, or a later clause of one read on its own with the subject its sentence names (`whole`). */
interface ReadingSentence extends CandidateSentence {
  whole?: CandidateSentence;
  /** The whole sentence as parsed already (its lead), so a clause does not parse it again. */
  wholeParsed?: Sentence;
}

/** A clause that says what its subject is ("they are more like little envelopes…") defines it, it credits it with nothing. */
const DEFINING = /^\W*(?:\p{L}+\s+)?(?:it|they|these|this|those)\s+(?:is|are|was|were)\b|^\W*(?:\p{L}+\s+)?(?:it's|they're)\b/iu;

/**
 * The later clauses of `candidate` that open with a pronoun, each to be read on its own after what the sentence
 * (`read`, with any subject it borrowed, and `parsed`) says before it. Its rules and exceptions are the sentence's.
 */
function pronounClauses(candidate: CandidateSentence, read: string, parsed: Sentence): ReadingSentence[] {
  return laterClauseStarts(candidate.text)
    .filter((at) => ANAPHOR.test(candidate.text.slice(at)) && !DEFINING.test(candidate.text.slice(at)))
    .map((at) => ({ start: candidate.start + at, end: candidate.end, text: candidate.text.slice(at), ruleIds: candidate.ruleIds, lead: read, whole: candidate, wholeParsed: parsed }));
}

/** The exceptions of a rule, its own and the shared ones it lists, that match the sentence. */
function exceptionsIn(sentence: Sentence, prepared: PreparedRule, set: PreparedSet): SweepHit[] {
  sentence.shared ??= sweep(sentence, set.shared);
  return [...sweep(sentence, prepared.unless), ...sentence.shared.filter((h) => prepared.shared.has(h.id))];
}

/** Why a match on a critic's page is left alone, in the shopper's words. */
const CRITIC_PAGE = { set: 'critic-page', reason: 'the page argues against these claims' } as const;

/** Runs the rules on candidate sentences. Offsets in the result index the text the sentences came from. */
export function matchClaims(nlp: Nlp, candidates: readonly CandidateSentence[], ruleSet: CompiledRuleSet, options: MatchOptions = {}): ScanResult {
  const set = prepare(nlp, ruleSet);
  const findings: Finding[] = [];
  const quiet: QuietMention[] = [];
  const queue: ReadingSentence[] = [...candidates];
  for (let i = 0; i < queue.length; i++) {
    const candidate = queue[i]!;
    const firstFinding = findings.length;
    const firstQuiet = quiet.length;
    // A sentence that goes on with a pronoun is read with what it stands for before it: "exosomes They
    // regenerate your skin". Findings are measured back on the sentence as written.
    let lead: Sentence | undefined = candidate.wholeParsed;
    const leadSentence = () => (lead ??= sentenceOf(nlp, candidate.lead ?? ''));
    const subject = candidate.lead && set.subjects && ANAPHOR.test(candidate.text) ? subjectIn(candidate.lead, set.subjects, leadSentence) : undefined;
    if (candidate.whole && !subject) continue;
    const sentence = subject ? { ...candidate, text: `${subject} ${candidate.text}`, start: candidate.start - subject.length - 1 } : candidate;
    // A later clause that opens with a pronoun again is read with the same subject: "exosomes They have many
    // benefits: they regenerate and repair it". Only once per sentence as written, and only if the whole
    // sentence makes no exception for the rule (below).
    const parsed = sentenceOf(nlp, sentence.text);
    if (!candidate.whole) queue.splice(i + 1, 0, ...pronounClauses(candidate, sentence.text, parsed));
    const fallbacks: Finding[] = [];
    let specific = false;
    const hitsByRule = matchHits(parsed, sentence.ruleIds, set);
    // A clause read on its own belongs to its whole sentence: what is found there is found for the sentence.
    const inWhole = (f: Finding) => candidate.whole !== undefined && f.start < candidate.whole.end && f.end > candidate.whole.start;
    for (const id of sentence.ruleIds) {
      const prepared = set.rules.get(id);
      const hits = hitsByRule.get(id);
      if (!prepared || !hits || hits.length === 0) continue;
      const { rule } = prepared;
      // Without its subject (a cell-derived active, say) the sentence is about something else: not a mention.
      // A tagline may take its subject from the headline just before it.
      if (rule.requires.length > 0 && !names(parsed, prepared.requires) && !(sentence.lead && names(leadSentence(), prepared.requires))) continue;
      const matched = matchSpans(sentence.text, hits, subject ? subject.length : 0);
      if (matched.length === 0) continue;
      // Denial, contrast and history are judged for the claim's own clause, whatever the rule's word lists say.
      let scoped: ScopedException | null = null;
      const spans = matched.filter((claim) => {
        const exception = scopedException(sentence.text, claim);
        scoped ??= exception;
        return exception === null;
      });
      if (spans.length === 0) {
        const { set, reason } = scoped!;
        quiet.push({ ruleId: id, start: sentence.start, end: sentence.end, sentence: sentence.text, set, reason });
        continue;
      }
      // A clause read on its own says what its whole sentence says: any exception the sentence makes holds for it.
      if (candidate.whole) {
        if (findings.some((f) => f.ruleId === id && inWhole(f))) continue;
        const [made] = exceptionsIn(leadSentence(), prepared, set);
        if (made) {
          const { set, reason } = rule.unless.find((u) => u.pattern === made.id)!;
          quiet.push({ ruleId: id, start: sentence.start, end: sentence.end, sentence: sentence.text, set, reason });
          continue;
        }
      }
      const found = exceptionsIn(parsed, prepared, set);
      // An exception found only in a borrowed subject does not reach a sentence with a product of its own as head.
      const ownHead = subject !== undefined && OWN_HEAD.test(candidate.text);
      const exceptions = found
        .map((e) => ({ id: e.id, at: exceptionSpans(parsed, sentence.text, e).filter((at) => !ownHead || at.end > subject.length) }))
        .filter((e) => e.at.length > 0);
      // The claims no exception reaches; without a concession in the sentence, any exception reaches them all.
      // A hedge on the evidence ("…, though more research is needed") qualifies the whole sentence wherever it is.
      const concessions = exceptions.length > 0 ? (parsed.concessions ??= concessiveClauses(sentence.text)) : [];
      const reaching = new Set<string>();
      const loud = spans.filter((claim) => {
        // A hedge on the evidence qualifies the whole sentence; a softener ("may", "potential") only a claim it
        // stands in or before, in the claim's clause.
        const softenable = (at: Span) => at.start < claim.end && at.end > clauseOf(sentence.text, claim).start;
        const reached = exceptions.filter(
          (e) => prepared.hedges.has(e.id) || e.at.some((at) => exceptionReaches(at, claim, concessions) && (!prepared.softeners.has(e.id) || softenable(at))),
        );
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
    // A fallback rule speaks only for a sentence that no specific rule has flagged, and a later clause read on
    // its own is part of its whole sentence: a specific finding on either side silences the fallback on the other.
    const isFallback = (f: Finding) => set.rules.get(f.ruleId)?.rule.fallback === true;
    if (!specific && !findings.slice(0, firstFinding).some((f) => inWhole(f) && !isFallback(f))) findings.push(...fallbacks);
    if (subject) {
      // Shown on the sentence as written: a later clause's finding shows its whole sentence.
      const shown = candidate.whole ?? candidate;
      for (const f of findings.slice(firstFinding)) Object.assign(f, clipToSentence(f, candidate), { sentence: shown.text });
      for (const q of quiet.slice(firstQuiet)) Object.assign(q, { start: shown.start, end: shown.end, sentence: shown.text });
      // One quiet mention per rule and sentence, however many of its clauses were read.
      const earlier = quiet.slice(0, firstQuiet);
      const fresh = quiet.slice(firstQuiet).filter((q) => !earlier.some((e) => e.ruleId === q.ruleId && e.start === q.start));
      quiet.splice(firstQuiet, quiet.length - firstQuiet, ...fresh);
    }
    if (specific && candidate.whole) {
      for (let at = firstFinding - 1; at >= 0; at--) if (inWhole(findings[at]!) && isFallback(findings[at]!)) findings.splice(at, 1);
    }
  }
  findings.sort((a, b) => a.start - b.start || b.end - a.end || (a.ruleId < b.ruleId ? -1 : 1));
  if (options.voice === 'critic') {
    // Context notes are information, not flags: they stay. Each flagged sentence becomes one quiet mention.
    const mentioned = new Set<string>();
    for (const f of findings) {
      const at = candidates.find((c) => c.start <= f.start && f.end <= c.end);
      if (f.severity === 'context' || !at || mentioned.has(`${f.ruleId}@${at.start}`)) continue;
      mentioned.add(`${f.ruleId}@${at.start}`);
      quiet.push({ ruleId: f.ruleId, start: at.start, end: at.end, sentence: at.text, ...CRITIC_PAGE });
    }
    return { findings: findings.filter((f) => f.severity === 'context'), quiet };
  }
  return { findings, quiet };
}

/** One expression for every subject a pronoun may stand for, longest first, as whole words. */
function subjectFinder(subjects: readonly string[] | undefined): RegExp | undefined {
  if (!subjects || subjects.length === 0) return undefined;
  const words = [...subjects].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Possessive determiners, which compromise tags as nouns: they open a noun phrase, they do not qualify it. */
const DETERMINERS = new Set(['our', 'your', 'their', 'its', 'my', 'his', 'her', 'whose']);
/** How many words before a subject may qualify it. */
const MAX_MODIFIERS = 2;

/**
 * What a pronoun stands for: the first subject the sentence before names, with up to two adjectives or nouns
 * just before it that qualify it ("Swiss apple stem cells", "nano cytokines", "synthetic peptides"), since rules
 * turn on them. `parsedLead` parses the sentence before, asked only once it names a subject.
 */
function subjectIn(leadText: string, finder: RegExp, parsedLead: () => Sentence): string | undefined {
  const found = finder.exec(leadText);
  if (!found) return undefined;
  const terms = (parsedLead().doc.json({ offset: true, terms: { offset: true } }) as { terms: TermJson[] }[]).flatMap((s) => s.terms);
  const subjectTerm = terms.findIndex((t) => t.offset.start >= found.index);
  if (subjectTerm < 0) return found[0];
  let first = subjectTerm;
  let start = found.index;
  for (let n = 0; n < MAX_MODIFIERS && first > 0; n++) {
    const t = terms[--first]!;
    // compromise reads a noun that opens a sentence as a command ("Plant stem cells are…"); where the sentence
    // has a verb of its own after the subject, the opener qualifies the subject ("Activate stem cells" stays out).
    const opener = first === 0 && t.tags.includes('Imperative') && terms.slice(subjectTerm + 1).some((u) => u.tags.includes('Verb'));
    const qualifies = opener || ((t.tags.includes('Adjective') || t.tags.includes('Noun')) && !t.tags.includes('Pronoun') && !DETERMINERS.has(t.text.toLowerCase()));
    // Only words written right next to each other: a comma or a bracket ends the phrase.
    if (!qualifies || !/^\s+$/.test(leadText.slice(t.offset.start + t.offset.length, start))) break;
    start = t.offset.start;
  }
  return leadText.slice(start, found.index + found[0].length);
}

interface TermJson {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** A finding made on a sentence read with its subject before it, measured on the sentence as written. */
function clipToSentence(f: Finding, shown: CandidateSentence): Pick<Finding, 'start' | 'end' | 'text' | 'sentence'> {
  const start = Math.max(f.start, shown.start);
  const end = Math.max(start, f.end);
  return { start, end, text: shown.text.slice(start - shown.start, end - shown.start), sentence: shown.text };
}

interface MatchSpan extends Span {
  why: string;
}

/** Where an exception matched; rules share exceptions, so each is measured once per sentence. */
function exceptionSpans(sentence: Sentence, text: string, hit: SweepHit): Span[] {
  let at = sentence.spans.get(hit.id);
  if (!at) sentence.spans.set(hit.id, (at = spansOf(text, hit.view)));
  return at;
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
function matchSpans(text: string, hits: readonly SweepHit[], subjectEnd: number): MatchSpan[] {
  return hits.flatMap((hit) =>
    spansOf(text, hit.view)
      // A sentence-wide wildcard (a meeting of concepts, `A & B`) joins words of one clause, not of two.
      .filter((s) => !SENTENCE_WIDE.test(hit.id) || withinOneClause(text, s) || (s.start < subjectEnd && pronounClauseHolds(text, s)))
      .map((s) => ({ ...s, why: normalWords(text.slice(s.start, s.end)) })),
  );
}

const SENTENCE_WIDE = /(^| )\*( |$)/;

function withinOneClause(text: string, span: Span): boolean {
  return clauseOf(text, { start: span.start, end: span.start + 1 }).end >= span.end;
}

/**
 * A sentence read with its subject before it may go on with the pronoun again in a later clause: "exosomes
 * They have many benefits: they regenerate and repair it". The subject stands for that pronoun too, so a
 * meeting that starts in the subject may end in a clause that opens with a pronoun.
 */
function pronounClauseHolds(text: string, span: Span): boolean {
  const clause = clauseOf(text, { start: span.end - 1, end: span.end });
  return ANAPHOR.test(text.slice(clause.start, span.end));
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
