/**
 * Reads a page's claims against its own ingredient list. A finding counts as a claim of stem cells, growth
 * factors or exosomes when the INCI lexicon's `claims` say so (its rule is listed and its sentence names the
 * subject); the list's ingredients are classed by the same lexicon. Each mismatch becomes one cross-check:
 *
 * - `stem-cells-not-listed`: stem cells claimed, and no cell-derived ingredient listed at all.
 * - `stem-cells-only-plant-culture`: stem cells claimed, and the only cell-derived ingredients are plant
 *   cell culture extracts (no living cells, nothing human).
 * - `growth-factors-not-listed`: growth factors or cytokines claimed, and nothing listed that is one or
 *   could carry one (a recombinant factor, a human conditioned medium, lysate or exosome).
 * - `growth-factors-only-peptides`: the same, but short synthetic peptides are listed, as if they were.
 * - `exosomes-not-listed`: exosomes claimed, and no exosome or vesicle ingredient listed.
 * - `named-factor-not-listed`: a claim, or the page's own copy outside the list, names a growth factor (EGF,
 *   IGF-1, VEGF …) that no listed ingredient is, and nothing listed could carry it. A page that names its
 *   actives needs no rule to fire for this: the names are the claim. Such a check with no finding behind it
 *   carries the rule id NAMED_ACTIVES.
 * - `concentration-unlikely`: a claimed percentage ("10% stem cell extract") that the ingredient's place in
 *   the list rules out, by the labelling rules: ingredients above 1% come in descending order, so what comes
 *   after a preservative capped at 1% is at most 1%, and the n-th ingredient cannot exceed 100/n %.
 *
 * With no list, or no mismatch, there are no cross-checks. Each kind is reported once per subject, against
 * the first finding (in page order) that makes the claim.
 */
import { classifyIngredients, type ClassifiedIngredient } from './classify-ingredients.ts';
import { findCytokines } from '../cytokines/find-cytokines.ts';
import { findIngredientList } from './find-ingredient-list.ts';
import type { CompiledLexicon, CytokineMention } from '../cytokines/lexicon-types.ts';
import type { ClaimTopic, CompiledInciLexicon, IngredientList } from './inci-types.ts';
import type { CrossCheck, Finding } from '../types.ts';

/** The `ruleId` of a cross-check that no finding made: the page names its actives, and the list lacks them. */
export const NAMED_ACTIVES = 'named-actives';

/** What the cross-check needs of the cytokine lexicon: the matcher, and names and classes to tell a growth factor. */
type CytokineLexicon = Pick<CompiledLexicon, 'entries' | 'matcher'>;

/**
 * The cross-checks of a page: finds its ingredient list in `text` (the extracted text the findings index)
 * and reads the findings against it.
 */
export function crossCheck(
  text: string,
  findings: readonly Finding[],
  inciLexicon: CompiledInciLexicon,
  cytokineLexicon: CytokineLexicon,
): CrossCheck[] {
  return crossCheckList(findIngredientList(text), findings, inciLexicon, cytokineLexicon);
}

/**
 * The same, with the list already found (by `findIngredientList` on the same text, e.g. in the content
 * script, so the background needs only the list and the findings). The growth factors a claim names are
 * read from the finding's own sentence; `named` holds the lexicon ids the page's copy names outside its list.
 */
export function crossCheckList(
  list: IngredientList | null,
  findings: readonly Finding[],
  inciLexicon: CompiledInciLexicon,
  cytokineLexicon: CytokineLexicon,
  named: readonly string[] = [],
): CrossCheck[] {
  if (!list || (findings.length === 0 && named.length === 0) || inciLexicon.entries.length === 0) return [];
  const classified = classifyIngredients(list.ingredients, inciLexicon, cytokineLexicon);
  const inList = (start: number, end: number) => start < list.end && end > list.start;
  // Claims made inside the list itself ("sh-Oligopeptide-1 (EGF)") are the list speaking, not a claim.
  const claims = [...findings].filter((f) => !inList(f.start, f.end)).sort((a, b) => a.start - b.start);
  const growthFactorIds = new Set(cytokineLexicon.entries.filter((e) => e.class === 'growth-factor').map((e) => e.id));
  const names = new Map(cytokineLexicon.entries.map((e) => [e.id, e.name]));
  const sentenceMentions = claims.map((f) => findCytokines(f.sentence, cytokineLexicon));
  const mentionsIn = (i: number): readonly CytokineMention[] => sentenceMentions[i]!;
  const topicMatchers = Object.fromEntries(
    (Object.keys(inciLexicon.claims) as ClaimTopic[]).map((t) => [t, termMatcher(inciLexicon.claims[t].terms)]),
  ) as Record<ClaimTopic, RegExp>;
  const claimsTopic = (i: number, topic: ClaimTopic) => {
    const spec = inciLexicon.claims[topic];
    const f = claims[i]!;
    if (!spec.rules.includes(f.ruleId)) return false;
    if (topicMatchers[topic].test(f.sentence)) return true;
    return spec.cytokines && mentionsIn(i).some((m) => growthFactorIds.has(m.id));
  };
  const first = (topic: ClaimTopic) => claims.findIndex((_, i) => claimsTopic(i, topic));

  const of = (...classes: ClassifiedIngredient['class'][]) => classified.filter((c) => classes.includes(c.class) && !c.ingredient.mayContain);
  const written = (cs: readonly ClassifiedIngredient[]) => [...new Set(cs.map((c) => c.ingredient.name))];
  const humanOrAnimal = (c: ClassifiedIngredient) => c.origin === 'human' || c.origin === 'animal';
  const cellDerived = of('plant-cell-culture', 'human-conditioned-media', 'culture-filtrate-or-lysate', 'exosome');
  const factorCarriers = [
    ...of('human-conditioned-media', 'culture-filtrate-or-lysate'),
    ...of('exosome').filter(humanOrAnimal),
  ];
  const recombinant = of('recombinant-growth-factor');
  const out: CrossCheck[] = [];

  const stem = first('stem-cells');
  if (stem >= 0) {
    const ruleId = claims[stem]!.ruleId;
    if (cellDerived.length === 0) {
      out.push({
        ruleId,
        kind: 'stem-cells-not-listed',
        ingredients: [],
        message: 'The page claims stem cells, but its ingredient list names no ingredient made from cells: no stem cell extract, conditioned medium or cell culture extract.',
      });
    } else if (cellDerived.every((c) => c.class === 'plant-cell-culture')) {
      const plants = written(cellDerived);
      out.push({
        ruleId,
        kind: 'stem-cells-only-plant-culture',
        ingredients: plants,
        message: `The page claims stem cells, but the only cell-derived ${plants.length === 1 ? 'ingredient it lists is a plant cell culture extract' : 'ingredients it lists are plant cell culture extracts'} (${plants.join(', ')}): ${plants.length === 1 ? 'it holds' : 'they hold'} no living cells and no human stem cells.`,
      });
    }
  }

  const growth = first('growth-factors');
  if (growth >= 0 && recombinant.length === 0 && factorCarriers.length === 0) {
    const ruleId = claims[growth]!.ruleId;
    const peptides = written(of('synthetic-peptide'));
    if (peptides.length > 0) {
      out.push({
        ruleId,
        kind: 'growth-factors-only-peptides',
        ingredients: peptides,
        message: `The page claims growth factors or cytokines, but its ingredient list names none: the nearest are short synthetic peptides (${peptides.join(', ')}), chains of a few amino acids made by chemical synthesis, not growth factors or cytokines.`,
      });
    } else {
      const plants = written(of('plant-cell-culture'));
      out.push({
        ruleId,
        kind: 'growth-factors-not-listed',
        ingredients: plants,
        message: `The page claims growth factors or cytokines, but its ingredient list names none, and nothing that could carry them (no recombinant growth factor such as sh-Oligopeptide-1, no human conditioned medium)${plants.length > 0 ? `; plant cell culture extracts (${plants.join(', ')}) make no human growth factors` : ''}.`,
      });
    }
  }

  const exo = first('exosomes');
  if (exo >= 0 && of('exosome').length === 0) {
    const carriers = written(of('carrier'));
    out.push({
      ruleId: claims[exo]!.ruleId,
      kind: 'exosomes-not-listed',
      ingredients: carriers,
      message: `The page claims exosomes, but its ingredient list names no exosome or extracellular vesicle ingredient${carriers.length > 0 ? `; the carrier ingredients it lists (${carriers.join(', ')}) make man-made vesicles such as liposomes, not exosomes` : ''}.`,
    });
  }

  // A growth factor named in a claim, that nothing on the list is or could carry. A listed recombinant
  // protein whose identity the lexicon does not know (sh-Polypeptide-9) might be it: say nothing then.
  if (factorCarriers.length === 0 && recombinant.every((c) => c.factor !== undefined)) {
    const listed = new Set(recombinant.map((c) => c.factor));
    const reported = new Set<string>();
    claims.forEach((f, i) => {
      if (!claimsTopic(i, 'growth-factors')) return;
      for (const m of mentionsIn(i)) {
        if (!growthFactorIds.has(m.id) || listed.has(m.id) || reported.has(m.id)) continue;
        reported.add(m.id);
        out.push(namedFactorCheck(f.ruleId, m.id, m.text));
      }
    });
    // The page's own copy naming a factor is a claim of it, whether or not a rule fired.
    for (const id of named) {
      if (!growthFactorIds.has(id) || listed.has(id) || reported.has(id)) continue;
      reported.add(id);
      out.push(namedFactorCheck(NAMED_ACTIVES, id, names.get(id) ?? id));
    }
  }

  out.push(...concentrationChecks(claims, classified, inList, inciLexicon));
  return out;

  function namedFactorCheck(ruleId: string, id: string, written: string): CrossCheck {
    const inci = inciLexicon.entries.filter((e) => e.factor === id).map((e) => e.name);
    const name = names.get(id) ?? written;
    const shown = written === name ? name : `${name} ("${written}")`;
    return {
      ruleId,
      kind: 'named-factor-not-listed',
      ingredients: [],
      message: `The page names ${shown}, but no ingredient on its list is ${name}${inci.length > 0 ? ` (its INCI name would be ${inci.join(' or ')})` : ''}, and nothing listed could carry it.`,
    };
  }
}

/** Which classes a claimed concentration of each topic can refer to. */
const CONCENTRATION_CLASSES: Record<ClaimTopic, readonly ClassifiedIngredient['class'][]> = {
  'stem-cells': ['plant-cell-culture', 'human-conditioned-media', 'culture-filtrate-or-lysate'],
  'growth-factors': ['recombinant-growth-factor', 'human-conditioned-media', 'culture-filtrate-or-lysate'],
  exosomes: ['exosome'],
};

/** A percentage claimed for a topic's ingredient in a finding's sentence. */
function concentrationChecks(
  claims: readonly Finding[],
  classified: readonly ClassifiedIngredient[],
  inList: (start: number, end: number) => boolean,
  lexicon: CompiledInciLexicon,
): CrossCheck[] {
  const out: CrossCheck[] = [];
  const reported = new Set<string>();
  const topics = Object.keys(lexicon.claims) as ClaimTopic[];
  for (const f of claims) {
    if (inList(f.start, f.end)) continue;
    // Any finding can carry the figure: the phrase itself names what it is a percentage of.
    for (const topic of topics) {
      for (const claimed of claimedPercents(f.sentence, lexicon.claims[topic].terms)) {
        if (claimed.percent <= 1 || reported.has(`${topic}:${claimed.phrase}`)) continue;
        const candidates = classified.filter((c) => CONCENTRATION_CLASSES[topic].includes(c.class) && !c.ingredient.mayContain);
        if (candidates.length === 0) continue;
        const target = candidates[0]!;
        const position = target.ingredient.position;
        const cap = classified.find((c) => c.class === 'capped-preservative' && c.ingredient.position < position && (c.maxPercent ?? 100) < claimed.percent);
        const bound = Math.floor((100 / position) * 10) / 10;
        let reason: string | undefined;
        if (cap) {
          reason = `it is listed after ${cap.ingredient.name}, which the EU allows at no more than ${cap.maxPercent}%; ingredients above 1% must be listed in descending order, so everything after ${cap.ingredient.name} is at most ${cap.maxPercent}%`;
        } else if (position * claimed.percent > 100) {
          reason = `it is ingredient number ${position} on the list, and the ${position - 1} listed before it must each be at least as concentrated, so it can be at most ${bound}%`;
        }
        if (!reason) continue;
        reported.add(`${topic}:${claimed.phrase}`);
        out.push({
          ruleId: f.ruleId,
          kind: 'concentration-unlikely',
          ingredients: [target.ingredient.name],
          message: `The page claims "${claimed.phrase}", but the ingredient list makes that unlikely for ${target.ingredient.name}: ${reason}. The figure may count a supplier's blend as sold (mostly water or glycerin), which is not the same thing.`,
        });
      }
    }
  }
  return out;
}

/** "10% stem cell extract", "20 % growth factors", "stem cell extract (10%)". */
function claimedPercents(sentence: string, terms: readonly string[]): { percent: number; phrase: string }[] {
  const term = termSource(terms);
  const number = String.raw`(\d{1,3}(?:[.,]\d+)?)\s?%`;
  const out: { percent: number; phrase: string }[] = [];
  const before = new RegExp(String.raw`${number}\s+(?:of\s+)?(?:[\p{L}-]+\s+){0,3}?${term}(?:\s+(?:extracts?|complex|serum|media|medium|concentrate))?`, 'giud');
  const after = new RegExp(String.raw`${term}(?:\s+(?:extracts?|complex|serum|media|medium|concentrate))?\s*(?:\(|:|at|of)?\s*${number}`, 'giud');
  // One figure is one claim: "200 growth factors: 20% growth factors" reads the 20% once, with the words
  // after it ("20% growth factors") rather than before.
  const used = new Set<number>();
  for (const regex of [before, after]) {
    for (const m of sentence.matchAll(regex)) {
      const at = m.indices?.[1]?.[0] ?? m.index;
      if (used.has(at)) continue;
      used.add(at);
      const percent = Number(m[1]!.replace(',', '.'));
      if (Number.isFinite(percent)) out.push({ percent, phrase: m[0].trim() });
    }
  }
  return out;
}

/** A topic's terms as one expression: whole words, any case, a hyphen or a space between words alike. */
function termSource(terms: readonly string[]): string {
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.split(/[\s-]+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]'));
  return `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`;
}

function termMatcher(terms: readonly string[]): RegExp {
  return new RegExp(termSource(terms), 'iu');
}
