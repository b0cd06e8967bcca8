/**
 * Scans one subtree: extracts its text in slices (yielding to the page between them), runs the cheap
 * prefilter, asks the background to match the candidate sentences, and maps the findings to Ranges.
 */
import { TextExtractor, type ExtractOptions } from '../dom/extract-text.ts';
import { rangeForOffsets } from '../dom/text-ranges.ts';
import { findCandidates, type TriggerMatcher } from '../engine/find-candidates.ts';
import type { CandidateSentence, Finding } from '../engine/types.ts';
import type { CardRule } from '../ui/ClaimCard.tsx';
import { claimKey, type ClaimEntry } from './page-claims.ts';

export interface MatchAnswer {
  findings: Finding[];
  /** The rules behind the findings, with what the card shows. */
  rules: Record<string, CardRule>;
}

export interface ScanDeps {
  triggers: TriggerMatcher;
  match: (candidates: CandidateSentence[]) => Promise<MatchAnswer>;
  exclude: ExtractOptions['exclude'];
  /** Resolves after the page has had the main thread back for a moment. */
  yieldToPage: () => Promise<void>;
  /** True once the scan is no longer wanted (navigation, extension unloaded). */
  cancelled: () => boolean;
}

/** A slice of work on the main thread stays well under the 50 ms that makes a long task. */
const SLICE_MS = 8;
const WINDOW = 200_000;

export async function scanRoot(root: Node, deps: ScanDeps): Promise<ClaimEntry[] | null> {
  const extractor = new TextExtractor(root, { exclude: deps.exclude });
  for (;;) {
    const deadline = performance.now() + SLICE_MS;
    if (extractor.step(() => performance.now() > deadline)) break;
    await deps.yieldToPage();
    if (deps.cancelled()) return null;
  }
  const page = extractor.result();
  const candidates: CandidateSentence[] = [];
  for (let from = 0; from < page.text.length; ) {
    // Windows of about 200 KB, cut at a line break (a sentence never spans one): a few ms of regex each.
    const cut = page.text.indexOf('\n', from + WINDOW);
    const to = cut < 0 ? page.text.length : cut + 1;
    candidates.push(...findCandidates(page.text, deps.triggers, from, to));
    from = to;
    if (from < page.text.length) {
      await deps.yieldToPage();
      if (deps.cancelled()) return null;
    }
  }
  if (candidates.length === 0) return [];
  const answer = await deps.match(candidates);
  if (deps.cancelled()) return null;
  const doc = root.ownerDocument ?? (root as Document);
  const entries: ClaimEntry[] = [];
  for (const finding of answer.findings) {
    const rule = answer.rules[finding.ruleId];
    const range = rule ? rangeForOffsets(page, finding.start, finding.end, doc) : null;
    if (rule && range && range.toString() === finding.text) entries.push({ finding, range, rule, key: claimKey(finding) });
  }
  return entries;
}
