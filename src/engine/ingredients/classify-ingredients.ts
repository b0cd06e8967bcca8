/**
 * Says what each ingredient of a list is, from the INCI lexicon: first by name (every alias, with or without
 * its parenthesised common name, or one of its slash-separated names), then by the shape of the name (the
 * lexicon's families), then, for a name the lexicon does not know, by a growth factor it names ("Epidermal
 * Growth Factor", "rh-EGF").
 */
import { findCytokines, type CytokineMatcher } from '../cytokines/find-cytokines.ts';
import type { CompiledLexicon } from '../cytokines/lexicon-types.ts';
import type { CompiledInciLexicon, InciClass, InciOrigin, Ingredient } from './inci-types.ts';

/** What an ingredient was recognised as. */
export interface ClassifiedIngredient {
  ingredient: Ingredient;
  class: InciClass;
  origin: InciOrigin;
  /** The lexicon entry or family that recognised it (`cytokine:<id>` for a growth factor named outright). */
  via: string;
  /** The cytokine lexicon id of the factor it is, for a recombinant growth factor whose identity is known. */
  factor?: string;
  /** For a capped preservative: the highest concentration allowed, in percent. */
  maxPercent?: number;
}

/** The lexicon indexed for lookups; build once per lexicon. */
export interface InciIndex {
  byKey: Map<string, CompiledInciLexicon['entries'][number]>;
  families: { family: CompiledInciLexicon['families'][number]; regex: RegExp }[];
}

/**
 * The form names are compared in: lower case, every run of characters other than letters, digits and "/"
 * turned into one space. "sh-Oligopeptide-1" and "SH Oligopeptide 1" both read "sh oligopeptide 1";
 * "Water (Aqua)" reads "water aqua".
 */
export function inciKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();
}

/**
 * Every key a written name may be found under: the whole name; without its parenthesised parts
 * ("Pyrus Malus (Apple) Fruit Extract" → "pyrus malus fruit extract"); each parenthesised part alone ("Water
 * (Aqua)" → "aqua"); and, for "Aqua/Water/Eau", each slash-separated name.
 */
export function lookupKeys(name: string): string[] {
  const keys = new Set<string>([inciKey(name)]);
  const bare = name.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
  keys.add(inciKey(bare));
  for (const m of name.matchAll(/\(([^()]*)\)/g)) keys.add(inciKey(m[1]!));
  for (const k of [...keys]) if (k.includes('/')) for (const part of k.split('/')) keys.add(part.trim());
  keys.delete('');
  return [...keys];
}

export function buildInciIndex(lexicon: Pick<CompiledInciLexicon, 'entries' | 'families'>): InciIndex {
  const byKey = new Map<string, CompiledInciLexicon['entries'][number]>();
  for (const entry of lexicon.entries) for (const alias of entry.aliases) byKey.set(inciKey(alias), entry);
  return { byKey, families: lexicon.families.map((family) => ({ family, regex: new RegExp(family.pattern, 'u') })) };
}

const indexes = new WeakMap<object, InciIndex>();

/** The index of a lexicon, built on first use. */
export function inciIndexOf(lexicon: Pick<CompiledInciLexicon, 'entries' | 'families'>): InciIndex {
  let index = indexes.get(lexicon);
  if (!index) {
    index = buildInciIndex(lexicon);
    indexes.set(lexicon, index);
  }
  return index;
}

/** The class of one written name, or undefined when the lexicon does not know it. */
export function classifyName(
  name: string,
  index: InciIndex,
  cytokines?: { matcher: CytokineMatcher | Pick<CompiledLexicon, 'matcher'>; lexicon: Pick<CompiledLexicon, 'entries'> },
): Omit<ClassifiedIngredient, 'ingredient'> | undefined {
  const keys = lookupKeys(name);
  for (const key of keys) {
    const entry = index.byKey.get(key);
    if (entry) {
      const found: Omit<ClassifiedIngredient, 'ingredient'> = { class: entry.class, origin: entry.origin, via: entry.id };
      if (entry.factor !== undefined) found.factor = entry.factor;
      if (entry.maxPercent !== undefined) found.maxPercent = entry.maxPercent;
      return found;
    }
  }
  const key = keys[0] ?? '';
  for (const { family, regex } of index.families) {
    if (regex.test(key)) return { class: family.class, origin: family.origin, via: family.id };
  }
  if (cytokines) {
    // A growth factor named outright in a list ("Epidermal Growth Factor", "rh-bFGF") is the factor itself.
    const classOf = new Map(cytokines.lexicon.entries.map((e) => [e.id, e.class]));
    const factor = findCytokines(name, cytokines.matcher).find((m) => classOf.get(m.id) === 'growth-factor');
    if (factor) return { class: 'recombinant-growth-factor', origin: 'recombinant', via: `cytokine:${factor.id}`, factor: factor.id };
  }
  return undefined;
}

/** The ingredients of a list that the lexicon recognises, in list order. */
export function classifyIngredients(
  ingredients: readonly Ingredient[],
  lexicon: Pick<CompiledInciLexicon, 'entries' | 'families'>,
  cytokineLexicon?: Pick<CompiledLexicon, 'entries' | 'matcher'>,
): ClassifiedIngredient[] {
  const index = inciIndexOf(lexicon);
  const cytokines = cytokineLexicon && cytokineLexicon.entries.length > 0 ? { matcher: cytokineLexicon, lexicon: cytokineLexicon } : undefined;
  const out: ClassifiedIngredient[] = [];
  for (const ingredient of ingredients) {
    const found = classifyName(ingredient.name, index, cytokines);
    if (found) out.push({ ingredient, ...found });
  }
  return out;
}
