/**
 * Turns the INCI lexicon (YAML text) into the compiled lexicon the cross-check runs. Problems are reported as
 * for rules (file, line, entry id, field), all at once. Beyond the schema: ids and aliases are unique, an
 * entry's name is among its aliases and every alias is recognised as that entry, a family's pattern compiles
 * and recognises its examples, `factor` and `maxPercent` sit only on the classes they mean something for,
 * and (when the caller knows them) the claim topics name existing rules and factors name cytokine entries.
 */
import * as v from 'valibot';
import { buildInciIndex, classifyName, inciKey } from './classify-ingredients.ts';
import { shortHash } from '../hash.ts';
import { InciFileSchema } from './inci-lexicon-schema.ts';
import { CLAIM_TOPICS, type CompiledInciLexicon } from './inci-types.ts';
import { issueProblem, lineOf, parseYaml, RuleSetError, type RuleFileText, type RuleProblem } from '../yaml-problems.ts';

/** What the rest of the rules folder holds, to check references against. */
export interface InciReferences {
  /** Ids of the compiled rules. */
  ruleIds?: ReadonlySet<string>;
  /** Ids of the cytokine lexicon's entries, with their class. */
  cytokines?: ReadonlyMap<string, string>;
}

/**
 * Validates and compiles the lexicon.
 * @throws RuleSetError naming file, line, entry and field of every problem found.
 */
export function compileInciLexicon(source: RuleFileText, refs: InciReferences = {}): CompiledInciLexicon {
  const problems: RuleProblem[] = [];
  const parsed = parseYaml(source, problems, 'entry');
  if (!parsed) throw new RuleSetError(problems);
  const result = v.safeParse(InciFileSchema, parsed.value);
  if (!result.success) {
    throw new RuleSetError(result.issues.map((issue) => sectionProblem(issueProblem(source.file, parsed, issue, InciFileSchema, 'entry'), parsed.doc)));
  }
  const { claims, families, ingredients } = result.output;
  const report = (section: 'ingredients' | 'families', index: number, path: (string | number)[], field: string, message: string) => {
    const item = (section === 'ingredients' ? ingredients : families)[index]!;
    problems.push({ file: source.file, line: lineOf(parsed, [section, index, ...path]), ruleId: item.id, kind: 'entry', field, message });
  };

  const idLines = new Map<string, number | undefined>();
  const claimId = (section: 'ingredients' | 'families', index: number, id: string) => {
    if (idLines.has(id)) report(section, index, ['id'], 'id', `duplicates the id of the entry at line ${idLines.get(id)}`);
    else idLines.set(id, lineOf(parsed, [section, index, 'id']));
  };
  const keys = new Map<string, string>();
  ingredients.forEach((entry, index) => {
    claimId('ingredients', index, entry.id);
    const own = new Set<string>();
    entry.aliases.forEach((alias, i) => {
      const key = inciKey(alias);
      const other = keys.get(key);
      if (other !== undefined && other !== entry.id) {
        report('ingredients', index, ['aliases', i], `aliases[${i}]`, `alias "${alias}" collides with an alias of entry "${other}" (both read as "${key}")`);
      } else keys.set(key, entry.id);
      own.add(key);
    });
    if (!own.has(inciKey(entry.name))) report('ingredients', index, ['name'], 'name', `"${entry.name}" is not among the aliases`);
    if (entry.factor !== undefined && entry.class !== 'recombinant-growth-factor') {
      report('ingredients', index, ['factor'], 'factor', 'is only for the class recombinant-growth-factor');
    }
    if (entry.factor !== undefined && refs.cytokines && refs.cytokines.get(entry.factor) !== 'growth-factor') {
      report('ingredients', index, ['factor'], 'factor', refs.cytokines.has(entry.factor)
        ? `"${entry.factor}" is not a growth factor in the cytokine lexicon`
        : `"${entry.factor}" is not an entry of the cytokine lexicon`);
    }
    if ((entry.maxPercent !== undefined) !== (entry.class === 'capped-preservative')) {
      report('ingredients', index, ['maxPercent'], 'maxPercent', entry.class === 'capped-preservative'
        ? 'is missing: a capped preservative needs the legal maximum it is capped at'
        : 'is only for the class capped-preservative');
    }
  });
  families.forEach((family, index) => {
    claimId('families', index, family.id);
    try {
      new RegExp(family.pattern, 'u');
    } catch (err) {
      report('families', index, ['pattern'], 'pattern', `is not a valid regular expression: ${(err as Error).message}`);
    }
  });
  for (const topic of CLAIM_TOPICS) {
    claims[topic].rules.forEach((ruleId, i) => {
      if (refs.ruleIds && !refs.ruleIds.has(ruleId)) {
        problems.push({ file: source.file, line: lineOf(parsed, ['claims', topic, 'rules', i]), field: `claims.${topic}.rules[${i}]`, message: `"${ruleId}" is not the id of any rule` });
      }
    });
  }
  if (problems.length === 0) {
    // Every name must come back as what the file says it is: an alias shadowed by another entry, or a family
    // example swallowed by an entry or an earlier family, would silently change a cross-check.
    const index = buildInciIndex({ entries: ingredients, families });
    ingredients.forEach((entry, i) => {
      entry.aliases.forEach((alias, a) => {
        const found = classifyName(alias, index);
        if (found?.via !== entry.id) {
          report('ingredients', i, ['aliases', a], `aliases[${a}]`, `alias "${alias}" is recognised as ${found ? `"${found.via}"` : 'nothing'}, not as this entry`);
        }
      });
    });
    families.forEach((family, i) => {
      family.examples.forEach((example, e) => {
        const found = classifyName(example, index);
        if (found?.via !== family.id) {
          report('families', i, ['examples', e], `examples[${e}]`, `example "${example}" is recognised as ${found ? `"${found.via}"` : 'nothing'}, not by this family`);
        }
      });
    });
  }
  if (problems.length > 0) throw new RuleSetError(problems);
  const body = { claims, entries: ingredients, families };
  return { version: shortHash(JSON.stringify(body)), ...body };
}

/**
 * The lexicon's items sit under `ingredients:` and `families:`, not at the top of the file as rules do:
 * point a problem at the item (its id) and the field within it.
 */
function sectionProblem(problem: RuleProblem, doc: { getIn: (path: unknown[]) => unknown }): RuleProblem {
  const m = problem.field?.match(/^(ingredients|families)\[(\d+)\]\.?(.*)$/);
  if (!m) return problem;
  const index = Number(m[2]);
  const id = doc.getIn([m[1], index, 'id']);
  const out: RuleProblem = { ...problem, ruleId: typeof id === 'string' ? id : `#${index + 1}`, kind: 'entry' };
  if (m[3]) out.field = m[3];
  else delete out.field;
  return out;
}
