/**
 * Turns the cytokine lexicon (YAML text) into the compiled lexicon the finder runs. Problems are reported as
 * for rules (file, line, entry id, field), all at once. Beyond the schema, an alias must not be mistaken for
 * another entry's (two aliases that read the same once case, separators and Greek spellings are set aside)
 * nor for an ordinary word, and every alias must be found as written by the expression built from them all.
 */
import * as v from 'valibot';
import { aliasKey, buildCytokineMatcher, findCytokines, normaliseAlias } from './find-cytokines.ts';
import { shortHash } from '../hash.ts';
import { LexiconFileSchema } from './lexicon-schema.ts';
import type { CompiledLexicon, LexiconEntry, NormalisedAlias } from './lexicon-types.ts';
import { issueProblem, lineOf, parseYaml, RuleSetError, type RuleFileText, type RuleProblem } from '../yaml-problems.ts';

/** Fewer letters than this, in lower case, and an alias could be an everyday word ("sod", "epo"). */
const MIN_LOWER_CASE_WORD = 5;
/** Shorter keys than this match too much ordinary text ("IL" alone). */
const MIN_KEY = 3;

/**
 * Validates and compiles the lexicon.
 * @throws RuleSetError naming file, line, entry and field of every problem found.
 */
export function compileLexicon(source: RuleFileText): CompiledLexicon {
  const problems: RuleProblem[] = [];
  const parsed = parseYaml(source, problems, 'entry');
  if (!parsed) throw new RuleSetError(problems);
  const result = v.safeParse(LexiconFileSchema, parsed.value);
  if (!result.success) {
    throw new RuleSetError(result.issues.map((issue) => issueProblem(source.file, parsed, issue, LexiconFileSchema, 'entry')));
  }
  const entries: LexiconEntry[] = result.output;
  const aliases: NormalisedAlias[] = [];
  const idLines = new Map<string, number | undefined>();
  const keys = new Map<string, { id: string; alias: string }>();
  const report = (index: number, path: (string | number)[], field: string, message: string) =>
    problems.push({ file: source.file, line: lineOf(parsed, [index, ...path]), ruleId: entries[index]!.id, kind: 'entry', field, message });

  entries.forEach((entry, index) => {
    if (idLines.has(entry.id)) report(index, ['id'], 'id', `duplicates the id of the entry at line ${idLines.get(entry.id)}`);
    else idLines.set(entry.id, lineOf(parsed, [index, 'id']));
    const own = new Set<string>();
    const forms = new Set<string>();
    entry.aliases.forEach((alias, i) => {
      const at = (message: string) => report(index, ['aliases', i], `aliases[${i}]`, `alias "${alias}" ${message}`);
      const normal = normaliseAlias(alias);
      const key = aliasKey(alias);
      if (key.length < MIN_KEY) return at('is too short to find safely: it would match ordinary text');
      if (normal.exactCase && alias.length < MIN_LOWER_CASE_WORD && alias === alias.toLowerCase()) {
        return at(`is a lower-case word of fewer than ${MIN_LOWER_CASE_WORD} letters; write it in capitals as pages do (an acronym), so the ordinary word never matches`);
      }
      const other = keys.get(key);
      if (other && other.id !== entry.id) return at(`collides with "${other.alias}" of entry "${other.id}" (both read as "${key}")`);
      if (!other) keys.set(key, { id: entry.id, alias });
      own.add(key);
      const form = JSON.stringify(normal);
      if (forms.has(form)) return; // another spelling the same expression already covers
      forms.add(form);
      aliases.push({ id: entry.id, ...normal });
    });
    if (!own.has(aliasKey(entry.name))) report(index, ['name'], 'name', `"${entry.name}" is not among the aliases`);
  });
  if (problems.length === 0) checkFoundAsWritten(entries, aliases, (index, i, message) => report(index, ['aliases', i], `aliases[${i}]`, message));
  if (problems.length > 0) throw new RuleSetError(problems);
  const body = { entries, matcher: { aliases } };
  return { version: shortHash(JSON.stringify(body)), ...body };
}

/** Runs every alias through the finder built from them all: it must come back whole, as its own entry. */
function checkFoundAsWritten(
  entries: readonly LexiconEntry[],
  aliases: readonly NormalisedAlias[],
  report: (index: number, aliasIndex: number, message: string) => void,
): void {
  const matcher = buildCytokineMatcher(aliases);
  entries.forEach((entry, index) => {
    entry.aliases.forEach((alias, i) => {
      const found = findCytokines(alias, matcher);
      const whole = found.length === 1 && found[0]!.start === 0 && found[0]!.end === alias.length;
      if (whole && found[0]!.id === entry.id) return;
      const read = found.map((m) => `"${m.text}" as entry "${m.id}"`).join(', ');
      report(index, i, `alias "${alias}" is not found as written (${read ? `found ${read}` : 'nothing found'})`);
    });
  });
}
