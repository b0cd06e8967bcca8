// The "Cytokine Facts" label: what is listed (once each, in order of first mention), grouped in a fixed
// class order, and the balance between pro- and anti-inflammatory entries.
import { describe, expect, it, test } from 'vitest';
import { cytokineLexicon } from 'virtual:claimlens/rules';
import { BALANCED_WITHIN, cytokineFacts, FACTS_NOTE, listCytokines } from '../../../src/engine/cytokines/cytokine-facts.ts';
import { findCytokines } from '../../../src/engine/cytokines/find-cytokines.ts';
import type { CytokineClass, ListedCytokine } from '../../../src/engine/cytokines/lexicon-types.ts';

const listedIn = (text: string) => listCytokines(findCytokines(text, cytokineLexicon), cytokineLexicon);

/** `n` made-up entries of one class, for balance arithmetic. */
const some = (n: number, cls: CytokineClass): ListedCytokine[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${cls}-${i}`, name: `${cls} ${i}`, class: cls, mentions: 1 }));

describe('listCytokines', () => {
  it('lists each entry once, with how often it was named, in order of first mention', () => {
    expect(listedIn('VEGF and IL-6, then IL6 again, then interleukin 6, then IL-10 and VEGF.')).toEqual([
      { id: 'vegf', name: 'VEGF', class: 'growth-factor', mentions: 2 },
      { id: 'il-6', name: 'IL-6', class: 'pro-inflammatory', mentions: 3 },
      { id: 'il-10', name: 'IL-10', class: 'anti-inflammatory', mentions: 1 },
    ]);
  });

  it('skips mentions of ids the lexicon does not know', () => {
    expect(listCytokines([{ id: 'nope' }], cytokineLexicon)).toEqual([]);
  });
});

describe('cytokineFacts', () => {
  it('is null when nothing is listed', () => {
    expect(cytokineFacts([])).toBeNull();
  });

  it('groups by class in the fixed label order, whatever order the page names them in', () => {
    const facts = cytokineFacts(listedIn('Noggin, SOD, MMP-1, TIMP-1, SDF-1, EGF, IL-10, IL-1β and TNF-α; more EGF.'))!;
    expect(facts.groups.map((g) => [g.class, g.label, g.cytokines.map((c) => `${c.name}×${c.mentions}`)])).toEqual([
      ['pro-inflammatory', 'Pro-inflammatory', ['IL-1β×1', 'TNF-α×1']],
      ['anti-inflammatory', 'Anti-inflammatory', ['IL-10×1']],
      ['growth-factor', 'Growth factors', ['EGF×2']],
      ['chemokine', 'Chemokines', ['SDF-1×1']],
      ['protease', 'Proteases', ['MMP-1×1']],
      ['protease-inhibitor', 'Protease inhibitors', ['TIMP-1×1']],
      ['antagonist', 'Antagonists', ['Noggin×1']],
      ['antioxidant-enzyme', 'Antioxidant enzymes', ['SOD×1']],
    ]);
    expect(facts.note).toBe(FACTS_NOTE);
  });

  it('leaves out classes the page does not list', () => {
    expect(cytokineFacts(listedIn('EGF and bFGF'))!.groups.map((g) => g.class)).toEqual(['growth-factor']);
  });

  it('counts entries, not mentions, and only pro- and anti-inflammatory ones', () => {
    const facts = cytokineFacts(listedIn('IL-6, IL-6, IL-6, IL-6 and IL-10; also SDF-1, MCP-1, VEGF and MMP-9.'))!;
    expect(facts.balance).toEqual({ proInflammatory: 1, antiInflammatory: 1, net: 0, verdict: 'balanced' });
  });

  test.each<[pro: number, anti: number, net: number, verdict: string]>([
    [8, 1, 0.78, 'net inflammatory'],
    [1, 0, 1, 'net inflammatory'],
    [2, 1, 0.33, 'net inflammatory'],
    [3, 2, 0.2, 'balanced'],
    [1, 1, 0, 'balanced'],
    [2, 3, -0.2, 'balanced'],
    [1, 2, -0.33, 'net anti-inflammatory'],
    [0, 3, -1, 'net anti-inflammatory'],
    [0, 0, 0, 'no inflammatory signals listed'],
  ])('%i pro and %i anti-inflammatory: net %d, %s', (pro, anti, net, verdict) => {
    const listed = [...some(pro, 'pro-inflammatory'), ...some(anti, 'anti-inflammatory'), ...some(2, 'growth-factor')];
    expect(cytokineFacts(listed)!.balance).toEqual({ proInflammatory: pro, antiInflammatory: anti, net, verdict });
    expect(Math.abs(net) <= 1).toBe(true);
  });

  it('calls a tilt within the threshold balanced', () => {
    expect(BALANCED_WITHIN).toBe(0.2);
  });

  it('is plain data that survives JSON', () => {
    const facts = cytokineFacts(listedIn('GM-CSF, IL-6, IL-10 and VEGF'));
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
  });

  it('does not share objects with the list it was given', () => {
    const listed = listedIn('IL-6');
    cytokineFacts(listed)!.groups[0]!.cytokines[0]!.mentions = 99;
    expect(listed[0]!.mentions).toBe(1);
  });
});
