// The lexicon as shipped: its anchors are found verbatim in the seeds, its classes follow the immunology the
// label depends on, and the file keeps its shape (grouped by class, sorted by id within a class).
import { readFileSync } from 'node:fs';
import { testSeedAnchors } from '../seed-anchors.ts';
import { describe, expect, it, test } from 'vitest';
import { parse } from 'yaml';
import { cytokineLexicon } from 'virtual:claimlens/rules';
import { CYTOKINE_CLASSES, type CytokineClass } from '../../../src/engine/cytokines/lexicon-types.ts';


const { entries } = cytokineLexicon;
const classOf = new Map(entries.map((e) => [e.id, e.class]));

describe('cytokine lexicon', () => {
  it('has at least 45 entries, every class represented, ids unique', () => {
    expect(entries.length).toBeGreaterThanOrEqual(45);
    expect(new Set(entries.map((e) => e.class))).toEqual(new Set(CYTOKINE_CLASSES));
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('groups entries by class in label order and sorts ids within a class', () => {
    const file = parse(readFileSync('rules/lexicons/cytokines.yaml', 'utf8')) as { id: string; class: CytokineClass }[];
    const expected = [...file].sort(
      (a, b) => CYTOKINE_CLASSES.indexOf(a.class) - CYTOKINE_CLASSES.indexOf(b.class) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    expect(file.map((e) => e.id)).toEqual(expected.map((e) => e.id));
  });

  // The classification the balance rests on; a change here changes every label, so it is spelled out.
  test.each<[CytokineClass, string[]]>([
    ['pro-inflammatory', ['il-1a', 'il-1b', 'il-6', 'il-8', 'il-12', 'il-17', 'il-18', 'tnf-a', 'ifn-g', 'gm-csf']],
    ['anti-inflammatory', ['il-10', 'il-1ra', 'il-4', 'il-13', 'tgf-b3']],
    ['growth-factor', ['egf', 'bfgf', 'kgf', 'fgf9', 'igf-1', 'vegf', 'pdgf', 'hgf', 'ngf', 'epo']],
    ['chemokine', ['sdf-1', 'mcp-1']],
    ['protease', ['mmp-1', 'mmp-2', 'mmp-9']],
    ['protease-inhibitor', ['timp-1', 'timp-2']],
    ['antagonist', ['noggin']],
    ['antioxidant-enzyme', ['sod', 'sod1']],
  ])('classes %s: %j', (cls, ids) => {
    expect(ids.map((id) => [id, classOf.get(id)])).toEqual(ids.map((id) => [id, cls]));
  });

  it('gives every entry a source: a seed passage or general immunology', () => {
    for (const e of entries) {
      expect('seed' in e.source ? Boolean(e.source.anchor) : e.source.general === 'immunology', e.id).toBe(true);
    }
  });

  testSeedAnchors('Lexicon anchors', entries.flatMap((e) => ('seed' in e.source ? [{ id: e.id, ...e.source }] : [])));
});
