/**
 * Measures the rules on the real-sentence bank (`tests/real-sentences/`): sentences from public web pages, each
 * labelled `flag`, `ok` or `unsure` by a labeller who read only the seeds and docs/labelling.md. A bank reaches
 * more phrasings per hour of labelling than whole pages, where claims are sparse. Node only (`npm run eval --
 * --sentences`).
 *
 * Each sentence is scanned after its `context` (the sentence before it on its page, where the labeller kept
 * one), as a two-sentence paragraph, and only findings inside the sentence itself count: a flagged sentence is
 * found when a flagging finding (any severity but `context`) overlaps it, an `ok` one with such a finding is a
 * false alarm, and `unsure` sentences are left out.
 */
import { readdirSync } from 'node:fs';
import * as v from 'valibot';
import nlp from '../engine/nlp.ts';
import { scanText } from '../engine/claims/scan-text.ts';
import type { CompiledRuleSet } from '../engine/types.ts';
import { readLabelled, sentenceScores, SPLITS, type SentenceScores } from './evaluate-pages.ts';

const text = v.pipe(v.string(), v.trim(), v.minLength(1));
const common = {
  text,
  why: text,
  voice: v.picklist(['seller', 'clinic', 'critic', 'neutral', 'mixed']),
  kind: text,
  // A real page's address, or `written` for the blind sets written from the labelling guide (tests/written-sentences).
  source: v.union([v.pipe(v.string(), v.url()), v.literal('written')]),
  context: v.optional(text),
  split: v.picklist(SPLITS),
};
const BankEntrySchema = v.variant('label', [
  v.strictObject({ ...common, label: v.literal('flag'), seed: v.picklist(['000', '001', '002', '003']), type: text }),
  v.strictObject({ ...common, label: v.picklist(['ok', 'unsure']) }),
]);
const BankFileSchema = v.array(BankEntrySchema);

export type BankEntry = v.InferOutput<typeof BankEntrySchema>;

export class BankError extends Error {}

/** Every `*.yaml` in `dir`, each a list of labelled sentences; all problems reported at once. */
export function loadBank(dir: string): (BankEntry & { file: string })[] {
  const problems: string[] = [];
  const entries: (BankEntry & { file: string })[] = [];
  for (const file of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const bank = readLabelled(dir, file, BankFileSchema, problems);
    if (bank) entries.push(...bank.map((e) => ({ ...e, file })));
  }
  if (problems.length > 0) throw new BankError(problems.join('\n'));
  return entries;
}

export interface BankResult {
  entry: BankEntry;
  /** The rules whose flagging findings overlap the sentence. */
  flaggedBy: string[];
}

/** Scans each sentence after its context and keeps the rules that flag the sentence itself. */
export function evaluateBank(entries: readonly BankEntry[], ruleSet: CompiledRuleSet): BankResult[] {
  return entries.map((entry) => {
    const lead = entry.context ? `${entry.context}\n` : '';
    const { findings } = scanText(nlp, lead + entry.text, ruleSet);
    const flaggedBy = findings.filter((f) => f.severity !== 'context' && f.end > lead.length).map((f) => f.ruleId);
    return { entry, flaggedBy: [...new Set(flaggedBy)].sort() };
  });
}

export interface BankScores extends SentenceScores {
  /** Judged sentences (flag or ok). */
  sentences: number;
}

/** Sentence precision and recall; `unsure` sentences count for neither. */
export function scoreBank(results: readonly BankResult[]): BankScores {
  const judged = results.filter((r) => r.entry.label !== 'unsure');
  const flags = judged.filter((r) => r.entry.label === 'flag');
  const found = flags.filter((r) => r.flaggedBy.length > 0).length;
  const flagged = judged.filter((r) => r.flaggedBy.length > 0);
  const correct = flagged.filter((r) => r.entry.label === 'flag').length;
  return { sentences: judged.length, ...sentenceScores(flags.length, found, flagged.length, correct) };
}
