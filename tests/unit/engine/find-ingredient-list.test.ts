// The ingredient-list parser on lists written the ways real product pages write them. Offsets are computed
// from the text (each name is searched for after the previous one), never typed in.
import { describe, expect, it, test } from 'vitest';
import { findIngredientList, normaliseName } from '../../../src/engine/ingredients/find-ingredient-list.ts';
import type { Ingredient } from '../../../src/engine/ingredients/inci-types.ts';

/** What a case expects of one ingredient: its name as written, and optionally its marks. */
type Expected = string | { name: string; percent?: number; footnote?: string; mayContain?: boolean };

const cases: [string, string, Expected[]][] = [
  ['heading block, then the list in the next block', 'Ingredients\n  Water (Aqua), Glycerin, Malus Domestica Fruit Cell Culture Extract, Xanthan Gum, Phenoxyethanol.\nYour review', ['Water (Aqua)', 'Glycerin', 'Malus Domestica Fruit Cell Culture Extract', 'Xanthan Gum', 'Phenoxyethanol']],
  ['label and list on one line', 'Full ingredients: Aqua, Glycerin, Niacinamide, Sodium Hyaluronate.', ['Aqua', 'Glycerin', 'Niacinamide', 'Sodium Hyaluronate']],
  ['slashes between the names of water', 'INCI: Aqua/Water/Eau, Butylene Glycol, Glycerin', ['Aqua/Water/Eau', 'Butylene Glycol', 'Glycerin']],
  ['slashes inside one INCI name', 'Ingredients: Water, Caprylic/Capric Triglyceride, Acrylates/C10-30 Alkyl Acrylate Crosspolymer, Tocopherol', ['Water', 'Caprylic/Capric Triglyceride', 'Acrylates/C10-30 Alkyl Acrylate Crosspolymer', 'Tocopherol']],
  ['percentages after names', 'Ingredients: Water, Niacinamide 5%, Zinc PCA 1 %, Glycerin', ['Water', { name: 'Niacinamide', percent: 5 }, { name: 'Zinc PCA', percent: 1 }, 'Glycerin']],
  ['percentages in parentheses and before names', 'Ingredients: Aqua, Ascorbic Acid (15%), 0.5% Retinol, Squalane', ['Aqua', { name: 'Ascorbic Acid', percent: 15 }, { name: 'Retinol', percent: 0.5 }, 'Squalane']],
  ['a decimal comma in a percentage', 'Ingrédients : Aqua, Niacinamide 2,5%, Glycerin', ['Aqua', { name: 'Niacinamide', percent: 2.5 }, 'Glycerin']],
  ['asterisks and a footnote after the list', 'Ingredients: Aloe Barbadensis Leaf Juice*, Rosa Canina Fruit Oil**, Glycerin, Tocopherol. *organic **naturally occurring', [{ name: 'Aloe Barbadensis Leaf Juice', footnote: '*' }, { name: 'Rosa Canina Fruit Oil', footnote: '**' }, 'Glycerin', 'Tocopherol']],
  ['a footnote block after the list', 'Ingredients:\nWater, Helianthus Annuus (Sunflower) Seed Oil*, Glycerin\n*Certified organic ingredient\nHow to use', ['Water', { name: 'Helianthus Annuus (Sunflower) Seed Oil', footnote: '*' }, 'Glycerin']],
  ['"may contain (+/-):" colours', 'Ingredients: Mica, Talc, Dimethicone, Silica. May contain (+/-): CI 77891, CI 77491, CI 77499.', ['Mica', 'Talc', 'Dimethicone', 'Silica', { name: 'CI 77891', mayContain: true }, { name: 'CI 77491', mayContain: true }, { name: 'CI 77499', mayContain: true }]],
  ['"[+/-: …]" in brackets', 'Ingredients: Mica, Isododecane, [+/-: CI 77891, CI 77492]', ['Mica', 'Isododecane', { name: 'CI 77891', mayContain: true }, { name: 'CI 77492', mayContain: true }]],
  ['line breaks inside the list', 'Ingredients:\nWater, Glycerin, Butylene Glycol,\nSodium Hyaluronate, Panthenol,\nPhenoxyethanol\nDirections: apply daily.', ['Water', 'Glycerin', 'Butylene Glycol', 'Sodium Hyaluronate', 'Panthenol', 'Phenoxyethanol']],
  ['parentheses inside names', 'Ingredients: Water, Pyrus Malus (Apple) Fruit Extract, Butyrospermum Parkii (Shea) Butter, Citrus Aurantium Dulcis (Orange) Peel Oil', ['Water', 'Pyrus Malus (Apple) Fruit Extract', 'Butyrospermum Parkii (Shea) Butter', 'Citrus Aurantium Dulcis (Orange) Peel Oil']],
  ['a comma inside parentheses', 'Ingredients: Water, Tocopherol (Vitamin E, natural), Glycerin', ['Water', 'Tocopherol (Vitamin E, natural)', 'Glycerin']],
  ['"and" before the last item', 'Ingredients: Water, Glycerin, Xanthan Gum, and Phenoxyethanol.', ['Water', 'Glycerin', 'Xanthan Gum', 'Phenoxyethanol']],
  ['a trailing sentence after the list', 'Ingredients: Water, Glycerin, Cetearyl Alcohol. Made in France. Not tested on animals.', ['Water', 'Glycerin', 'Cetearyl Alcohol']],
  ['one ingredient per bullet', 'INCI\n• Water\n• Glycerin\n• Sodium Hyaluronate\n• Phenoxyethanol\nHow to use\nApply daily.', ['Water', 'Glycerin', 'Sodium Hyaluronate', 'Phenoxyethanol']],
  ['bullets followed by the next section of the page', 'Ingredients\n• Aqua\n• Glycerin\n• Squalane\nCustomer Reviews\nRated 4.5', ['Aqua', 'Glycerin', 'Squalane']],
  ['dash bullets', 'Ingredient list\n- Aqua\n- Propanediol\n- sh-Oligopeptide-1\n- Ethylhexylglycerin', ['Aqua', 'Propanediol', 'sh-Oligopeptide-1', 'Ethylhexylglycerin']],
  ['a comma between digits stays in the name', 'Ingredients: Water, 1,2-Hexanediol, Glycerin', ['Water', '1,2-Hexanediol', 'Glycerin']],
  ['an upper-case list with semicolons', 'INGREDIENTS: AQUA; GLYCERIN; PHENOXYETHANOL; PARFUM', ['AQUA', 'GLYCERIN', 'PHENOXYETHANOL', 'PARFUM']],
  ['"Inactive ingredients" on a drug-facts label', 'Active ingredients: Zinc Oxide 10%\nInactive ingredients Water(Aqua), Betaine, Phenoxyethanol, Polysorbate 20', ['Water(Aqua)', 'Betaine', 'Phenoxyethanol', 'Polysorbate 20']],
  ['a run of INCI names without a heading', 'Why you will love it\nWater, Glycerin, Butylene Glycol, Niacinamide, Sodium Hyaluronate, Panthenol, Allantoin, Xanthan Gum, Phenoxyethanol, Ethylhexylglycerin\nReviews', ['Water', 'Glycerin', 'Butylene Glycol', 'Niacinamide', 'Sodium Hyaluronate', 'Panthenol', 'Allantoin', 'Xanthan Gum', 'Phenoxyethanol', 'Ethylhexylglycerin']],
  ['an en dash after the heading and typographic hyphens', 'Ingredients – Water, sh‑Polypeptide‑1, Glycerin', ['Water', 'sh‑Polypeptide‑1', 'Glycerin']],
  ['a bilingual heading', 'INGREDIENTS/INGRÉDIENTS: Aqua/Water/Eau, Glycerin, Camellia sinensis Callus Culture extracts, Sodium Benzoate', ['Aqua/Water/Eau', 'Glycerin', 'Camellia sinensis Callus Culture extracts', 'Sodium Benzoate']],
  ['"Ingredients (INCI):" as a label in a block', 'Texture: light gel. Ingredients (INCI): Water, Human Fibroblast Conditioned Media, Polysorbate 80, Phenoxyethanol', ['Water', 'Human Fibroblast Conditioned Media', 'Polysorbate 80', 'Phenoxyethanol']],
  ['the full list wins over "key ingredients"', 'Key ingredients: Niacinamide, Peptides\nFull ingredients: Water, Niacinamide, Glycerin, Palmitoyl Tripeptide-1, Phenoxyethanol', ['Water', 'Niacinamide', 'Glycerin', 'Palmitoyl Tripeptide-1', 'Phenoxyethanol']],
];

/** The expected offsets: each name searched for after the one before. */
function expectedOffsets(text: string, names: readonly string[]): [number, number][] {
  let from = 0;
  return names.map((name) => {
    const start = text.indexOf(name, from);
    from = start + name.length;
    return [start, start + name.length];
  });
}

describe('findIngredientList', () => {
  test.each(cases)('%s', (_, text, expected) => {
    const list = findIngredientList(text);
    expect(list).not.toBeNull();
    const want = expected.map((e) => (typeof e === 'string' ? { name: e } : e));
    const got = list!.ingredients;
    expect(got.map((i) => i.name)).toEqual(want.map((w) => w.name));
    expect(got.map((i) => [i.start, i.end])).toEqual(expectedOffsets(text, want.map((w) => w.name)));
    for (const [i, ing] of got.entries()) {
      expect(text.slice(ing.start, ing.end)).toBe(ing.name);
      expect(ing.position).toBe(i + 1);
      expect(ing.normalised).toBe(normaliseName(ing.name));
      const w = want[i]!;
      expect({ percent: ing.percent, footnote: ing.footnote, mayContain: ing.mayContain }).toEqual({
        percent: w.percent,
        footnote: w.footnote,
        mayContain: w.mayContain ?? false,
      });
    }
    expect(list!.start).toBe(got[0]!.start);
    expect(list!.end).toBe(got[got.length - 1]!.end);
  });

  test.each([
    ['no list at all', 'Our serum contains live stem cells that renew your skin overnight.'],
    ['"ingredients" in prose', 'Ingredients matter to us, so we choose them carefully and never cut corners.'],
    ['a heading with nothing after it', 'Ingredients\n'],
    ['only highlights', 'Key ingredients: Niacinamide, Peptides'],
    ['a run of marketing words', 'Soft, smooth, radiant, firm, glowing, plump, dewy, bright, even, fresh, youthful'],
    ['a run of capitalised words without any usual INCI name', 'Paris, London, Berlin, Madrid, Rome, Vienna, Prague, Lisbon, Dublin'],
    ['empty text', ''],
  ])('finds none in %s', (_, text) => {
    expect(findIngredientList(text)).toBeNull();
  });

  it('reads the normalised name in lower case with plain hyphens and single spaces', () => {
    const text = 'Ingredients: Water, SH‑Oligopeptide‑1,  Butyrospermum   Parkii (Shea) Butter';
    const list = findIngredientList(text)!;
    expect(list.ingredients.map((i: Ingredient) => i.normalised)).toEqual(['water', 'sh-oligopeptide-1', 'butyrospermum parkii (shea) butter']);
    expect(list.heading).toBe('Ingredients');
  });

  it('gives a headless list a null heading', () => {
    const text = 'Water, Glycerin, Butylene Glycol, Niacinamide, Sodium Hyaluronate, Panthenol, Allantoin, Xanthan Gum, Phenoxyethanol';
    expect(findIngredientList(text)?.heading).toBeNull();
  });

  // A runaway (say, catastrophic backtracking) shows as this test's timeout; no wall-clock figure is asserted.
  it('never throws, and stays bounded, on hostile input', () => {
    const weird = [
      '('.repeat(50_000),
      `Ingredients: ${'Water, '.repeat(20_000)}`,
      `Ingredients: ${'('.repeat(5000)}Water, Glycerin`,
      `Ingredients:${'\n'.repeat(10_000)}Water, Glycerin`,
      `${'Ingredients: '.repeat(5000)}`,
      '\u0000\uFFFF\uD800 Ingredients: \uD800, Water',
      `${'Aqua, '.repeat(200_000)}`,
    ];
    for (const text of weird) {
      const list = findIngredientList(text);
      if (list) {
        expect(list.ingredients.length).toBeLessThanOrEqual(400);
        for (const i of list.ingredients) expect(text.slice(i.start, i.end)).toBe(i.name);
      }
    }
    expect(findIngredientList(undefined as unknown as string)).toBeNull();
  });
});
