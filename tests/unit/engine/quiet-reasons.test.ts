// Issue 7: every reason a mention stays quiet, as the popup's "Mentioned, not flagged" and the reports say it.
import { describe, expect, it } from 'vitest';
import { ruleSet } from 'virtual:claimlens/rules';
import nlp from '../../../src/engine/nlp.ts';
import { scanText } from '../../../src/engine/claims/scan-text.ts';
import { findIngredientList } from '../../../src/engine/ingredients/find-ingredient-list.ts';
import { INGREDIENT_LIST_REASON, quietInIngredientList } from '../../../src/engine/ingredients/quiet-in-ingredient-list.ts';

const scan = (text: string) => quietInIngredientList(scanText(nlp, text, ruleSet), findIngredientList(text));

describe('a mention stays quiet, and says why', () => {
  it.each([
    ['a shopper\'s question', 'Does this cream contain live stem cells?', 'question'],
    ['reported speech', 'Some brands claim their cream contains live stem cells.', 'reported'],
    ['a debunking article', 'It is a myth that any cream contains live stem cells.', 'debunking'],
    ['a denial', 'This cream does not contain live stem cells.', 'negated'],
    ['honest hedging', 'Growth factors can help skin grow new tissue, though more research is needed.', 'hedged'],
    ['hedging about early studies', 'Early studies suggest exosomes reverse skin aging in mice.', 'hedged'],
    ['the rule\'s own exception (an extract made from live cells is not live cells)', 'Our living plant stem cell extract soothes dry skin.', 'rule'],
  ])('%s', (_kind, text, set) => {
    const { findings, quiet } = scan(text);
    expect(findings).toEqual([]);
    expect(quiet.map((q) => q.set)).toContain(set);
    for (const q of quiet) {
      expect(q.reason.length).toBeGreaterThan(5);
      expect(text.slice(q.start, q.end)).toBe(q.sentence);
    }
  });

  it('an ingredient list under its heading: the list names what is in the jar', () => {
    const text = 'A rich night cream.\nFull ingredients:\nWater (Aqua), Live Stem Cells Complex, Glycerin, Phenoxyethanol, Xanthan Gum.';
    const before = scanText(nlp, text, ruleSet);
    expect(before.findings.length).toBeGreaterThan(0);
    const { findings, quiet } = scan(text);
    expect(findings).toEqual([]);
    expect(quiet.filter((q) => q.set === 'ingredients').map((q) => q.reason)).toEqual(before.findings.map(() => INGREDIENT_LIST_REASON));
  });

  it('the same words outside the list are still a claim', () => {
    const text = 'Our cream contains live stem cells.\nIngredients:\nWater (Aqua), Glycerin, Malus Domestica Fruit Cell Culture Extract, Phenoxyethanol.';
    expect(scan(text).findings.map((f) => f.ruleId)).toContain('living-stem-cells');
  });

  it('a comma-separated run with no heading is not trusted to silence a claim', () => {
    const text = 'Live stem cells, peptides, ceramides, squalane, niacinamide, panthenol, allantoin and more, in every jar.';
    const result = scanText(nlp, text, ruleSet);
    expect(findIngredientList(text)?.heading ?? null).toBeNull();
    expect(result.findings.length).toBeGreaterThan(0);
    expect(scan(text)).toEqual(result);
  });
});
