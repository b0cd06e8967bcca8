/** Shared shapes of the claims engine: rules in, findings out. Plain data only, so they cross messages and JSON. */

export const SEVERITIES = ['misleading', 'unsupported', 'risky', 'context'] as const;
/** How doubtful a claim is; `context` is informational, not a flag. */
export type Severity = (typeof SEVERITIES)[number];

/** Where a rule's reasoning comes from: a seed document and a phrase that occurs verbatim in it. */
export interface RuleSource {
  /** File name of the seed document, e.g. `001_114ca1963b9cdec9.txt`. */
  seed: string;
  /** A short phrase copied exactly from the seed, so a reader can find the passage. */
  anchor: string;
}

/** A rule as written in `rules/*.yaml`. */
export interface RuleSpec {
  /** Stable identifier; renames go through a renames map so users' toggles survive. */
  id: string;
  /** Short headline shown in the card and the popup. */
  title: string;
  severity: Severity;
  /** The claim the rule targets, in plain words. */
  claim: string;
  /** compromise match patterns; any one matching flags the sentence. */
  match: string[];
  /** compromise patterns or `$set` names; any one matching the sentence keeps the rule quiet. */
  unless: string[];
  /** compromise patterns of which one must also match the sentence: the subject the claim is about. */
  requires: string[];
  /**
   * A catch-all rule (the product is "a stem cell cream"): it flags a sentence only when no other rule does, so
   * a sentence making a specific claim is underlined once, for that claim. Absent means false.
   */
  fallback?: boolean;
  /** Why the claim is doubtful, in our own words. */
  explanation: string;
  /** A question the shopper can put to the seller. */
  ask: string;
  sources: RuleSource[];
  /** Sentences the rule must flag, and close ones it must leave alone. */
  examples: { flags: string[]; quiet: string[] };
}

/** A named, shared `unless` set from `rules/contexts.yaml`. */
export interface ContextSet {
  /** Why a mention stays quiet when the set matches, in the shopper's words. */
  reason: string;
  patterns: string[];
}

/** One `unless` pattern after `$set` names are expanded, with the reason it gives. */
export interface UnlessPattern {
  pattern: string;
  /** The set it came from (`question`, `negation`, …) or `rule` for the rule's own patterns. */
  set: string;
  reason: string;
}

/** A rule ready to run: what the YAML said, plus what the compiler derived. */
export interface CompiledRule extends Omit<RuleSpec, 'unless'> {
  /** The YAML file the rule came from, for error messages and reports. */
  file: string;
  unless: UnlessPattern[];
}

/** The compiled rule set, embedded in every bundle at build time. */
export interface CompiledRuleSet {
  /** Short hash of the compiled rules, shown in the popup and every report. */
  version: string;
  rules: CompiledRule[];
  prefilter: Prefilter;
  /**
   * What a pronoun may stand for (stem cells, exosomes, growth factors…, lower case): a sentence that goes on
   * with "They…" after one naming exosomes is read as about exosomes. From the `subjects` vocabulary.
   */
  subjects?: string[];
}

/** What the cheap keyword pass needs: every word form that can start a match, and the rules it wakes. */
export interface Prefilter {
  /** Lower-case trigger words and phrases (already inflected), mapped to the ids of rules they wake. */
  triggers: Record<string, string[]>;
}

/** A stretch of the extracted text that holds at least one trigger word, expanded to sentence bounds. */
export interface CandidateSentence {
  /** Offset of the sentence in the extracted text. */
  start: number;
  end: number;
  text: string;
  /** Ids of the rules whose trigger words occur in it. */
  ruleIds: string[];
  /**
   * For a short sentence, the short one just before it (a heading or a bullet's lead-in): "One MSC session.
   * Results for life." A rule's `requires` may find its subject there.
   */
  lead?: string;
}

/** A claim found in the text. `start`/`end` index the extracted text. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  text: string;
  start: number;
  end: number;
  /** The sentence holding the claim. */
  sentence: string;
  /** The pattern that matched: the words that triggered the rule. */
  why: string;
}

/** A sentence that carried a rule's words but was left alone, and why. */
export interface QuietMention {
  ruleId: string;
  start: number;
  end: number;
  sentence: string;
  /** The `unless` set that kept it quiet (`question`, `negation`, `rule`, …). */
  set: string;
  reason: string;
}

export interface ScanResult {
  findings: Finding[];
  quiet: QuietMention[];
}

/**
 * A mismatch between a page's claims and its own ingredient list (see cross-check.ts). The same four fields
 * in the scanner's JSON, the exports and the card.
 */
export interface CrossCheck {
  /** The rule of the finding that made the claim (the first such finding in page order). */
  ruleId: string;
  /** Stable kebab-case name of the mismatch, e.g. `stem-cells-only-plant-culture`. */
  kind: string;
  /** The ingredients involved, as the page wrote them (empty when the point is that none is listed). */
  ingredients: string[];
  /** The mismatch in plain words, our own. */
  message: string;
}
