/** The compiled rule set, cytokine lexicon and INCI lexicon, produced at build time by `claimlensRules()` from `rules/`. */
declare module 'virtual:claimlens/rules' {
  export const version: string;
  export const prefilter: import('../engine/types').Prefilter;
  /** A new copy of `prefilter`, built when called: the eager content script needs it only where its gate wakes. */
  export function loadPrefilter(): import('../engine/types').Prefilter;
  /** `triggerSource(prefilter)`: the prefilter's combined expression, built at build time. */
  export const triggerPattern: string;
  export const rules: import('../engine/types').CompiledRule[];
  export const ruleSet: import('../engine/types').CompiledRuleSet;
  /** From `rules/lexicons/cytokines.yaml`; empty when the folder has none. */
  /** The lexicon's aliases alone, for the content script's cytokine pass. */
  export const cytokineAliases: import('../engine/cytokines/lexicon-types').NormalisedAlias[];
  /** `cytokinePrefixSource(cytokineAliases, depth)`: the beginnings of every cytokine name, for the eager script's hint. */
  export const cytokinePrefixes: string;
  export const cytokineLexicon: import('../engine/cytokines/lexicon-types').CompiledLexicon;
  /** From `rules/lexicons/inci.yaml`: ingredient classes and claim topics for the cross-check; empty when absent. */
  export const inciLexicon: import('../engine/ingredients/inci-types').CompiledInciLexicon;
  /** Seed file name → the cited document's title. */
  export const sourceTitles: Record<string, string>;
  /** `rules/contexts.yaml` as written (file name and text), for compiling the shopper's own rules. */
  export const contextsFile: { file: string; text: string };
  /** The named vocabularies (`rules/vocabulary.yaml`, compiled): name → the words and phrases it stands for. */
  export const vocabulary: Record<string, string[]>;
}
