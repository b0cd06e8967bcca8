/**
 * Scans one subtree: extracts its text in slices (yielding to the page between them), runs the cheap
 * prefilter, asks the background to match the candidate sentences, and maps the findings to Ranges.
 */
import { TextExtractor, type ExtractOptions } from '../dom/extract-text.ts';
import { rangeForOffsets } from '../dom/text-ranges.ts';
import { findCandidates, type TriggerMatcher } from '../engine/find-candidates.ts';
import { findCytokines, type CytokineMatcher } from '../engine/find-cytokines.ts';
import { findIngredientList } from '../engine/find-ingredient-list.ts';
import { quietInIngredientList } from '../engine/quiet-in-ingredient-list.ts';
import type { CandidateSentence, Finding, QuietMention } from '../engine/types.ts';
import { voiceCues, type VoiceCues } from '../engine/page-voice.ts';
import type { CardRule } from '../ui/ClaimCard.tsx';
import { claimKey, type ClaimEntry } from './page-claims.ts';
import type { CytokineEntry, IngredientListEntry, QuietEntry } from './page-mentions.ts';

export interface MatchAnswer {
  findings: Finding[];
  /** Sentences that carried a rule's words but were left alone, and why. */
  quiet: QuietMention[];
  /** The rules behind the findings, with what the card shows. */
  rules: Record<string, CardRule>;
}

/** What one subtree holds: its claims, the cytokines it names, the mentions left quiet, its ingredient list. */
export interface RootScan {
  claims: ClaimEntry[];
  cytokines: CytokineEntry[];
  quiet: QuietEntry[];
  ingredientLists: IngredientListEntry[];
}

export interface ScanDeps {
  triggers: TriggerMatcher;
  /** The cytokine lexicon's one expression (a regex pass, cheap enough for the page). */
  cytokines: CytokineMatcher;
  /** Runs the matcher on the candidates; `voice` counts how much the scanned text sells and argues. */
  match: (candidates: CandidateSentence[], voice: VoiceCues) => Promise<MatchAnswer>;
  exclude: ExtractOptions['exclude'];
  /** Resolves after the page has had the main thread back for a moment. */
  yieldToPage: () => Promise<void>;
  /** True once the scan is no longer wanted (navigation, extension unloaded). */
  cancelled: () => boolean;
}

/** A slice of work on the main thread stays well under the 50 ms that makes a long task. */
const SLICE_MS = 8;
const WINDOW = 200_000;

export async function scanRoot(root: Node, deps: ScanDeps): Promise<RootScan | null> {
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
  const doc = root.ownerDocument ?? (root as Document);
  const at = (start: number, end: number, text: string): Range | null => {
    const range = rangeForOffsets(page, start, end, doc);
    return range && range.toString() === text ? range : null;
  };
  const cytokines: CytokineEntry[] = [];
  for (const mention of findCytokines(page.text, deps.cytokines)) {
    const range = at(mention.start, mention.end, mention.text);
    if (range) cytokines.push({ id: mention.id, text: mention.text, range });
  }
  const ingredientLists: IngredientListEntry[] = [];
  const list = findIngredientList(page.text);
  if (list) {
    const text = page.text.slice(list.start, list.end);
    const range = at(list.start, list.end, text);
    if (range) ingredientLists.push({ list, text, range });
  }
  if (candidates.length === 0) return { claims: [], cytokines, quiet: [], ingredientLists };
  // The list's own words are no claim: the same rule as the scanner's (quiet-in-ingredient-list.ts).
  const answer = { ...(await deps.match(candidates, voiceCues(page.text))) };
  if (deps.cancelled()) return null;
  Object.assign(answer, quietInIngredientList(answer, list));
  const claims: ClaimEntry[] = [];
  for (const finding of answer.findings) {
    const rule = answer.rules[finding.ruleId];
    const range = rule ? at(finding.start, finding.end, finding.text) : null;
    if (rule && range) claims.push({ finding, range, rule, key: claimKey(finding) });
  }
  const quiet: QuietEntry[] = [];
  for (const mention of answer.quiet) {
    const rule = answer.rules[mention.ruleId];
    const range = rule ? at(mention.start, mention.end, mention.sentence) : null;
    if (rule && range) quiet.push({ mention, range, rule });
  }
  return { claims, cytokines, quiet, ingredientLists };
}
