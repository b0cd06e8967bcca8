/** Reads `rules/` from disk and compiles it (Node only: the build, the tests and the rules scripts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileRuleSet, type RuleFileText } from '../engine/compile-rules.ts';
import type { CompiledRuleSet } from '../engine/types.ts';

/** Shared `unless` sets live in this file; every other YAML file under rules/ is a rule family. */
export const CONTEXTS_FILE = 'contexts.yaml';

export interface RuleSources {
  ruleFiles: RuleFileText[];
  contexts: RuleFileText | undefined;
  /** Absolute paths of everything read, for watch mode. */
  paths: string[];
}

export function readRuleSources(dir: string, cwd = process.cwd()): RuleSources {
  const names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  const read = (name: string): RuleFileText => ({
    file: relative(cwd, join(dir, name)) || name,
    text: readFileSync(join(dir, name), 'utf8'),
  });
  return {
    ruleFiles: names.filter((n) => n !== CONTEXTS_FILE).map(read),
    contexts: names.includes(CONTEXTS_FILE) ? read(CONTEXTS_FILE) : undefined,
    paths: names.map((n) => join(dir, n)),
  };
}

/** @throws RuleSetError naming file, line, rule and field of every problem. */
export function compileRulesDir(dir: string, cwd = process.cwd()): CompiledRuleSet {
  const { ruleFiles, contexts } = readRuleSources(dir, cwd);
  return compileRuleSet(ruleFiles, contexts);
}
