/** Reads `rules/` from disk and compiles it (Node only: the build, the tests and the rules scripts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as v from 'valibot';
import { compileRuleSet, RuleSetError, type RuleFileText, type RuleProblem } from '../engine/claims/compile-rules.ts';
import { SourcesFileSchema } from '../engine/claims/rule-schema.ts';
import { issueProblem, parseYaml } from '../engine/yaml-problems.ts';
import { compileLexicon } from '../engine/cytokines/compile-lexicon.ts';
import { compileVocabulary } from '../engine/claims/vocabulary.ts';
import { compileInciLexicon } from '../engine/ingredients/compile-inci-lexicon.ts';
import type { CompiledInciLexicon } from '../engine/ingredients/inci-types.ts';
import { shortHash } from '../engine/hash.ts';
import type { CompiledLexicon } from '../engine/cytokines/lexicon-types.ts';
import type { CompiledRuleSet } from '../engine/types.ts';

/** Shared `unless` sets live in this file; every other YAML file directly under rules/ is a rule family. */
const CONTEXTS_FILE = 'contexts.yaml';
/** Titles of the cited documents. */
const SOURCES_FILE = 'sources.yaml';
/** The named vocabularies (`<living>`, `<stem-cells>` …) that patterns are written with. */
const VOCABULARY_FILE = 'vocabulary.yaml';
/** The cytokine lexicon: in a subfolder, so it is never read as a rule family. */
export const LEXICON_FILE = join('lexicons', 'cytokines.yaml');

/** The INCI lexicon (ingredient names and classes, for the ingredient-list cross-check). */
export const INCI_FILE = join('lexicons', 'inci.yaml');

/** The lexicon of a rules folder that has none: nothing is found, and the rule-set version is left as it is. */
const EMPTY_LEXICON: CompiledLexicon = { version: '', entries: [], matcher: { aliases: [] } };

/** The INCI lexicon of a rules folder that has none: no list is ever cross-checked. */
export const EMPTY_INCI_LEXICON: CompiledInciLexicon = {
  version: '',
  claims: {
    'stem-cells': { rules: [], terms: [], cytokines: false },
    'growth-factors': { rules: [], terms: [], cytokines: false },
    exosomes: { rules: [], terms: [], cytokines: false },
  },
  entries: [],
  families: [],
};

export interface RuleSources {
  ruleFiles: RuleFileText[];
  contexts: RuleFileText | undefined;
  vocabulary: RuleFileText | undefined;
  lexicon: RuleFileText | undefined;
  inci: RuleFileText | undefined;
  sources: RuleFileText | undefined;
  /** Absolute paths of everything read, for watch mode. */
  paths: string[];
}

export function readRuleSources(dir: string, cwd = process.cwd()): RuleSources {
  const names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  const read = (name: string): RuleFileText => ({
    file: relative(cwd, join(dir, name)) || name,
    text: readFileSync(join(dir, name), 'utf8'),
  });
  const hasLexicon = existsSync(join(dir, LEXICON_FILE));
  const hasInci = existsSync(join(dir, INCI_FILE));
  return {
    ruleFiles: names.filter((n) => n !== CONTEXTS_FILE && n !== SOURCES_FILE && n !== VOCABULARY_FILE).map(read),
    contexts: names.includes(CONTEXTS_FILE) ? read(CONTEXTS_FILE) : undefined,
    vocabulary: names.includes(VOCABULARY_FILE) ? read(VOCABULARY_FILE) : undefined,
    sources: names.includes(SOURCES_FILE) ? read(SOURCES_FILE) : undefined,
    lexicon: hasLexicon ? read(LEXICON_FILE) : undefined,
    inci: hasInci ? read(INCI_FILE) : undefined,
    paths: [...names, ...(hasLexicon ? [LEXICON_FILE] : []), ...(hasInci ? [INCI_FILE] : [])].map((n) => join(dir, n)),
  };
}

/** The compiled rules and lexicon, as every bundle embeds them. */
export interface CompiledSources {
  /** Its `version` covers the lexicon too, so a lexicon change shows in every report. */
  ruleSet: CompiledRuleSet;
  lexicon: CompiledLexicon;
  inciLexicon: CompiledInciLexicon;
  /** Seed file name → the document's title. */
  sourceTitles: Record<string, string>;
  /** The named vocabularies, so the shopper's own rules can use `<name>` as the built-in ones do. */
  vocabulary: Record<string, string[]>;
}

/** @throws RuleSetError naming file, line, rule (or entry) and field of every problem, rules and lexicon at once. */
export function compileSources(sources: RuleSources): CompiledSources {
  const problems: RuleProblem[] = [];
  const attempt = <T>(compile: () => T): T | undefined => {
    try {
      return compile();
    } catch (err) {
      if (!(err instanceof RuleSetError)) throw err;
      problems.push(...err.problems);
      return undefined;
    }
  };
  const lexicon = sources.lexicon ? attempt(() => compileLexicon(sources.lexicon!)) : EMPTY_LEXICON;
  // Vocabularies may take the lexicon's names (growth factors, inflammatory cytokines), and rules use them.
  const vocabulary = sources.vocabulary ? attempt(() => compileVocabulary(sources.vocabulary!, lexicon?.entries ?? [])) : new Map<string, string[]>();
  const ruleSet = vocabulary ? attempt(() => compileRuleSet(sources.ruleFiles, sources.contexts, { vocabulary })) : undefined;
  // Its claim topics name rules and its factors name cytokines: checked against what was compiled.
  const inciLexicon = sources.inci
    ? attempt(() =>
        compileInciLexicon(sources.inci!, {
          ...(ruleSet ? { ruleIds: new Set(ruleSet.rules.map((r) => r.id)) } : {}),
          ...(lexicon ? { cytokines: new Map(lexicon.entries.map((e) => [e.id, e.class])) } : {}),
        }),
      )
    : EMPTY_INCI_LEXICON;
  const sourceTitles = sources.sources ? readSourceTitles(sources.sources, problems) : {};
  if (ruleSet && sources.sources) {
    // Every document a rule cites needs a title, or the card would show a file name.
    for (const rule of ruleSet.rules) {
      rule.sources.forEach((s, i) => {
        if (!(s.seed in sourceTitles)) {
          problems.push({ file: rule.file, ruleId: rule.id, field: `sources[${i}].seed`, message: `has no title in ${sources.sources!.file}` });
        }
      });
    }
  }
  if (!ruleSet || !lexicon || !inciLexicon || !vocabulary || problems.length > 0) throw new RuleSetError(problems);
  // Each lexicon present is folded into the version, so a change to either shows in every report; a folder
  // without them keeps the rules' own version.
  const versions = [ruleSet.version, lexicon.version, inciLexicon.version];
  const version = lexicon === EMPTY_LEXICON && inciLexicon === EMPTY_INCI_LEXICON
    ? ruleSet.version
    : inciLexicon === EMPTY_INCI_LEXICON
      ? shortHash(versions.slice(0, 2).join(':'))
      : shortHash(versions.join(':'));
  return { ruleSet: { ...ruleSet, version }, lexicon, inciLexicon, sourceTitles, vocabulary: Object.fromEntries([...vocabulary].map(([k, words]) => [k, [...words]])) };
}

function readSourceTitles(file: RuleFileText, problems: RuleProblem[]): Record<string, string> {
  const parsed = parseYaml(file, problems);
  if (!parsed) return {};
  const result = v.safeParse(SourcesFileSchema, parsed.value);
  if (!result.success) {
    for (const issue of result.issues) problems.push(issueProblem(file.file, parsed, issue, SourcesFileSchema));
    return {};
  }
  return Object.fromEntries(Object.entries(result.output).map(([seed, s]) => [seed, s.title]));
}

/** @throws RuleSetError naming file, line, rule and field of every problem. */
export function compileRulesDir(dir: string, cwd = process.cwd()): CompiledRuleSet {
  return compileSources(readRuleSources(dir, cwd)).ruleSet;
}
