/**
 * What the page says besides its claims: the cytokines it names (for the Cytokine Facts label) and the
 * sentences that carried a rule's words but were left alone. Held by live Ranges like the claims, so a rescan
 * of a changed subtree never counts a name twice.
 */
import type { QuietMention } from '../engine/types.ts';
import type { IngredientList } from '../engine/ingredients/inci-types.ts';
import type { CardRule } from '../ui/ClaimCard.tsx';
import { LiveRanges } from './live-ranges.ts';

export interface CytokineEntry {
  /** Lexicon entry id. */
  id: string;
  /** The name as the page wrote it. */
  text: string;
  range: Range;
}

export interface QuietEntry {
  mention: QuietMention;
  range: Range;
  /** The rule that stayed quiet. */
  rule: CardRule;
}

/** The page's ingredient list, as found in the text of the subtree that holds it. */
export interface IngredientListEntry {
  /** Offsets index the extracted text of the subtree it was found in. */
  list: IngredientList;
  /** What the range reads. */
  text: string;
  range: Range;
}

export const pageIngredientLists = () => new LiveRanges<IngredientListEntry>({ text: (e) => e.text, kind: () => 'ingredients' });

export const pageCytokines = () => new LiveRanges<CytokineEntry>({ text: (e) => e.text, kind: (e) => e.id });

export const pageQuietMentions = () =>
  new LiveRanges<QuietEntry>({ text: (e) => e.mention.sentence, kind: (e) => `${e.mention.ruleId}:${e.mention.set}` });
