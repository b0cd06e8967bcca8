/**
 * Measures the rules against the labelled corpus in `tests/corpus/` (Node only: `npm run eval` and the corpus
 * test). Each corpus sentence lists the rule ids a careful reader expects it to trigger; the corpus is written
 * from the rule plan's description of each claim, never from the rules' patterns, so the scores say how well
 * the rules catch the claims, not how well the corpus fits the rules. Scores are precision, recall and F1 over
 * (sentence, rule id) pairs, overall (micro) and per rule, with every miss and false alarm listed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { LineCounter, parseDocument } from 'yaml';
import { plainText } from '../cli/read-input.ts';
import nlp from '../engine/nlp.ts';
import { scanText } from '../engine/claims/scan-text.ts';
import type { CompiledRuleSet } from '../engine/types.ts';

/** What a sentence that should trigger nothing is: the corpus must hold negatives of every kind. */
export const NEGATIVE_KINDS = ['negated', 'question', 'debunking', 'science', 'marketing', 'ingredients', 'faq'] as const;

/**
 * The rule ids of the rule plan (issue 3). Labels may name a planned rule before its file lands, so the corpus
 * stays valid while rules are being written; such a label counts as a miss until the rule exists. Any other id
 * in a label is a typo and makes the corpus invalid.
 */
export const PLANNED_RULE_IDS: readonly string[] = [
  'company-longevity-proof',
  'culture-factor-concentration',
  'cytokine-long-shelf-life',
  'cytokines-penetrate-cells',
  'exosome-promises',
  'grows-new-tissue',
  'growth-factors-safe-for-all',
  'inflammatory-cytokines-anti-aging',
  'injected-growth-factors',
  'iv-cytokines-immunity',
  'living-stem-cells',
  'more-factors-better',
  'nano-cytokines',
  'nobel-prize-halo',
  'one-treatment-permanent',
  'peptides-as-cytokines',
  'post-procedure-inflammatory',
  'prp-is-stem-cells',
  'prp-one-shot-years',
  'single-factor-promise',
  'stability-room-temperature',
  'stem-cell-branding',
  'stem-cell-filler',
  'supernatant-pure-actives',
  'tissue-source-superiority',
  'wound-healing-as-anti-aging',
];

/** One labelled sentence of the corpus. */
export interface CorpusEntry {
  /** The sentence, one line, as it might appear on a product page. */
  text: string;
  /** Every rule id the sentence should trigger; empty for a negative. */
  rules: string[];
  /**
   * For a negative, why it is a hard one (negated claim, debunking article, …): one of NEGATIVE_KINDS, or any
   * lower-case word when the corpus was loaded with `anyKind` (a held-out set that names its kinds its own way).
   */
  kind?: string;
  /** Where the entry is, for reports: the YAML file and the 0-based index in its list. */
  file: string;
  index: number;
}

/** One problem with one corpus file or entry. */
export interface CorpusProblem {
  file: string;
  /** 0-based index of the entry in the file's list, when the problem is an entry's. */
  index?: number;
  /** 1-based line, when known. */
  line?: number;
  message: string;
}

/** Thrown by `loadCorpus` when any file or entry is invalid; `problems` lists every one. */
export class CorpusError extends Error {
  constructor(readonly problems: CorpusProblem[]) {
    super(problems.map(formatCorpusProblem).join('\n'));
    this.name = 'CorpusError';
  }
}

function formatCorpusProblem(p: CorpusProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${where}:${p.index === undefined ? '' : ` entry ${p.index}:`} ${p.message}`;
}

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const STRICT_KIND = v.optional(v.picklist(NEGATIVE_KINDS, `kind must be one of ${NEGATIVE_KINDS.join(', ')}`));
const ANY_KIND = v.optional(v.pipe(v.string('kind must be a string'), v.regex(/^[a-z]+(-[a-z]+)*$/, 'kind must be a lower-case word')));

const entrySchema = (kind: typeof STRICT_KIND | typeof ANY_KIND) => v.pipe(
  v.strictObject(
    {
      text: v.pipe(
        v.string('text must be a string'),
        v.trim(),
        v.minLength(1, 'text must not be empty'),
        // The engine reads line breaks as block boundaries; a corpus sentence is one block.
        v.regex(/^[^\n\r]*$/, 'text must be on one line'),
      ),
      rules: v.pipe(
        v.array(
          v.pipe(v.string('rule ids must be strings'), v.regex(RULE_ID, 'rule ids are lower-case words joined by hyphens')),
          'rules must be a list of rule ids ([] for none)',
        ),
        v.check((ids) => new Set(ids).size === ids.length, 'rules lists the same id twice'),
      ),
      kind,
    },
    'an entry must be an object with text, rules and (for a negative) kind, and nothing else',
  ),
  // The kind is what makes a negative hard (the corpus must cover every kind); on a positive it means nothing.
  v.check((e) => e.rules.length > 0 || e.kind !== undefined, `a negative (rules: []) needs a kind: one of ${NEGATIVE_KINDS.join(', ')}`),
  v.check((e) => e.rules.length === 0 || e.kind === undefined, 'kind is only for negatives (rules: [])'),
);

const STRICT_ENTRY = entrySchema(STRICT_KIND);
const ANY_KIND_ENTRY = entrySchema(ANY_KIND);

const ENTRY_FIELDS = ['text', 'rules', 'kind'];

export interface LoadOptions {
  /**
   * Accept any lower-case word as a negative's kind, not only NEGATIVE_KINDS: for a held-out set written
   * outside the repository, whose kinds ("hedged", "everyday") are its author's own.
   */
  anyKind?: boolean;
}

/**
 * Reads every `*.yaml` in `dir` (sorted, so reports are stable) and validates it: each file a list of entries,
 * each entry of the right shape, every rule id in `knownRuleIds`, no sentence twice.
 * @throws CorpusError naming file, entry index and line of every problem.
 */
export function loadCorpus(dir: string, knownRuleIds: ReadonlySet<string>, options: LoadOptions = {}): CorpusEntry[] {
  const schema = options.anyKind ? ANY_KIND_ENTRY : STRICT_ENTRY;
  const problems: CorpusProblem[] = [];
  const entries: CorpusEntry[] = [];
  const names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  if (names.length === 0) problems.push({ file: dir, message: 'holds no corpus files (*.yaml)' });
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines });
    const [err] = doc.errors;
    if (err) {
      // The first syntax error is the real one; the rest usually cascade from it.
      const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      problems.push({ file, line: err.linePos?.[0].line, message: `is not valid YAML: ${message}` });
      continue;
    }
    const value: unknown = doc.toJS();
    if (!Array.isArray(value)) {
      problems.push({ file, message: 'must be a list of entries' });
      continue;
    }
    value.forEach((raw: unknown, index) => {
      const node = doc.getIn([index], true) as { range?: [number, number, number] } | undefined;
      const line = node?.range ? lines.linePos(node.range[0]).line : undefined;
      const at = (message: string) => problems.push({ file, index, ...(line === undefined ? {} : { line }), message });
      const result = v.safeParse(schema, raw);
      if (!result.success) {
        for (const issue of result.issues) at(issueMessage(issue));
        return;
      }
      const { text, rules, kind } = result.output;
      for (const id of rules) if (!knownRuleIds.has(id)) at(`unknown rule id "${id}" (neither in rules/ nor in the rule plan)`);
      const earlier = seen.get(text);
      if (earlier !== undefined) at(`repeats the sentence of ${earlier}`);
      seen.set(text, `${file} entry ${index}`);
      entries.push({ text, rules, ...(kind === undefined ? {} : { kind }), file, index });
    });
  }
  if (problems.length > 0) throw new CorpusError(problems);
  return entries;
}

/**
 * valibot words a missing or unknown key as the whole object's message; name the key instead. Both entry
 * schemas come from entrySchema(), so its issue type covers STRICT_ENTRY's and ANY_KIND_ENTRY's.
 */
function issueMessage(issue: v.InferIssue<ReturnType<typeof entrySchema>>): string {
  const key = issue.path?.map((item) => String(item.key)).join('.');
  if (issue.type === 'strict_object' && key) {
    return issue.input === undefined && ENTRY_FIELDS.includes(key)
      ? `"${key}" is missing`
      : `"${key}" is not a known field (an entry has ${ENTRY_FIELDS.join(', ')})`;
  }
  return issue.message;
}

/** Counts and ratios for one set of (sentence, rule id) pairs. A ratio with nothing to divide by is null. */
export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface RuleScores extends Scores {
  ruleId: string;
  /** False when the corpus labels a planned rule that the rule set does not hold yet. */
  inRuleSet: boolean;
  /** Corpus sentences labelled with the rule. */
  positives: number;
}

/** A labelled (sentence, rule) pair the rules did not find. */
export interface Miss {
  ruleId: string;
  text: string;
  file: string;
  index: number;
  /** Why, as far as the engine tells: the rule is absent, an `unless` set kept it quiet, or nothing matched. */
  why: string;
}

/** A (sentence, rule) pair the rules found that the corpus does not expect. */
export interface FalseAlarm {
  ruleId: string;
  text: string;
  file: string;
  index: number;
  /** The text of each finding of the rule in the sentence. */
  matched: string[];
}

export interface CorpusEvaluation {
  rulesVersion: string;
  sentences: number;
  negatives: number;
  /** Every kind of NEGATIVE_KINDS (0 when absent), then any other kind the corpus names. */
  negativesByKind: Record<string, number>;
  /** Micro-averaged over every (sentence, rule id) pair. */
  overall: Scores;
  /** One row per rule in the rule set or in a label, sorted by id. */
  perRule: RuleScores[];
  misses: Miss[];
  falseAlarms: FalseAlarm[];
}

/** Runs every corpus sentence through the engine and scores the findings against the labels. */
export function evaluateCorpus(entries: readonly CorpusEntry[], ruleSet: CompiledRuleSet): CorpusEvaluation {
  const inSet = new Set(ruleSet.rules.map((r) => r.id));
  const ids = new Set(inSet);
  for (const e of entries) for (const id of e.rules) ids.add(id);
  const counts = new Map<string, { tp: number; fp: number; fn: number; positives: number }>();
  for (const id of ids) counts.set(id, { tp: 0, fp: 0, fn: 0, positives: 0 });
  const misses: Miss[] = [];
  const falseAlarms: FalseAlarm[] = [];

  for (const entry of entries) {
    const { findings, quiet } = scanText(nlp, plainText(entry.text), ruleSet);
    const found = new Map<string, string[]>();
    for (const f of findings) {
      const texts = found.get(f.ruleId);
      if (texts) texts.push(f.text);
      else found.set(f.ruleId, [f.text]);
    }
    const expected = new Set(entry.rules);
    for (const id of expected) {
      const c = counts.get(id)!;
      c.positives++;
      if (found.has(id)) {
        c.tp++;
        continue;
      }
      c.fn++;
      const keptQuiet = quiet.find((q) => q.ruleId === id);
      const why = !inSet.has(id)
        ? 'the rule is not in the rule set yet'
        : keptQuiet
          ? `kept quiet by ${keptQuiet.set === 'rule' ? "the rule's own unless patterns" : `$${keptQuiet.set}`}`
          : 'no pattern matched';
      misses.push({ ruleId: id, text: entry.text, file: entry.file, index: entry.index, why });
    }
    for (const [id, matched] of found) {
      if (expected.has(id)) continue;
      // A rule found by the engine is always in the rule set, so its counter exists.
      counts.get(id)!.fp++;
      falseAlarms.push({ ruleId: id, text: entry.text, file: entry.file, index: entry.index, matched });
    }
  }

  const perRule = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ruleId, c]) => ({ ruleId, inRuleSet: inSet.has(ruleId), positives: c.positives, ...scores(c.tp, c.fp, c.fn) }));
  const total = (key: 'tp' | 'fp' | 'fn') => [...counts.values()].reduce((sum, c) => sum + c[key], 0);
  const negativesByKind: Record<string, number> = Object.fromEntries(NEGATIVE_KINDS.map((k) => [k, 0]));
  for (const e of entries) if (e.kind) negativesByKind[e.kind] = (negativesByKind[e.kind] ?? 0) + 1;

  return {
    rulesVersion: ruleSet.version,
    sentences: entries.length,
    negatives: entries.filter((e) => e.rules.length === 0).length,
    negativesByKind,
    overall: scores(total('tp'), total('fp'), total('fn')),
    perRule,
    misses: misses.sort(byRuleThenPlace),
    falseAlarms: falseAlarms.sort(byRuleThenPlace),
  };
}

/** One line per miss, for the eval report and assertion messages. */
export function describeMiss(m: Miss): string {
  return `[${m.ruleId}] ${m.text}  (${m.file} entry ${m.index}; ${m.why})`;
}

/** One line per false alarm, with the words that set it off. */
export function describeFalseAlarm(f: FalseAlarm): string {
  return `[${f.ruleId}] ${f.text}  (${f.file} entry ${f.index}; matched ${f.matched.map((t) => `“${t}”`).join(', ')})`;
}

function scores(tp: number, fp: number, fn: number): Scores {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

function byRuleThenPlace(a: { ruleId: string; file: string; index: number }, b: { ruleId: string; file: string; index: number }): number {
  return a.ruleId.localeCompare(b.ruleId) || a.file.localeCompare(b.file) || a.index - b.index;
}
