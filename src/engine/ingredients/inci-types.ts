/**
 * Shapes of the INCI lexicon (`rules/lexicons/inci.yaml`), of an ingredient list found on a page, and of what
 * the cross-check derives from them. Plain data only, so they cross messages and JSON.
 */

/**
 * What an ingredient is, as far as the page's claims are concerned. The file's header explains each one;
 * `cross-check.ts` says which classes can back which claim.
 */
export const INCI_CLASSES = [
  'plant-cell-culture',
  'human-conditioned-media',
  'culture-filtrate-or-lysate',
  'recombinant-growth-factor',
  'synthetic-peptide',
  'ferment',
  'exosome',
  'carrier',
  'capped-preservative',
] as const;
export type InciClass = (typeof INCI_CLASSES)[number];

/** Where the ingredient comes from: the difference between "stem cells" and an apple callus extract. */
export const INCI_ORIGINS = ['human', 'animal', 'plant', 'microbial', 'recombinant', 'synthetic'] as const;
export type InciOrigin = (typeof INCI_ORIGINS)[number];

/** The claims the cross-check compares with the list. */
export const CLAIM_TOPICS = ['stem-cells', 'growth-factors', 'exosomes'] as const;
export type ClaimTopic = (typeof CLAIM_TOPICS)[number];

/** A public reference for an entry (an INCI dictionary entry, a supplier's sheet, a paper), or general knowledge. */
export type InciSource = { citation: string; url?: string } | { general: 'cosmetic chemistry' };

/** One ingredient, as written in the lexicon. */
export interface InciEntry {
  /** Stable lower-case id, e.g. `sh-oligopeptide-1`. */
  id: string;
  /** The INCI name, as shown, e.g. `sh-Oligopeptide-1`. */
  name: string;
  /** Every way lists write it (the INCI name first, older INCI names, common spellings). */
  aliases: string[];
  class: InciClass;
  origin: InciOrigin;
  /** For a recombinant growth factor: the cytokine lexicon id of the factor it is, e.g. `egf`. */
  factor?: string;
  /** For a capped preservative: the highest concentration the law allows it at, in percent. */
  maxPercent?: number;
  /** One line on what it is, in our own words. */
  note: string;
  source: InciSource;
}

/**
 * A family of INCI names recognised by their shape (every `sh-Polypeptide-N`, every `… Callus Culture
 * Extract`), for ingredients the lexicon does not list one by one.
 */
export interface InciFamily {
  id: string;
  /** What the family is, as shown in messages, e.g. `plant cell culture extract`. */
  label: string;
  /** A regular expression over the ingredient's lookup key (see `inciKey`). */
  pattern: string;
  /** INCI names the pattern must recognise (checked at build time). */
  examples: string[];
  class: InciClass;
  origin: InciOrigin;
  note: string;
  source: InciSource;
}

/** Which findings count as a claim of a topic: the rule must be listed and its sentence must name the subject. */
export interface ClaimTopicSpec {
  /** Rule ids whose findings can make this claim. */
  rules: string[];
  /** Words the finding's sentence must hold (any one, whole words, any case, hyphen or space alike). */
  terms: string[];
  /** When true, a sentence naming a cytokine of the growth-factor class also counts. */
  cytokines: boolean;
}

/** The lexicon ready to run. */
export interface CompiledInciLexicon {
  /** Short hash of the compiled lexicon; folded into the rule-set version. */
  version: string;
  claims: Record<ClaimTopic, ClaimTopicSpec>;
  entries: InciEntry[];
  families: InciFamily[];
}

/** One ingredient of a list found on a page. `start`/`end` index the text the list was found in. */
export interface Ingredient {
  /** 1-based place in the list. */
  position: number;
  /** The name as the page wrote it (footnote marks, a percentage and a leading "and" left out). */
  name: string;
  start: number;
  end: number;
  /** Lower case, one space between words, every dash a hyphen-minus. */
  normalised: string;
  /** A percentage written with it ("Niacinamide 5%"), if any. */
  percent?: number;
  /** Footnote marks written after it ("*", "**", "†"), if any. */
  footnote?: string;
  /** Listed after "may contain" (colours in a range of shades): not necessarily in this product. */
  mayContain: boolean;
}

/** An ingredient list found in a page's text. */
export interface IngredientList {
  /** Offsets of the list (its heading excluded) in the text. */
  start: number;
  end: number;
  /** The heading or label as written ("Full ingredients:"), or null for a list recognised by its shape alone. */
  heading: string | null;
  ingredients: Ingredient[];
}
