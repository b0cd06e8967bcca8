/**
 * Scans one subtree: takes the first look's text and candidates (or looks itself), finds the cytokines it
 * names and its ingredient list, asks the background to match the candidate sentences, and maps the findings
 * to Ranges.
 */
import { rangeForOffsets } from '../dom/text-ranges.ts';
import { findCytokines, type CytokineMatcher } from '../engine/cytokines/find-cytokines.ts';
import type { CytokineMention } from '../engine/cytokines/lexicon-types.ts';
import { findIngredientList } from '../engine/ingredients/find-ingredient-list.ts';
import { quietInIngredientList } from '../engine/ingredients/quiet-in-ingredient-list.ts';
import type { CandidateSentence, Finding, QuietMention } from '../engine/types.ts';
import { VOICE_CAP, voiceCues, type VoiceCues } from '../engine/claims/page-voice.ts';
import { lineWindows } from './line-windows.ts';
import { lookForCandidates, type FirstLook, type LookDeps } from './look-for-candidates.ts';
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

export interface ScanDeps extends LookDeps {
  /** The cytokine lexicon's one expression, built when first asked for. */
  cytokines: () => CytokineMatcher;
  /** Whether a text may name a cytokine (src/engine/cytokines/cytokine-hint.ts): where it says no, the expression above never runs. */
  mayNameCytokine: (text: string) => boolean;
  /** Runs the matcher on the candidates; `voice` counts how much the scanned text sells and argues. */
  match: (candidates: CandidateSentence[], voice: VoiceCues) => Promise<MatchAnswer>;
}

/** `look`: what the first look already found in this subtree, taken as it is. */
export async function scanRoot(root: Node, deps: ScanDeps, look?: FirstLook): Promise<RootScan | null> {
  const first = look ?? (await lookForCandidates(root, deps));
  if (!first) return null;
  const { page, candidates } = first;
  const doc = root.ownerDocument ?? (root as Document);
  const at = (start: number, end: number, text: string): Range | null => {
    const range = rangeForOffsets(page, start, end, doc);
    return range && range.toString() === text ? range : null;
  };
  const cytokines: CytokineEntry[] = [];
  for (const mention of await cytokinesInWindows(page.text, deps)) {
    if (deps.cancelled()) return null;
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
  await deps.yieldToPage();
  const voice = await voiceInWindows(page.text, deps);
  if (voice === null) return null;
  // The list's own words are no claim: the same rule as the scanner's (quiet-in-ingredient-list.ts).
  const answer = { ...(await deps.match(candidates, voice)) };
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

/**
 * The lexicon's expression costs some 70 ms per MB, and compiling it on first use tens of ms more: a window of
 * about 100 KB at a time, cut at a line break (no name spans one), and only where the cheap hint says yes.
 */
const CYTOKINE_WINDOW = 100_000;

async function cytokinesInWindows(text: string, deps: ScanDeps): Promise<CytokineMention[]> {
  const out: CytokineMention[] = [];
  for (const { from, text: window, last } of lineWindows(text, CYTOKINE_WINDOW)) {
    if (deps.mayNameCytokine(window)) for (const m of findCytokines(window, deps.cytokines())) out.push({ ...m, start: m.start + from, end: m.end + from });
    if (!last) await deps.yieldToPage();
  }
  return out;
}

const VOICE_WINDOW = 200_000;

/**
 * `voiceCues` over windows of about 200 KB cut at line breaks, yielding between them: over the bench's 1 MB
 * page it was most of one 25–45 ms task of ours. Each window's counts are capped as the whole text's are, so
 * their sum, capped again, is the whole text's count: no cue spans a line break, which ends a block. Null when
 * cancelled on the way.
 */
export async function voiceInWindows(text: string, deps: Pick<LookDeps, 'yieldToPage' | 'cancelled'>): Promise<VoiceCues | null> {
  let selling = 0;
  let arguing = 0;
  for (const window of lineWindows(text, VOICE_WINDOW)) {
    if (selling >= VOICE_CAP && arguing >= VOICE_CAP) break;
    const cues = voiceCues(window.text);
    selling += cues.selling;
    arguing += cues.arguing;
    if (!window.last) {
      await deps.yieldToPage();
      if (deps.cancelled()) return null;
    }
  }
  return { selling: Math.min(selling, VOICE_CAP), arguing: Math.min(arguing, VOICE_CAP) };
}
