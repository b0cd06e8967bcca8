/**
 * Shapes of the cytokine lexicon (`rules/lexicons/cytokines.yaml`) and of what the engine derives from it.
 * Plain data only, with no dependencies, so the finder can run in a content script and the label in the popup.
 */

/**
 * The classes, in the order the "Cytokine Facts" label lists them. Only `pro-inflammatory` and
 * `anti-inflammatory` count towards the inflammatory balance; the file's header says why.
 */
export const CYTOKINE_CLASSES = [
  'pro-inflammatory',
  'anti-inflammatory',
  'growth-factor',
  'chemokine',
  'protease',
  'protease-inhibitor',
  'antagonist',
  'antioxidant-enzyme',
] as const;
export type CytokineClass = (typeof CYTOKINE_CLASSES)[number];

/** Headings for each class on the label and in reports. */
export const CLASS_LABELS: Record<CytokineClass, string> = {
  'pro-inflammatory': 'Pro-inflammatory',
  'anti-inflammatory': 'Anti-inflammatory',
  'growth-factor': 'Growth factors',
  chemokine: 'Chemokines',
  protease: 'Proteases',
  'protease-inhibitor': 'Protease inhibitors',
  antagonist: 'Antagonists',
  'antioxidant-enzyme': 'Antioxidant enzymes',
};

/** Where an entry's classification comes from: a seed passage, or textbook immunology the seeds do not cover. */
export type LexiconSource = { seed: string; anchor: string } | { general: 'immunology' };

/** One cytokine, growth factor or enzyme, as written in the lexicon. */
export interface LexiconEntry {
  /** Stable lower-case id, e.g. `tgf-b3`. */
  id: string;
  /** Display name, e.g. `TGF-β3`. */
  name: string;
  /** The full name, e.g. `transforming growth factor beta 3`. */
  fullName: string;
  /** Every way pages write it; matched tolerantly (see find-cytokines.ts). */
  aliases: string[];
  class: CytokineClass;
  /** One line on what it does, in our own words. */
  note: string;
  source: LexiconSource;
}

/** One alias reduced to what the matcher needs. */
export interface NormalisedAlias {
  /** The entry it names. */
  id: string;
  /**
   * The alias cut where a page may put a hyphen, a space or nothing: at separators, between letters and
   * digits, and around Greek letters. Lower-case, except in an `exactCase` alias; a Greek letter (α β γ κ)
   * stands for every way of writing it (β, ß, beta, b).
   */
  parts: string[];
  /**
   * A single word of letters (EGF, SOD, Noggin): matched only as written, in capitals, or capitalised, so
   * that an acronym never matches the ordinary word spelled the same.
   */
  exactCase: boolean;
}

/** The lexicon ready to run, embedded in every bundle at build time. */
export interface CompiledLexicon {
  /** Short hash of the compiled lexicon; folded into the rule-set version. */
  version: string;
  /** In file order. */
  entries: LexiconEntry[];
  /** The description of the one combined expression the finder builds: every distinct alias. */
  matcher: { aliases: NormalisedAlias[] };
}

/** An entry named in the text. `start`/`end` index the text. */
export interface CytokineMention {
  id: string;
  start: number;
  end: number;
  /** The words as the page wrote them. */
  text: string;
}

/** An entry named on a page, once, with how many times it was named. */
export interface ListedCytokine {
  id: string;
  name: string;
  class: CytokineClass;
  mentions: number;
}
