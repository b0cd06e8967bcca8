// The rules measured against the labelled corpus in tests/corpus/ (written from the rule plan, blind to the
// patterns). Thresholds hold the whole rule set to account; `npm run eval` prints the full report behind them.
import { describe, expect, it } from 'vitest';
import { ruleSet } from 'virtual:claimlens/rules';
import {
  describeFalseAlarm,
  describeMiss,
  evaluateCorpus,
  loadCorpus,
  NEGATIVE_KINDS,
  PLANNED_RULE_IDS,
} from '../../../src/build/evaluate-corpus.ts';

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.9;
const MIN_POSITIVES_PER_RULE = 5;
const MIN_NEGATIVE_SHARE = 0.4;

// An invalid corpus throws here with file, entry and line of every problem, failing the whole file.
const entries = loadCorpus('tests/corpus', new Set([...ruleSet.rules.map((r) => r.id), ...PLANNED_RULE_IDS]));
const result = evaluateCorpus(entries, ruleSet);

const list = (title: string, lines: string[]) => `${title} (${lines.length}):${lines.length === 0 ? ' none' : `\n  ${lines.join('\n  ')}`}`;
const report = [
  list('Misses', result.misses.map(describeMiss)),
  list('False alarms', result.falseAlarms.map(describeFalseAlarm)),
].join('\n');

describe('rules against the labelled corpus', () => {
  it(`finds claims with precision ≥ ${MIN_PRECISION}`, () => {
    const { precision, truePositives, falsePositives } = result.overall;
    expect(precision ?? 0, `precision ${truePositives}/${truePositives + falsePositives}\n${report}\n`).toBeGreaterThanOrEqual(MIN_PRECISION);
  });

  it(`finds claims with recall ≥ ${MIN_RECALL}`, () => {
    const { recall, truePositives, falseNegatives } = result.overall;
    expect(recall ?? 0, `recall ${truePositives}/${truePositives + falseNegatives}\n${report}\n`).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it('holds every labelled rule in the rule set', () => {
    const absent = result.perRule.filter((r) => !r.inRuleSet).map((r) => r.ruleId);
    expect(absent, 'rules labelled in the corpus but missing from rules/').toEqual([]);
  });
});

describe('the corpus', () => {
  it(`has at least ${MIN_POSITIVES_PER_RULE} positives for every rule`, () => {
    const thin = result.perRule
      .filter((r) => r.inRuleSet && r.positives < MIN_POSITIVES_PER_RULE)
      .map((r) => `${r.ruleId}: ${r.positives}`);
    expect(thin, 'rules with too few positive sentences in tests/corpus/').toEqual([]);
  });

  it(`is at least ${MIN_NEGATIVE_SHARE * 100}% hard negatives, of every kind`, () => {
    expect(result.negatives / result.sentences, `${result.negatives} negatives of ${result.sentences} sentences`).toBeGreaterThanOrEqual(
      MIN_NEGATIVE_SHARE,
    );
    const missingKinds = NEGATIVE_KINDS.filter((k) => result.negativesByKind[k] === 0);
    expect(missingKinds, 'negative kinds with no sentence').toEqual([]);
  });
});
