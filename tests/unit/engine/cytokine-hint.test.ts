// The eager script loads the rest of Claimlens where the page may name a cytokine: its hint must say yes
// wherever findCytokines finds a name (or the Cytokine Facts label would go missing), and should say no on
// ordinary copy (or every page would load it).
import { describe, expect, it } from 'vitest';
import { cytokineLexicon } from 'virtual:claimlens/rules';
import { cytokineHint } from '../../../src/engine/cytokines/cytokine-hint.ts';
import { cytokinePrefixSource, findCytokines } from '../../../src/engine/cytokines/find-cytokines.ts';
import { CYTOKINE_PREFIX_DEPTH } from '../../../src/build/rules-plugin.ts';

const hint = cytokineHint(cytokinePrefixSource(cytokineLexicon.matcher.aliases, CYTOKINE_PREFIX_DEPTH));

describe('cytokine hint', () => {
  it('says yes for every alias of every entry, as pages write them', () => {
    const missed: string[] = [];
    for (const entry of cytokineLexicon.entries) {
      for (const alias of [entry.name, ...entry.aliases]) {
        for (const text of [alias, `Rich in ${alias}.`, `(${alias})`, `${alias.toUpperCase()} inside`]) {
          if (findCytokines(text, cytokineLexicon).length > 0 && !hint(text)) missed.push(text);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it('says yes wherever findCytokines finds a name, in mixed text', () => {
    const text = 'Our serum: EGF, bFGF and TGF-beta 3 with IL‑1α; no IL-60 here. Interferon gamma and GM-CSF.';
    expect(findCytokines(text, cytokineLexicon).length).toBeGreaterThan(0);
    for (const m of findCytokines(text, cytokineLexicon)) expect(hint(text.slice(m.start))).toBe(true);
  });

  it('says no on ordinary product copy and inside longer words', () => {
    for (const text of [
      'A light, fast-absorbing lotion that leaves skin soft and smooth all day long.',
      'Illuminating glow with squalane, shea butter and glycerin.',
      'Formulated for sensitive skin; fragrance free.',
    ]) expect(hint(text)).toBe(false);
  });
});
