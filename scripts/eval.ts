/**
 * `npm run eval`: how well the rules in `rules/` catch the claims in the labelled corpus (`tests/corpus/`).
 * Prints overall precision, recall and F1, a per-rule table, then every miss and every false alarm, so a rule
 * writer sees at once which phrasing slipped through and which sentence was flagged wrongly.
 *
 * Options: `--corpus DIR` measures another labelled folder of the same YAML format (a held-out set kept outside
 * the repository) instead of `tests/corpus/`; `--scores-only` prints the scores and the per-rule table but not
 * the sentences, for a set that should measure the rules without being read while writing them. `--sentences
 * --split tune --by-pattern` adds which match pattern is behind each rule's finds and false flags on the bank's
 * tune split (src/build/pattern-contributions.ts); it refuses any other set, since that is how rules are tuned.
 *
 * It is a report, not a gate: the exit code is 0 whatever the scores (the corpus test holds the thresholds),
 * 1 when the corpus itself is invalid, since then no score means anything, 2 when the rules do not compile,
 * and 64 on an unknown option.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileSources, readRuleSources } from '../src/build/load-rules.ts';
import { patternContributions } from '../src/build/pattern-contributions.ts';
import { evaluatePages, loadPages, PagesError, scorePages, SPLITS, type PageResult, type PageScores } from '../src/build/evaluate-pages.ts';
import { BankError, evaluateBank, loadBank, scoreBank, type BankResult } from '../src/build/evaluate-sentences.ts';
import type { CompiledRuleSet } from '../src/engine/types.ts';
import { RuleSetError } from '../src/engine/claims/compile-rules.ts';
import {
  CorpusError,
  describeFalseAlarm,
  describeMiss,
  evaluateCorpus,
  loadCorpus,
  PLANNED_RULE_IDS,
  type RuleScores,
  type Scores,
} from '../src/build/evaluate-corpus.ts';

const DEFAULT_CORPUS = 'tests/corpus';
const DEFAULT_PAGES = 'tests/real-pages';
const DEFAULT_SENTENCES = 'tests/real-sentences';
let options;
try {
  options = parseArgs({
    options: {
      corpus: { type: 'string', default: DEFAULT_CORPUS },
      pages: { type: 'string' },
      sentences: { type: 'string' },
      split: { type: 'string' },
      'scores-only': { type: 'boolean', default: false },
      'by-pattern': { type: 'boolean', default: false },
    },
    allowPositionals: false,
  }).values;
} catch (err) {
  process.stderr.write(`${(err as Error).message}\nUsage: npm run eval -- [--corpus DIR | --pages DIR | --sentences DIR] [--split tune|test] [--scores-only] [--by-pattern]\n`);
  process.exit(64);
}
// Which pattern is behind which false flag is how a rule gets tuned: never on the split nobody tunes on.
if (options['by-pattern'] && (options.sentences === undefined || options.split !== 'tune')) {
  process.stderr.write('--by-pattern reads the sentence bank\'s tune split only: npm run eval -- --sentences --split tune --by-pattern\n');
  process.exit(64);
}
const CORPUS_DIR = options.corpus;
if (options.split !== undefined && !(SPLITS as readonly string[]).includes(options.split)) {
  process.stderr.write(`--split must be one of ${SPLITS.join(', ')} (got "${options.split}")\n`);
  process.exit(64);
}
const ratio = (r: number | null) => (r === null ? 'n/a' : r.toFixed(3));
const SCORES_ONLY = options['scores-only'];
const BY_PATTERN = options['by-pattern'];

// Read once: the pattern table needs the rules as written and their vocabularies, the scores the compiled set.
const ruleSources = readRuleSources('rules');
let compiled;
try {
  compiled = compileSources(ruleSources);
} catch (err) {
  // Not a corpus problem, and nothing to measure: say so plainly, with a code of its own.
  if (!(err instanceof RuleSetError)) throw err;
  process.stderr.write(`The rules in rules/ do not compile, so there is nothing to evaluate:\n${err.message}\n`);
  process.exit(2);
}
const { ruleSet } = compiled;
const VOCABULARY = new Map(Object.entries(compiled.vocabulary));
if (options.sentences !== undefined) {
  runSentences(options.sentences || DEFAULT_SENTENCES, options.split, ruleSet);
  process.exit(0);
}
if (options.pages !== undefined) {
  runPages(options.pages || DEFAULT_PAGES, options.split, ruleSet);
  process.exit(0);
}
if (!existsSync(CORPUS_DIR) || !statSync(CORPUS_DIR).isDirectory()) {
  process.stderr.write(`The corpus folder ${CORPUS_DIR} does not exist or is not a folder.\n`);
  process.exit(1);
}
let entries;
try {
  // A held-out folder names its negatives' kinds its own way; only our own corpus is held to NEGATIVE_KINDS.
  entries = loadCorpus(CORPUS_DIR, new Set([...ruleSet.rules.map((r) => r.id), ...PLANNED_RULE_IDS]), {
    anyKind: resolve(CORPUS_DIR) !== resolve(DEFAULT_CORPUS),
  });
} catch (err) {
  if (!(err instanceof CorpusError)) throw err;
  process.stderr.write(`The corpus in ${CORPUS_DIR} is invalid:\n${err.message}\n`);
  process.exit(1);
}

const result = evaluateCorpus(entries, ruleSet);
const { overall } = result;
const predicted = overall.truePositives + overall.falsePositives;
const expected = overall.truePositives + overall.falseNegatives;

const out: string[] = [
  `Claimlens corpus evaluation: rules ${result.rulesVersion} (${ruleSet.rules.length} rules), corpus ${CORPUS_DIR}, ${result.sentences} sentences ` +
    `(${result.sentences - result.negatives} positive, ${result.negatives} negative)`,
  `Negatives by kind: ${Object.entries(result.negativesByKind).map(([k, n]) => `${k} ${n}`).join(', ')}`,
  '',
  'Overall, micro-averaged over (sentence, rule) pairs:',
  `  precision ${ratio(overall.precision)}  (${overall.truePositives} correct of ${predicted} found)`,
  `  recall    ${ratio(overall.recall)}  (${overall.truePositives} found of ${expected} expected)`,
  `  F1        ${ratio(overall.f1)}`,
  '',
  'Per rule:',
  ...table(result.perRule),
];
if (SCORES_ONLY) {
  out.push('', `Sentences not listed (--scores-only): ${result.misses.length} misses, ${result.falseAlarms.length} false alarms.`);
} else {
  out.push(
    '',
    `Misses, expected but not found (${result.misses.length}):`,
    ...(result.misses.length === 0 ? ['  none'] : result.misses.map((m) => `  ${describeMiss(m)}`)),
    '',
    `False alarms, found but not expected (${result.falseAlarms.length}):`,
    ...(result.falseAlarms.length === 0 ? ['  none'] : result.falseAlarms.map((f) => `  ${describeFalseAlarm(f)}`)),
  );
}
process.stdout.write(`${out.join('\n')}\n`);

function table(rows: readonly RuleScores[]): string[] {
  const head = ['rule', 'pos', 'TP', 'FP', 'FN', 'P', 'R', 'F1', ''];
  const body = rows.map((r) => [
    r.ruleId,
    String(r.positives),
    ...counts(r),
    ratio(r.precision),
    ratio(r.recall),
    ratio(r.f1),
    // The two ways a row says nothing about a rule's quality, named so they are not mistaken for a score.
    [!r.inRuleSet && 'not in the rule set yet', r.positives === 0 && 'NO POSITIVES IN THE CORPUS'].filter(Boolean).join('; '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`.trimEnd();
  return [line(head), ...body.map(line)];
}

function counts(s: Scores): string[] {
  return [s.truePositives, s.falsePositives, s.falseNegatives].map(String);
}

/** The real-page corpus: sentence and page level, overall, for each split and each kind of page. */
function runPages(dir: string, split: string | undefined, rules: CompiledRuleSet): void {
  let pages;
  try {
    pages = loadPages(dir).filter((p) => split === undefined || p.split === split);
  } catch (err) {
    if (!(err instanceof PagesError)) throw err;
    process.stderr.write(`The real-page corpus in ${dir} is invalid:\n${err.message}\n`);
    process.exit(1);
  }
  const { rulesVersion, pages: results } = evaluatePages(pages, rules);
  const line = (name: string, s: PageScores) =>
    `${name.padEnd(16)} ${String(s.pages).padStart(5)}  ${ratio(s.precision)} (${s.correct} of ${s.flagged})`.padEnd(46) +
    `${ratio(s.recall)} (${s.found} of ${s.flags})`.padEnd(24) +
    `${ratio(s.pagePrecision)} / ${ratio(s.pageRecall)}`;
  const out = [
    `Claimlens real-page evaluation: rules ${rulesVersion} (${rules.rules.length} rules), ${dir}${split ? `, split ${split}` : ''}, ${results.length} pages`,
    '',
    `${'set'.padEnd(16)} pages  sentence precision`.padEnd(46) + 'sentence recall'.padEnd(24) + 'page P / R (badge)',
  ];
  const groups: [string, PageResult[]][] = [['all', results]];
  if (split === undefined) for (const s of SPLITS) groups.push([`split ${s}`, results.filter((r) => r.split === s)]);
  for (const kind of [...new Set(results.map((r) => r.kind))].sort()) groups.push([kind, results.filter((r) => r.kind === kind)]);
  for (const [name, rs] of groups) if (rs.length > 0) out.push(line(name, scorePages(rs)));
  const all = scorePages(results);
  out.push('', `Pages arguing against the claims that get a badge: ${all.criticPagesBadged.length === 0 ? 'none' : all.criticPagesBadged.join(', ')}`);
  if (!SCORES_ONLY) {
    for (const r of results) {
      if (r.misses.length === 0 && r.falseAlarms.length === 0) continue;
      out.push('', `## ${r.slug} (${r.kind}, ${r.voice}, ${r.split}): found ${r.found} of ${r.flags}, ${r.falseAlarms.length} false alarms`);
      for (const m of r.misses) out.push(`  MISS  [${m.type}] ${m.text}`);
      for (const f of r.falseAlarms) out.push(`  FALSE [${f.labelled}] ${f.sentence}\n          ${f.findings.join('; ')}`);
    }
  }
  console.log(out.join('\n'));
}

/** The real-sentence bank: sentence precision and recall, overall, for each split, file and kind of page. */
function runSentences(dir: string, split: string | undefined, rules: CompiledRuleSet): void {
  let entries;
  try {
    entries = loadBank(dir).filter((e) => split === undefined || e.split === split);
  } catch (err) {
    if (!(err instanceof BankError)) throw err;
    process.stderr.write(`The sentence bank in ${dir} is invalid:\n${err.message}\n`);
    process.exit(1);
  }
  const results = evaluateBank(entries, rules);
  const out = [
    `Claimlens sentence-bank evaluation: rules ${rules.version} (${rules.rules.length} rules), ${dir}${split ? `, split ${split}` : ''}, ${entries.length} sentences`,
    '',
  ];
  const groups: [string, BankResult[]][] = [['all', results]];
  if (split === undefined) for (const s of SPLITS) groups.push([`split ${s}`, results.filter((r) => r.entry.split === s)]);
  for (const file of [...new Set(entries.map((e) => e.file))]) groups.push([file, results.filter((r) => (r.entry as { file?: string }).file === file)]);
  for (const kind of [...new Set(entries.map((e) => e.kind))].sort()) groups.push([`  ${kind}`, results.filter((r) => r.entry.kind === kind)]);
  // File names set the first column's width, so a long one never pushes its row out of line.
  const width = Math.max(24, ...groups.map(([name]) => name.length + 1));
  out.push(`${'set'.padEnd(width)} judged  precision`.padEnd(width + 30) + 'recall');
  for (const [name, rs] of groups) {
    if (rs.length === 0) continue;
    const s = scoreBank(rs);
    out.push(`${name.padEnd(width)} ${String(s.sentences).padStart(6)}  ${ratio(s.precision)} (${s.correct} of ${s.flagged})`.padEnd(width + 30) + `${ratio(s.recall)} (${s.found} of ${s.flags})`);
  }
  if (BY_PATTERN) {
    const rows = patternContributions(ruleSources, VOCABULARY, results);
    out.push('', 'Match patterns behind the flags (found: labelled flag; false: labelled ok), most false flags first:', '  found  false  rule: pattern');
    for (const row of rows) out.push(`  ${String(row.found).padStart(5)}  ${String(row.false).padStart(5)}  ${row.ruleId}: ${row.pattern}`);
  }
  if (!SCORES_ONLY) {
    for (const r of results) {
      if (r.entry.label === 'flag' && r.flaggedBy.length === 0) out.push(`  MISS  [${r.entry.type}] ${r.entry.text}`);
      if (r.entry.label === 'ok' && r.flaggedBy.length > 0) out.push(`  FALSE [${r.flaggedBy.join(', ')}] ${r.entry.text}`);
    }
  }
  console.log(out.join('\n'));
}
