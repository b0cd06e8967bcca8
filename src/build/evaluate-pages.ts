/**
 * Measures the rules on the real-page corpus (`tests/real-pages/`): public web pages kept as HTML fixtures in
 * reading order, each with a labels file in which every sentence on the topic is marked `flag`, `ok` or
 * `unsure` by a labeller who read only the seeds and docs/labelling.md. Node only (`npm run eval -- --pages`
 * and the real-page test).
 *
 * Each page is scanned as the command-line scanner scans an HTML file. Scores are at sentence level:
 * - a labelled `flag` sentence is found when a flagging finding (any severity but `context`) overlaps it;
 * - each sentence the engine flags is a false alarm when it overlaps no `flag` sentence (one that overlaps
 *   only `unsure` sentences is left out of the count). Sentences nobody labelled are off the topic: ok.
 * And at page level: a page should get a badge exactly when it holds a `flag` sentence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { parse } from 'yaml';
import { parseHTML } from 'linkedom';
import { htmlText } from '../cli/read-input.ts';
import nlp from '../engine/nlp.ts';
import { quietInIngredientList } from '../engine/ingredients/quiet-in-ingredient-list.ts';
import { findIngredientList } from '../engine/ingredients/find-ingredient-list.ts';
import { scanText } from '../engine/claims/scan-text.ts';
import type { CompiledRuleSet, Finding } from '../engine/types.ts';

const PAGE_KINDS = ['shop', 'marketplace', 'kbeauty', 'brand-science', 'clinic', 'news', 'expert-article', 'blog', 'control'] as const;
const PAGE_VOICES = ['seller', 'clinic', 'critic', 'neutral', 'mixed'] as const;
export const SPLITS = ['tune', 'test'] as const;
const SEEDS = ['000', '001', '002', '003'] as const;

const text = v.pipe(v.string(), v.trim(), v.minLength(1));
const LabelSchema = v.variant('label', [
  v.strictObject({ text, label: v.literal('flag'), seed: v.picklist(SEEDS), type: text, why: text }),
  v.strictObject({ text, label: v.picklist(['ok', 'unsure']), why: text }),
]);
const LabelsFileSchema = v.strictObject({
  source: v.pipe(v.string(), v.url()),
  kind: v.picklist(PAGE_KINDS),
  voice: v.picklist(PAGE_VOICES),
  split: v.picklist(SPLITS),
  sentences: v.array(LabelSchema),
});

export type PageLabel = v.InferOutput<typeof LabelSchema>;
export type LabelledPage = v.InferOutput<typeof LabelsFileSchema> & { slug: string; html: string };

export class PagesError extends Error {}

/** A labelled YAML file checked against its schema; each problem is added to `problems`, named by file and field. */
export function readLabelled<S extends v.GenericSchema>(dir: string, name: string, schema: S, problems: string[]): v.InferOutput<S> | undefined {
  let data: unknown;
  try {
    data = parse(readFileSync(join(dir, name), 'utf8'));
  } catch (err) {
    problems.push(`${name}: not YAML (${(err as Error).message.split('\n')[0]})`);
    return undefined;
  }
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  for (const issue of result.issues) problems.push(`${name}: ${v.getDotPath(issue) ?? '(file)'}: ${issue.message}`);
  return undefined;
}

/** Every `<slug>.labels.yaml` with its `<slug>.html` in `dir`; all problems reported at once. */
export function loadPages(dir: string): LabelledPage[] {
  const problems: string[] = [];
  const pages: LabelledPage[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.labels.yaml')).sort()) {
    const slug = name.slice(0, -'.labels.yaml'.length);
    let html: string;
    try {
      html = readFileSync(join(dir, `${slug}.html`), 'utf8');
    } catch {
      problems.push(`${slug}: no ${slug}.html beside its labels`);
      continue;
    }
    const labels = readLabelled(dir, name, LabelsFileSchema, problems);
    if (!labels) continue;
    const page = { ...labels, slug, html };
    // Checked against every text node, buttons included: a label the extension does not read still counts.
    const flat = normalize(allText(html)).text;
    page.sentences.forEach((s, i) => {
      if (!flat.includes(normalize(s.text).text)) problems.push(`${name}: sentences[${i}] does not occur in ${slug}.html: "${s.text}"`);
    });
    pages.push(page);
  }
  if (problems.length > 0) throw new PagesError(problems.join('\n'));
  return pages;
}

/** Every text node of the page's body, each block on a line of its own. */
function allText(html: string): string {
  const { document } = parseHTML(html);
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) out.push(node.textContent ?? '');
    else if (node.nodeType === 1 && !['script', 'style'].includes((node as Element).localName)) {
      out.push('\n');
      node.childNodes.forEach(walk);
      out.push('\n');
    }
  };
  if (document.body) walk(document.body);
  return out.join('').split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
}

/** The text with each run of white space made one space, and for each character where it came from. */
function normalize(raw: string): { text: string; from: number[] } {
  let text = '';
  const from: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (/\s/.test(ch)) {
      if (text.length === 0 || text.endsWith(' ')) continue;
      text += ' ';
    } else text += ch;
    from.push(i);
  }
  return { text, from };
}

interface Span {
  start: number;
  end: number;
}

/** Where each labelled sentence is in the extracted text (the first occurrence at or after the previous one). */
function placeLabels(extracted: string, labels: readonly PageLabel[]): (Span | null)[] {
  const { text, from } = normalize(extracted);
  let cursor = 0;
  return labels.map((label) => {
    const needle = normalize(label.text).text;
    let at = text.indexOf(needle, cursor);
    if (at < 0) at = text.indexOf(needle);
    if (at < 0) return null;
    cursor = at + 1;
    return { start: from[at]!, end: from[at + needle.length - 1]! + 1 };
  });
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export interface PageResult {
  slug: string;
  kind: string;
  voice: string;
  split: string;
  flags: number;
  found: number;
  /** Sentences the engine flagged. */
  flagged: number;
  falseAlarms: { sentence: string; findings: string[]; labelled: 'ok' | 'unlabelled' }[];
  misses: { text: string; type: string; why: string }[];
}

export interface PagesEvaluation {
  rulesVersion: string;
  pages: PageResult[];
}

/** Scans every page as the scanner does and compares the findings with the labels. */
export function evaluatePages(pages: readonly LabelledPage[], ruleSet: CompiledRuleSet): PagesEvaluation {
  return { rulesVersion: ruleSet.version, pages: pages.map((page) => evaluatePage(page, ruleSet)) };
}

function evaluatePage(page: LabelledPage, ruleSet: CompiledRuleSet): PageResult {
  const { text } = htmlText(page.html);
  const list = findIngredientList(text);
  const { findings } = quietInIngredientList(scanText(nlp, text, ruleSet), list);
  const flagging = findings.filter((f) => f.severity !== 'context');
  const spans = placeLabels(text, page.sentences);
  const labelled = page.sentences.map((label, i) => ({ label, span: spans[i] }));
  // The engine's unit is its candidate sentence: findings in one sentence are one flagged sentence.
  const bySentence = new Map<number, Finding[]>();
  for (const f of flagging) {
    const start = sentenceStart(text, f);
    (bySentence.get(start) ?? bySentence.set(start, []).get(start)!).push(f);
  }
  const result: PageResult = { slug: page.slug, kind: page.kind, voice: page.voice, split: page.split, flags: 0, found: 0, flagged: bySentence.size, falseAlarms: [], misses: [] };
  for (const { label, span } of labelled) {
    if (label.label !== 'flag') continue;
    result.flags++;
    if (span && flagging.some((f) => overlaps(f, span))) result.found++;
    else result.misses.push({ text: label.text, type: label.type, why: label.why });
  }
  for (const [start, group] of bySentence) {
    const sentence: Span = { start, end: start + group[0]!.sentence.length };
    const hit = labelled.filter(({ span }) => span && overlaps(span, sentence));
    if (hit.some(({ label }) => label.label === 'flag')) continue;
    if (hit.length > 0 && hit.every(({ label }) => label.label === 'unsure')) {
      result.flagged--;
      continue;
    }
    result.falseAlarms.push({
      sentence: group[0]!.sentence,
      findings: group.map((f) => `${f.ruleId}: “${f.text}”`),
      labelled: hit.length > 0 ? 'ok' : 'unlabelled',
    });
  }
  return result;
}

/** Where the finding's sentence starts in the text: findings carry their sentence, and it holds the finding. */
function sentenceStart(text: string, f: Finding): number {
  const at = text.lastIndexOf(f.sentence, f.start);
  return at >= 0 && at + f.sentence.length >= f.end ? at : f.start;
}

/** Sentence precision and recall, as the page corpus and the sentence bank both count them. */
export interface SentenceScores {
  /** Labelled claims, and how many of them were found. */
  flags: number;
  found: number;
  /** Flagged sentences, and how many of them hold a labelled claim. */
  flagged: number;
  correct: number;
  precision: number | null;
  recall: number | null;
}

/** A ratio with nothing to divide by is null. */
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function sentenceScores(flags: number, found: number, flagged: number, correct: number): SentenceScores {
  return { flags, found, flagged, correct, precision: ratio(correct, flagged), recall: ratio(found, flags) };
}

export interface PageScores extends SentenceScores {
  pages: number;
  /** Page level: a badge exactly where the page holds a claim. */
  pagesWithClaims: number;
  pagesBadged: number;
  pagesBadgedRightly: number;
  pagePrecision: number | null;
  pageRecall: number | null;
  /** Pages that argue against the claims (voice `critic`) and hold no flag, yet get a badge. */
  criticPagesBadged: string[];
}

export function scorePages(results: readonly PageResult[]): PageScores {
  const sum = (f: (r: PageResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const flags = sum((r) => r.flags);
  const found = sum((r) => r.found);
  const flagged = sum((r) => r.flagged);
  const correct = flagged - sum((r) => r.falseAlarms.length);
  const withClaims = results.filter((r) => r.flags > 0);
  const badged = results.filter((r) => r.flagged > 0);
  return {
    pages: results.length,
    ...sentenceScores(flags, found, flagged, correct),
    pagesWithClaims: withClaims.length,
    pagesBadged: badged.length,
    pagesBadgedRightly: badged.filter((r) => r.flags > 0).length,
    pagePrecision: ratio(badged.filter((r) => r.flags > 0).length, badged.length),
    pageRecall: ratio(withClaims.filter((r) => r.flagged > 0).length, withClaims.length),
    criticPagesBadged: results.filter((r) => r.voice === 'critic' && r.flags === 0 && r.flagged > 0).map((r) => r.slug),
  };
}
