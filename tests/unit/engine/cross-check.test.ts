// The cross-check on pages written as text: each kind of mismatch flags, and the close cases stay quiet (the
// list supports the claim, there is no list, the claim was never a finding). Findings are built from the
// text, their offsets computed, never typed in; the lexicons are the ones built into the bundle.
import { describe, expect, it, test } from 'vitest';
import { cytokineLexicon, inciLexicon } from 'virtual:claimlens/rules';
import { crossCheck, crossCheckList } from '../../../src/engine/ingredients/cross-check.ts';
import { findIngredientList } from '../../../src/engine/ingredients/find-ingredient-list.ts';
import { compileSources, readRuleSources } from '../../../src/build/load-rules.ts';
import nlp from '../../../src/engine/nlp.ts';
import { scanText } from '../../../src/engine/claims/scan-text.ts';
import type { Finding } from '../../../src/engine/types.ts';

/** A finding of `ruleId` on the first occurrence of `claim` in `text`, its sentence the line holding it. */
function finding(text: string, ruleId: string, claim: string): Finding {
  const start = text.indexOf(claim);
  if (start < 0) throw new Error(`"${claim}" is not in the text`);
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
  return { ruleId, severity: 'misleading', text: claim, start, end: start + claim.length, sentence: text.slice(lineStart, lineEnd), why: claim };
}

function check(text: string, findings: Finding[]) {
  return crossCheck(text, findings, inciLexicon, cytokineLexicon);
}

const APPLE = 'Ingredients: Water (Aqua), Glycerin, Malus Domestica Fruit Cell Culture Extract, Xanthan Gum, Phenoxyethanol.';
const PEPTIDES = 'Ingredients: Aqua, Glycerin, Palmitoyl Tripeptide-1, Palmitoyl Tetrapeptide-7, Phenoxyethanol.';
const PLAIN = 'Ingredients: Aqua, Glycerin, Squalane, Tocopherol, Phenoxyethanol.';

/** [what, page text, the finding's rule, the claim's words, expected kind, expected ingredients]. */
const flags: [string, string, string, string, string, string[]][] = [
  ['stem cells claimed, only an apple cell culture listed', `Our cream contains live stem cells.\n${APPLE}`, 'living-stem-cells', 'contains live stem cells', 'stem-cells-only-plant-culture', ['Malus Domestica Fruit Cell Culture Extract']],
  ['stem cells claimed, two plant cell cultures listed', 'Powered by stem cell technology.\nIngredients: Aqua, Argania Spinosa Sprout Cell Extract, Leontopodium Alpinum Callus Culture Extract, Glycerin', 'stem-cell-branding', 'stem cell technology', 'stem-cells-only-plant-culture', ['Argania Spinosa Sprout Cell Extract', 'Leontopodium Alpinum Callus Culture Extract']],
  ['stem cells claimed, nothing cell-derived listed', `Our cream contains live stem cells.\n${PLAIN}`, 'living-stem-cells', 'contains live stem cells', 'stem-cells-not-listed', []],
  ['growth factors claimed, none listed', `Over 200 growth factors in every drop.\n${PLAIN}`, 'more-factors-better', '200 growth factors', 'growth-factors-not-listed', []],
  ['growth factors claimed, only plant cells listed', `Over 200 growth factors in every drop.\n${APPLE}`, 'more-factors-better', '200 growth factors', 'growth-factors-not-listed', ['Malus Domestica Fruit Cell Culture Extract']],
  ['growth factors claimed, only synthetic peptides listed', `Over 200 growth factors in every drop.\n${PEPTIDES}`, 'more-factors-better', '200 growth factors', 'growth-factors-only-peptides', ['Palmitoyl Tripeptide-1', 'Palmitoyl Tetrapeptide-7']],
  ['exosomes claimed, none listed', `Our exosomes reprogram your skin cells.\n${PLAIN}`, 'exosome-promises', 'exosomes reprogram', 'exosomes-not-listed', []],
  ['exosomes claimed, only liposomes listed', 'Our exosomes reprogram your skin cells.\nIngredients: Aqua, Glycerin, Hydrogenated Lecithin, Phenoxyethanol', 'exosome-promises', 'exosomes reprogram', 'exosomes-not-listed', ['Hydrogenated Lecithin']],
];

describe('crossCheck flags', () => {
  test.each(flags)('%s', (_, text, ruleId, claim, kind, ingredients) => {
    const checks = check(text, [finding(text, ruleId, claim)]);
    const found = checks.find((c) => c.kind === kind);
    expect(found, JSON.stringify(checks)).toBeDefined();
    expect(found).toMatchObject({ ruleId, kind, ingredients });
    expect(found!.message.length).toBeGreaterThan(40);
    for (const name of ingredients) expect(found!.message).toContain(name);
  });

  it('writes the stem-cell message in plain, calm words', () => {
    const text = `Our cream contains live stem cells.\n${APPLE}`;
    expect(check(text, [finding(text, 'living-stem-cells', 'contains live stem cells')])).toEqual([
      {
        ruleId: 'living-stem-cells',
        kind: 'stem-cells-only-plant-culture',
        ingredients: ['Malus Domestica Fruit Cell Culture Extract'],
        message:
          'The page claims stem cells, but the only cell-derived ingredient it lists is a plant cell culture extract (Malus Domestica Fruit Cell Culture Extract): it holds no living cells and no human stem cells.',
      },
    ]);
  });

  it('flags a growth-factor concentration that the recombinant factor\'s place rules out', () => {
    const text = 'Over 200 growth factors: 20% growth factors in every drop.\nIngredients: Water, Glycerin, Butylene Glycol, Squalane, Niacinamide, sh-Oligopeptide-1, Phenoxyethanol';
    const checks = check(text, [finding(text, 'more-factors-better', '200 growth factors')]);
    expect(checks.map((c) => [c.kind, c.ingredients])).toEqual([['concentration-unlikely', ['sh-Oligopeptide-1']]]);
    expect(checks[0]!.message).toContain('"20% growth factors"');
    expect(checks[0]!.message).toContain('ingredient number 6 on the list');
  });

  it('flags a named growth factor that no listed ingredient is, once per factor, naming its INCI name', () => {
    const text = `Our growth factors EGF and KGF stay stable at room temperature. EGF works fast.\n${PEPTIDES}`;
    const checks = check(text, [finding(text, 'stability-room-temperature', 'stay stable at room temperature')]).filter((c) => c.kind === 'named-factor-not-listed');
    expect(checks.map((c) => c.message)).toEqual([
      'The page names EGF, but no ingredient on its list is EGF (its INCI name would be sh-Oligopeptide-1), and nothing listed could carry it.',
      'The page names KGF, but no ingredient on its list is KGF (its INCI name would be sh-Polypeptide-3), and nothing listed could carry it.',
    ]);
  });

  it('flags a named factor when the list holds a different one', () => {
    const text = 'Packed with growth factors like bFGF, our serum stays stable at room temperature.\nIngredients: Water, sh-Oligopeptide-1, Glycerin';
    const checks = check(text, [finding(text, 'stability-room-temperature', 'stays stable at room temperature')]);
    expect(checks.map((c) => [c.kind, c.message.slice(0, 20)])).toEqual([['named-factor-not-listed', 'The page names bFGF,']]);
  });

  it('reads the factors the page names as its actives against the list, with no rule behind them', () => {
    const text = `Powered by IGF-1 and VEGF for visible firmness.\n${PEPTIDES}`;
    const list = findIngredientList(text);
    const named = ['igf-1', 'vegf'];
    const checks = crossCheckList(list, [], inciLexicon, cytokineLexicon, named);
    expect(checks.map((c) => [c.ruleId, c.kind, c.message.slice(0, 26)])).toEqual([
      ['named-actives', 'named-factor-not-listed', 'The page names IGF-1, but '],
      ['named-actives', 'named-factor-not-listed', 'The page names VEGF, but n'],
    ]);
    // A list that holds the factor, or something that could carry it, answers the page.
    const carried = findIngredientList('Ingredients: Water, Human Adipose Derived Stem Cell Conditioned Media, Glycerin');
    expect(crossCheckList(carried, [], inciLexicon, cytokineLexicon, named)).toEqual([]);
    expect(crossCheckList(null, [], inciLexicon, cytokineLexicon, named)).toEqual([]);
  });

  test.each([
    ['after a 1% preservative', 'Every jar contains live stem cells and 10% stem cell extract.\nIngredients: Water, Glycerin, Phenoxyethanol, Malus Domestica Fruit Cell Culture Extract, Xanthan Gum', 'Phenoxyethanol, which the EU allows at no more than 1%'],
    ['too far down the list', 'Every jar contains live stem cells and 20% stem cell extract.\nIngredients: Water, Glycerin, Squalane, Butylene Glycol, Cetearyl Alcohol, Dimethicone, Human Adipose Derived Stem Cell Conditioned Media, Tocopherol', 'ingredient number 7 on the list, and the 6 listed before it must each be at least as concentrated, so it can be at most 14.2%'],
    ['the figure written after the words', 'Every jar contains live stem cells: stem cell extract (12%) in every drop.\nIngredients: Water, Glycerin, Squalane, Chlorphenesin, Human Stem Cell Conditioned Media', 'Chlorphenesin, which the EU allows at no more than 0.3%'],
  ])('flags a headline concentration the list rules out: %s', (_, text, reason) => {
    const checks = check(text, [finding(text, 'living-stem-cells', 'contains live stem cells')]);
    const found = checks.find((c) => c.kind === 'concentration-unlikely');
    expect(found, JSON.stringify(checks)).toBeDefined();
    expect(found!.ruleId).toBe('living-stem-cells');
    expect(found!.message).toContain(reason);
  });
});

describe('crossCheck stays quiet', () => {
  test.each<[string, string, string, string]>([
    ['a human conditioned medium backs a stem-cell claim', 'Powered by stem cell technology.\nIngredients: Water, Human Adipose Derived Stem Cell Conditioned Media, Glycerin', 'stem-cell-branding', 'stem cell technology'],
    ['a recombinant factor backs a growth-factor claim', 'Over 200 growth factors in every drop.\nIngredients: Water, sh-Oligopeptide-1, sh-Polypeptide-1, Glycerin', 'more-factors-better', '200 growth factors'],
    ['a conditioned medium backs a growth-factor claim', 'Over 200 growth factors in every drop.\nIngredients: Water, Human Fibroblast Conditioned Media, Glycerin', 'more-factors-better', '200 growth factors'],
    ['the named factor is listed', 'Our EGF growth factors stay stable at room temperature.\nIngredients: Water, sh-Oligopeptide-1, Glycerin', 'stability-room-temperature', 'stay stable at room temperature'],
    ['an unknown recombinant protein might be the named factor', 'Our VEGF growth factors stay stable at room temperature.\nIngredients: Water, sh-Polypeptide-9, Glycerin', 'stability-room-temperature', 'stay stable at room temperature'],
    ['exosomes are listed', 'Our exosomes reprogram your skin cells.\nIngredients: Water, Human Adipose Stromal Cell Exosomes, Glycerin', 'exosome-promises', 'exosomes reprogram'],
    ['the concentration fits the list', 'Every jar contains live stem cells and 10% stem cell extract.\nIngredients: Water, Human Stem Cell Conditioned Media, Glycerin, Phenoxyethanol', 'living-stem-cells', 'contains live stem cells'],
    ['the finding is of a rule that makes none of these claims', `Helps the skin grow new tissue.\n${PLAIN}`, 'grows-new-tissue', 'grow new tissue'],
    ['the rule counts but the sentence names no stem cells', `Our cream contains live cells.\n${PLAIN}`, 'living-stem-cells', 'contains live cells'],
  ])('when %s', (_, text, ruleId, claim) => {
    expect(check(text, [finding(text, ruleId, claim)])).toEqual([]);
  });

  it('when the page has no ingredient list', () => {
    const text = 'Our cream contains live stem cells. Over 200 growth factors in every drop.';
    expect(findIngredientList(text)).toBeNull();
    expect(check(text, [finding(text, 'living-stem-cells', 'contains live stem cells'), finding(text, 'more-factors-better', '200 growth factors')])).toEqual([]);
  });

  it('when there are no findings, whatever the list', () => {
    expect(check(`Our cream contains live stem cells.\n${APPLE}`, [])).toEqual([]);
  });

  it('when the claim is negated, so the engine never made it a finding', () => {
    // The frozen rule set: its living-stem-cells rule and its negation contexts, as the scanner runs them.
    const { ruleSet, lexicon, inciLexicon: frozenInci } = compileSources(readRuleSources('tests/fixtures/rules'));
    const negated = `This cream does not contain live stem cells.\n${APPLE}`;
    const claimed = `This cream contains live stem cells.\n${APPLE}`;
    const run = (text: string) => crossCheck(text, scanText(nlp, text, ruleSet).findings, frozenInci, lexicon);
    expect(scanText(nlp, negated, ruleSet).findings).toEqual([]);
    expect(run(negated)).toEqual([]);
    expect(run(claimed).map((c) => c.kind)).toEqual(['stem-cells-only-plant-culture']);
  });

  it('when the claim sits inside the list itself', () => {
    const text = 'Ingredients: Water, sh-Oligopeptide-1 (EGF growth factor), Glycerin, Phenoxyethanol';
    const f = finding(text, 'more-factors-better', 'EGF growth factor');
    expect(check(text, [f])).toEqual([]);
  });

  it('when "may contain" is the only place a matching ingredient appears, it does not count', () => {
    const text = 'Our exosomes reprogram your skin cells.\nIngredients: Water, Glycerin. May contain: Milk Exosomes.';
    expect(check(text, [finding(text, 'exosome-promises', 'exosomes reprogram')]).map((c) => c.kind)).toEqual(['exosomes-not-listed']);
  });
});

describe('crossCheck reports each claim once', () => {
  it('against the first finding in page order', () => {
    const text = `Renewa Stem Cell Serum\nOur cream contains live stem cells.\n${APPLE}`;
    const later = finding(text, 'living-stem-cells', 'contains live stem cells');
    const earlier = finding(text, 'stem-cell-branding', 'Stem Cell Serum');
    expect(check(text, [later, earlier]).map((c) => [c.kind, c.ruleId])).toEqual([['stem-cells-only-plant-culture', 'stem-cell-branding']]);
  });
});

describe('crossCheckList', () => {
  it('gives the same answer from a list found beforehand, as the content script would send it', () => {
    const text = `Every jar contains live stem cells and 10% stem cell extract.\nIngredients: Water, Glycerin, Phenoxyethanol, Malus Domestica Fruit Cell Culture Extract`;
    const findings = [finding(text, 'living-stem-cells', 'contains live stem cells')];
    const list = structuredClone(findIngredientList(text));
    expect(list).not.toBeNull();
    const fromList = crossCheckList(list, findings, inciLexicon, cytokineLexicon);
    expect(fromList.map((c) => c.kind)).toEqual(['stem-cells-only-plant-culture', 'concentration-unlikely']);
    expect(fromList).toEqual(check(text, findings));
    expect(crossCheckList(null, findings, inciLexicon, cytokineLexicon)).toEqual([]);
  });
});
