/**
 * How far two labellers agree (`npm run agreement`): a second labeller's labels for a sample of the bank's
 * sentences, joined to the bank by text. A rule set scored against one labeller cannot be expected to do better
 * than another careful labeller does against the same labels, so this says how high a score the labels allow.
 *
 * The sample is stratified (so many sentences the first labeller flagged, so many ok), so the second labeller's
 * precision and recall against the first are weighted back to the whole split: each sampled sentence stands for
 * as many of the split's sentences with the same first label as there are per sampled one. Node only.
 */
import * as v from 'valibot';
import { readLabelled } from './evaluate-pages.ts';
import type { BankEntry } from './evaluate-sentences.ts';

const text = v.pipe(v.string(), v.trim(), v.minLength(1));
const SecondLabelSchema = v.array(
  v.strictObject({ text, label: v.picklist(['flag', 'ok', 'unsure']), seed: v.optional(v.picklist(['000', '001', '002', '003'])), why: text }),
);
export type SecondLabel = v.InferOutput<typeof SecondLabelSchema>[number];

export class AgreementError extends Error {}

export function loadSecondLabels(dir: string, file: string): SecondLabel[] {
  const problems: string[] = [];
  const labels = readLabelled(dir, file, SecondLabelSchema, problems);
  if (!labels || problems.length > 0) throw new AgreementError(problems.join('\n'));
  return labels;
}

export interface Agreement {
  /** Sampled sentences by first label, then second label. */
  table: Record<'flag' | 'ok', Record<'flag' | 'ok' | 'unsure', number>>;
  /** Share of the sample where both say the same, with `unsure` read as not flagged. */
  observed: number;
  /** Cohen's kappa on the sample, `unsure` read as not flagged. */
  kappa: number;
  /** The second labeller scored against the first, weighted to the whole split. */
  precision: number;
  recall: number;
}

/**
 * `population` is the split the sample was drawn from (its judged sentences); each label must find its sentence
 * there, and the sentence must be judged flag or ok by the first labeller.
 * @throws AgreementError naming every sentence that cannot be joined.
 */
export function measureAgreement(population: readonly BankEntry[], second: readonly SecondLabel[]): Agreement {
  const first = new Map(population.map((e) => [e.text, e.label]));
  const missing = second.filter((s) => first.get(s.text) !== 'flag' && first.get(s.text) !== 'ok');
  if (missing.length > 0) {
    throw new AgreementError(`${missing.length} second label(s) find no sentence judged flag or ok in the split, e.g. "${missing[0]!.text}"`);
  }
  const table = { flag: { flag: 0, ok: 0, unsure: 0 }, ok: { flag: 0, ok: 0, unsure: 0 } };
  for (const s of second) table[first.get(s.text) as 'flag' | 'ok'][s.label]++;
  const sampled = (l: 'flag' | 'ok') => table[l].flag + table[l].ok + table[l].unsure;
  const n = sampled('flag') + sampled('ok');
  const bothFlag = table.flag.flag;
  const neither = table.ok.ok + table.ok.unsure;
  const observed = (bothFlag + neither) / n;
  const firstFlags = sampled('flag') / n;
  const secondFlags = (table.flag.flag + table.ok.flag) / n;
  const chance = firstFlags * secondFlags + (1 - firstFlags) * (1 - secondFlags);
  // Weights back to the split: how many of its sentences each sampled one stands for.
  const weight = (l: 'flag' | 'ok') => population.filter((e) => e.label === l).length / Math.max(1, sampled(l));
  const tp = table.flag.flag * weight('flag');
  const fn = (table.flag.ok + table.flag.unsure) * weight('flag');
  const fp = table.ok.flag * weight('ok');
  return { table, observed, kappa: (observed - chance) / (1 - chance), precision: tp / (tp + fp), recall: tp / (tp + fn) };
}
