/**
 * `npm run census [-- FILE...]`: how many patterns the rules hold, per file, and every dead one (a pattern
 * none of its rule's own examples exercises), so a rule writer sees what to prune or to give an example.
 * Exit code 1 when any pattern is dead, 2 when the rules do not compile.
 */
import { compileSources, readRuleSources } from '../src/build/load-rules.ts';
import { patternCensus } from '../src/build/pattern-census.ts';
import { RuleSetError } from '../src/engine/yaml-problems.ts';

const only = process.argv.slice(2);
const sources = readRuleSources('rules');
let vocabulary;
try {
  vocabulary = new Map(Object.entries(compileSources(sources).vocabulary));
} catch (err) {
  if (!(err instanceof RuleSetError)) throw err;
  process.stderr.write(`The rules do not compile:\n${err.message}\n`);
  process.exit(2);
}
const keep = (file: string) => only.length === 0 || only.some((o) => file.endsWith(o));
const census = patternCensus({ ...sources, ruleFiles: sources.ruleFiles.filter((f) => keep(f.file)) }, vocabulary);
const dead = census.dead.filter((d) => keep(d.file));
console.log(`Patterns: ${census.match} match, ${census.unless} unless, ${census.requires} requires (${census.match + census.unless + census.requires} in rule files); ${census.shared} in shared sets; ${census.total} in all.`);
console.log(`Dead (no example of the rule exercises them): ${dead.length}`);
for (const d of dead) console.log(`  ${d.file} ${d.owner} ${d.field}: ${d.pattern}`);
process.exit(dead.length > 0 ? 1 : 0);
