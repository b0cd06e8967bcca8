// The INCI lexicon as shipped, and the compiler's refusals. The classes are the chemistry every cross-check
// rests on, so the key ones are spelled out here: a change to them changes what shoppers are told.
import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { cytokineLexicon, inciLexicon, ruleSet } from 'virtual:claimlens/rules';
import { classifyName, inciIndexOf, lookupKeys } from '../../../src/engine/ingredients/classify-ingredients.ts';
import { compileInciLexicon } from '../../../src/engine/ingredients/compile-inci-lexicon.ts';
import { CLAIM_TOPICS, INCI_CLASSES, type InciClass } from '../../../src/engine/ingredients/inci-types.ts';
import { RuleSetError } from '../../../src/engine/yaml-problems.ts';

const FILE = 'rules/lexicons/inci.yaml';
const text = readFileSync(FILE, 'utf8');
const index = inciIndexOf(inciLexicon);
const cytokines = { matcher: cytokineLexicon, lexicon: cytokineLexicon };
const classOf = (name: string) => classifyName(name, index, cytokines);

describe('INCI lexicon', () => {
  it('has entries of every class that matters, with unique ids and aliases', () => {
    const all = [...inciLexicon.entries.map((e) => e.id), ...inciLexicon.families.map((f) => f.id)];
    expect(new Set(all).size).toBe(all.length);
    const aliases = inciLexicon.entries.flatMap((e) => e.aliases.map((a) => a.toLowerCase()));
    expect(new Set(aliases).size).toBe(aliases.length);
    const classes = new Set([...inciLexicon.entries.map((e) => e.class), ...inciLexicon.families.map((f) => f.class)]);
    expect([...classes].sort()).toEqual([...INCI_CLASSES].sort());
    expect(inciLexicon.entries.length).toBeGreaterThanOrEqual(25);
  });

  it('gives every entry and family a source: a citation (with an https URL when given) or general cosmetic chemistry', () => {
    for (const item of [...inciLexicon.entries, ...inciLexicon.families]) {
      const s = item.source;
      if ('general' in s) expect(s.general, item.id).toBe('cosmetic chemistry');
      else {
        expect(s.citation.length, item.id).toBeGreaterThan(10);
        if (s.url !== undefined) expect(s.url, item.id).toMatch(/^https:\/\/\S+$/);
      }
      expect(item.note.length, item.id).toBeGreaterThan(10);
    }
  });

  it('maps each recombinant growth factor with a known identity to a growth factor of the cytokine lexicon', () => {
    const growth = new Set(cytokineLexicon.entries.filter((e) => e.class === 'growth-factor').map((e) => e.id));
    const mapped = inciLexicon.entries.filter((e) => e.factor !== undefined);
    expect(Object.fromEntries(mapped.map((e) => [e.name, e.factor]))).toEqual({
      'sh-Oligopeptide-1': 'egf',
      'sh-Oligopeptide-2': 'igf-1',
      'sh-Polypeptide-1': 'bfgf',
      'sh-Polypeptide-11': 'afgf',
      'sh-Polypeptide-3': 'kgf',
    });
    for (const e of mapped) expect(growth.has(e.factor!), e.id).toBe(true);
  });

  it('names only rules that exist in its claim topics', () => {
    const ids = new Set(ruleSet.rules.map((r) => r.id));
    for (const topic of CLAIM_TOPICS) for (const id of inciLexicon.claims[topic].rules) expect(ids.has(id), `${topic}: ${id}`).toBe(true);
  });

  test.each<[string, InciClass | undefined, string?]>([
    ['Malus Domestica Fruit Cell Culture Extract', 'plant-cell-culture'],
    ['Pyrus Malus (Apple) Fruit Cell Culture Extract', 'plant-cell-culture'],
    ['Argania Spinosa Sprout Cell Extract', 'plant-cell-culture'],
    ['Vitis Vinifera (Grape) Fruit Cell Extract', 'plant-cell-culture'],
    ['Leontopodium Alpinum Callus Culture Extract', 'plant-cell-culture'],
    ['Rosa Damascena Callus Culture Extract', 'plant-cell-culture'],
    ['Human Adipose Derived Stem Cell Conditioned Media', 'human-conditioned-media'],
    ['Human Umbilical Cord Blood Derived Mesenchymal Stem Cell Conditioned Media', 'human-conditioned-media'],
    ['Human Fibroblast Conditioned Media', 'human-conditioned-media'],
    ['Human Adipose Derived Stem Cell Extract', 'culture-filtrate-or-lysate'],
    ['Human Adipose Stromal Cell Exosomes', 'exosome'],
    ['Rosa Damascena Callus Extracellular Vesicles', 'exosome'],
    ['sh-Oligopeptide-1', 'recombinant-growth-factor', 'egf'],
    ['SH-OLIGOPEPTIDE-1', 'recombinant-growth-factor', 'egf'],
    ['rh-Oligopeptide-1', 'recombinant-growth-factor', 'egf'],
    ['sh-Oligopeptide-2', 'recombinant-growth-factor', 'igf-1'],
    ['sh-Polypeptide-1', 'recombinant-growth-factor', 'bfgf'],
    ['sh-Polypeptide-3', 'recombinant-growth-factor', 'kgf'],
    ['sh-Polypeptide-9', 'recombinant-growth-factor', undefined],
    ['Epidermal Growth Factor', 'recombinant-growth-factor', 'egf'],
    // A short peptide is a short peptide, whatever it is sold as: not a growth factor, not a cytokine.
    ['Palmitoyl Pentapeptide-4', 'synthetic-peptide'],
    ['Palmitoyl Tripeptide-1', 'synthetic-peptide'],
    ['Palmitoyl Tetrapeptide-7', 'synthetic-peptide'],
    ['Acetyl Hexapeptide-8', 'synthetic-peptide'],
    ['Copper Tripeptide-1', 'synthetic-peptide'],
    ['Acetyl Tetrapeptide-2', 'synthetic-peptide'],
    ['sh-Decapeptide-7', 'synthetic-peptide'],
    // A bacterial lysate is a ferment, not a lysate of human cells.
    ['Bifida Ferment Lysate', 'ferment'],
    ['Galactomyces Ferment Filtrate', 'ferment'],
    ['Lactobacillus Ferment', 'ferment'],
    ['Saccharomyces Ferment Filtrate', 'ferment'],
    ['Nanoliposome', 'carrier'],
    ['Phenoxyethanol', 'capped-preservative'],
    ['Water (Aqua)', undefined],
    ['Glycerin', undefined],
    ['Saccharomyces Cell Extract', undefined],
  ])('%s is %s', (name, cls, factor) => {
    const found = classOf(name);
    expect(found?.class).toBe(cls);
    if (cls === 'recombinant-growth-factor') expect(found?.factor).toBe(factor);
  });

  it('reads a name under every form a list writes it in', () => {
    expect(lookupKeys('Water (Aqua)')).toEqual(['water aqua', 'water', 'aqua']);
    expect(lookupKeys('Aqua/Water/Eau')).toEqual(['aqua/water/eau', 'aqua', 'water', 'eau']);
    expect(lookupKeys('sh‑Oligopeptide‑1')).toEqual(['sh oligopeptide 1']);
  });
});

/** The shipped file with one edit, compiled with the references the build gives it. */
function compileEdited(edit: (t: string) => string, refs = { ruleIds: new Set(ruleSet.rules.map((r) => r.id)), cytokines: new Map(cytokineLexicon.entries.map((e) => [e.id, e.class as string])) }) {
  try {
    compileInciLexicon({ file: FILE, text: edit(text) }, refs);
  } catch (err) {
    if (err instanceof RuleSetError) return err.message;
    throw err;
  }
  return 'compiled';
}

const lineOf = (edited: string, needle: string) => edited.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('compileInciLexicon refuses', () => {
  it('nothing in the shipped file', () => {
    expect(compileEdited((t) => t)).toBe('compiled');
  });

  test.each<[string, (t: string) => string, string, string]>([
    ['an unknown class', (t) => t.replace('  class: ferment\n    origin: microbial\n    note: "Broken-open', '  class: fermented\n    origin: microbial\n    note: "Broken-open'), 'class: fermented', 'entry "bifida-ferment-lysate", field "class": must be one of plant-cell-culture,'],
    ['a misspelt field', (t) => t.replace('    maxPercent: 1\n', '    maxPercnt: 1\n'), 'maxPercnt: 1', 'entry "phenoxyethanol", field "maxPercnt": is not a known field; did you mean "maxPercent"?'],
    ['a missing source', (t) => t.replace(/( {2}- id: acetyl-tetrapeptide-2\n(?: {4}.*\n)*?) {4}source: \{ general: cosmetic chemistry \}\n/, '$1'), 'id: acetyl-tetrapeptide-2', 'entry "acetyl-tetrapeptide-2", field "source": is missing'],
    ['a factor that is not a growth factor', (t) => t.replace('    factor: kgf\n', '    factor: il-6\n'), 'factor: il-6', 'entry "sh-polypeptide-3", field "factor": "il-6" is not a growth factor in the cytokine lexicon'],
    ['a factor on a peptide', (t) => t.replace('    origin: synthetic\n    note: Six synthetic', '    origin: synthetic\n    factor: hgf\n    note: Six synthetic'), 'factor: hgf', 'entry "acetyl-hexapeptide-8", field "factor": is only for the class recombinant-growth-factor'],
    ['an alias shared by two entries', (t) => t.replace('aliases: [Acetyl Tetrapeptide-2]', 'aliases: [Acetyl Tetrapeptide-2, Argireline]'), 'aliases: [Acetyl Tetrapeptide-2, Argireline]', 'entry "acetyl-tetrapeptide-2", field "aliases[1]": alias "Argireline" collides with an alias of entry "acetyl-hexapeptide-8"'],
    ['a family pattern that does not compile', (t) => t.replace("pattern: '\\bferment\\b'", "pattern: '\\bferment(\\b'"), "pattern: '\\bferment(\\b'", 'entry "ferment", field "pattern": is not a valid regular expression'],
    ['a family example its pattern misses', (t) => t.replace('examples: [Nanoliposome, Liposomes, Lecithin Liposomes]', 'examples: [Nanoliposome, Liposomes, Lecithin]'), 'examples: [Nanoliposome, Liposomes, Lecithin]', 'entry "liposome", field "examples[2]": example "Lecithin" is recognised as "hydrogenated-lecithin", not by this family'],
    ['a claim topic naming a rule that does not exist', (t) => t.replace('rules: [living-stem-cells, stem-cell-branding,', 'rules: [living-stem-cell, stem-cell-branding,'), 'living-stem-cell,', 'field "claims.stem-cells.rules[0]": "living-stem-cell" is not the id of any rule'],
  ])('%s, naming file, line, entry and field', (_, edit, lineNeedle, message) => {
    const edited = edit(text);
    expect(edited).not.toBe(text);
    const out = compileEdited(() => edited);
    expect(out).toContain(`${FILE}:${lineOf(edited, lineNeedle)}:`);
    expect(out).toContain(message);
  });
});
