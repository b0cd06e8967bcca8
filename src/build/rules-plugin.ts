/**
 * A Vite plugin that compiles `rules/` into the bundle as `virtual:claimlens/rules`. An invalid rule or
 * lexicon entry fails the build with the compiler's message (file, line, rule or entry, field). Named
 * exports let the eager content script take the prefilter alone while the matcher takes the whole set, the
 * Cytokine Facts label take the lexicon, the ingredient cross-check the INCI lexicon, and the options page take the shared `unless` sets for user rules.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileSources, readRuleSources } from './load-rules.ts';
import { patternCensus } from './pattern-census.ts';
import { RuleSetError } from '../engine/claims/compile-rules.ts';
import { cytokinePrefixSource } from '../engine/cytokines/find-cytokines.ts';
import { triggerSource } from '../engine/claims/find-candidates.ts';
import type { CompiledInciLexicon, InciSource } from '../engine/ingredients/inci-types.ts';
import type { Prefilter } from '../engine/types.ts';

const ID = 'virtual:claimlens/rules';
const RESOLVED = `\0${ID}`;

/**
 * WXT bundles each entrypoint with a plugin of its own: compile once per content of the rules folder, not
 * once per bundle. Keyed by every file's text, so an edit always recompiles.
 */
const compiledModules = new Map<string, string>();

/**
 * How much of each cytokine name the eager hint reads: 8 characters or separators tell "IL-6" from "illuminating"
 * and "collagenase" from most words, in an expression compiled in about a millisecond (find-cytokines.ts).
 */
export const CYTOKINE_PREFIX_DEPTH = 8;

export interface RulesPluginOptions {
  /** The rules folder; `rules` by default. */
  dir?: string;
  /** Build even with dead patterns: only for the frozen test fixture, which predates the census. */
  allowDeadPatterns?: boolean;
}

export function claimlensRules(options: RulesPluginOptions = {}): Plugin {
  const dir = resolve(options.dir ?? 'rules');
  // A production build refuses dead patterns; dev servers and tests skip the census (a few seconds) and the
  // rules' own test (tests/unit/engine/pattern-census.test.ts) holds them to the same rule.
  let building = false;
  return {
    name: 'claimlens-rules',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(source) {
      return source === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const sources = readRuleSources(dir);
      for (const path of sources.paths) this.addWatchFile(path);
      const key = JSON.stringify(sources);
      const hit = compiledModules.get(key);
      if (hit) return hit;
      let compiled;
      try {
        compiled = compileSources(sources);
      } catch (err) {
        if (err instanceof RuleSetError) this.error(`Invalid rules:\n${err.message}`);
        throw err;
      }
      if (building && !options.allowDeadPatterns) {
        const { dead } = patternCensus(sources, new Map(Object.entries(compiled.vocabulary)));
        if (dead.length > 0) {
          this.error(`Dead patterns: no example of their rule exercises them (give each an example, or remove it):\n${dead.map((d) => `${d.file}: ${d.owner}, field "${d.field}": ${d.pattern}`).join('\n')}`);
        }
      }
      const { ruleSet, lexicon, inciLexicon, sourceTitles, vocabulary } = compiled;
      const code = [
        `export const version = ${JSON.stringify(ruleSet.version)};`,
        // The eager content script carries the prefilter: words that wake the same rules share one entry. It reads
        // it only where its gate wakes (issue 14), so the data is one JSON string, which V8 scans as one token,
        // rather than array literals that every page and frame would parse and build (a third of the script).
        `export function loadPrefilter() { return { triggers: Object.fromEntries(JSON.parse(${JSON.stringify(JSON.stringify(groupTriggers(ruleSet.prefilter)))}).flatMap(([ids, words]) => words.split('|').map((w) => [w, ids]))) }; }`,
        `export const prefilter = /* @__PURE__ */ loadPrefilter();`,
        // Its expression too, built here: building the trie in the page took 15–50 ms of its main thread.
        `export const triggerPattern = ${JSON.stringify(triggerSource(ruleSet.prefilter))};`,
        `export const rules = ${JSON.stringify(ruleSet.rules)};`,
        // With what a pronoun may stand for, which only the matcher (the background) reads.
        `export const ruleSet = { version, prefilter, rules, subjects: ${JSON.stringify(ruleSet.subjects ?? [])} };`,
        // The page needs only the matcher's aliases; names and classes stay in the background and the popup.
        `export const cytokineAliases = ${JSON.stringify(lexicon.matcher.aliases)};`,
        // The eager content script only asks whether the page may name one (src/engine/cytokines/cytokine-hint.ts).
        `export const cytokinePrefixes = ${JSON.stringify(cytokinePrefixSource(lexicon.matcher.aliases, CYTOKINE_PREFIX_DEPTH))};`,
        `export const cytokineLexicon = { ...${JSON.stringify({ version: lexicon.version, entries: lexicon.entries })}, matcher: { aliases: cytokineAliases } };`,
        // Ingredient names and classes for the cross-check, which runs where the findings are gathered.
        `export const inciLexicon = ${JSON.stringify(withoutAddresses(inciLexicon))};`,
        `export const sourceTitles = ${JSON.stringify(sourceTitles)};`,
        // The shared `unless` sets as written, so the shopper's own rules compile against the same sets.
        `export const contextsFile = ${JSON.stringify(sources.contexts ?? { file: 'contexts.yaml', text: '{}' })};`,
        // The named vocabularies, which those sets and the shopper's rules may use as `<name>`.
        `export const vocabulary = ${JSON.stringify(vocabulary)};`,
      ].join('\n');
      compiledModules.set(key, code);
      return code;
    },
  };
}

/** The trigger words grouped by the rules they wake, as `[ruleIds, 'word|word|…']`: a third smaller once gzipped. */
export function groupTriggers(prefilter: Prefilter): [string[], string][] {
  const groups = new Map<string, { ids: string[]; words: string[] }>();
  for (const [word, ids] of Object.entries(prefilter.triggers)) {
    if (word.includes('|')) throw new Error(`trigger word "${word}" holds the separator "|"`);
    const key = ids.join(' ');
    const group = groups.get(key) ?? { ids: [...ids], words: [] };
    group.words.push(word);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => [g.ids, g.words.join('|')]);
}

/**
 * The INCI lexicon as the bundles carry it: each source's citation stays, its web address does not. Nothing at
 * run time follows a source, and a shipped extension holds no remote address at all (tests/e2e/network.test.ts);
 * the addresses are in rules/lexicons/inci.yaml for people.
 */
function withoutAddresses(lexicon: CompiledInciLexicon): CompiledInciLexicon {
  const strip = <T extends { source: InciSource }>(item: T): T => ('url' in item.source ? { ...item, source: { citation: item.source.citation } } : item);
  return { ...lexicon, entries: lexicon.entries.map(strip), families: lexicon.families.map(strip) };
}
