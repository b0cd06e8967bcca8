/**
 * Finds the cytokines a text names, with one combined regular expression built from the lexicon's aliases
 * (no compromise: it is cheap enough for the content script). Pages write the same name many ways: IL-6,
 * IL 6, IL6; TGF-β3, TGF-beta 3, TGFb3; TNF‑α with a non-breaking hyphen. The expression allows a hyphen
 * (any of the Unicode ones), a space or nothing wherever a name changes from letters to digits or around a
 * Greek letter, accepts every spelling of the Greek letter, and matches whole tokens only, so IL-6 is not
 * found in IL-60 nor EGF in bEGF.
 */
import type { CompiledLexicon, CytokineMention, NormalisedAlias } from './lexicon-types.ts';

/** The compiled expression and how to tell which entry a hit names. */
export interface CytokineMatcher {
  regex: RegExp;
  /** Keyed by `aliasKey` of the alias; `forms` lists the only spellings accepted for an exact-case alias. */
  byKey: Map<string, { id: string; forms: Set<string> | null }>;
}

const HYPHEN = '[\\-\u2010\u2011\u2012\u2013\u2014\u2212]';
/** The characters that may part a name's pieces as a space; the quick look widens them for raw page text. */
export const SPACE_CHARS = ' \\t\u00a0\u2009\u202f';
export const SPACE = `[${SPACE_CHARS}]`;
/** A hyphen, one or two spaces, or nothing. Never a line break: in extracted text that ends a block. */
const SEPARATOR = `(?:${HYPHEN}|${SPACE}{1,2})?`;
/** Next to a lone letter only a hyphen or nothing: "IL-1a" is IL-1α, "IL-1 a key cytokine" is not. */
const HYPHEN_ONLY = `${HYPHEN}?`;

/** Greek letters as they appear in aliases and pages, to the one we keep (ß and ϐ stand in for β on the web). */
const GREEK: Record<string, string> = { α: 'α', Α: 'α', ɑ: 'α', β: 'β', Β: 'β', ß: 'β', ϐ: 'β', γ: 'γ', Γ: 'γ', κ: 'κ', Κ: 'κ', ϰ: 'κ' };
const SPELLED: Record<string, string> = { alpha: 'α', beta: 'β', gamma: 'γ', kappa: 'κ' };
const LATIN: Record<string, string> = { α: 'a', β: 'b', γ: 'g', κ: 'k' };
/** The Greek letter itself or its name, in any case. */
const GREEK_FULL: Record<string, string> = {
  α: '(?:[αΑɑ]|[aA][lL][pP][hH][aA])',
  β: '(?:[βΒßϐ]|[bB][eE][tT][aA])',
  γ: '(?:[γΓ]|[gG][aA][mM][mM][aA])',
  κ: '(?:[κΚϰ]|[kK][aA][pP][pP][aA])',
};
const GREEK_CHARS = Object.keys(GREEK).join('');
const TOKEN_CHAR = /[\p{L}\p{N}]/u;
const PIECES = new RegExp(`[${GREEK_CHARS}]|\\p{N}+|[^\\p{N}${GREEK_CHARS}]+`, 'gu');

/**
 * Cuts an alias into the parts between which pages vary the separator (see `NormalisedAlias`).
 * "TGF-beta 3" → tgf, β, 3; "IL6" → il, 6; "bFGF" → bFGF (exact case).
 */
export function normaliseAlias(alias: string): Omit<NormalisedAlias, 'id'> {
  const words = alias.normalize('NFC').split(new RegExp(`(?:${HYPHEN}|\\s)+`, 'u')).filter((w) => w.length > 0);
  if (words.length === 1 && /^\p{L}+$/u.test(words[0]!) && ![...words[0]!].some((c) => c in GREEK)) {
    return { parts: [words[0]!], exactCase: true };
  }
  const parts: string[] = [];
  for (const word of words) {
    for (const piece of word.match(PIECES) ?? []) {
      const lower = piece.toLowerCase();
      parts.push(GREEK[piece] ?? SPELLED[lower] ?? lower);
    }
  }
  return { parts, exactCase: false };
}

/**
 * What two spellings of one name have in common: lower case, no separators, Greek letters and their names
 * as one Latin letter, one kind of apostrophe. "TGF-β3", "TGF-beta 3" and "tgfb3" all give `tgfb3`. Two
 * entries whose aliases share a key would be indistinguishable, so the compiler refuses them.
 */
export function aliasKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\-\u2010-\u2014\u2212]+/g, '')
    .replace(/alpha|beta|gamma|kappa/g, (name) => name[0]!)
    .replace(/[αβγκßϐɑϰ]/g, (c) => LATIN[GREEK[c]!]!)
    .replace(/’/g, "'");
}

/** Builds the one expression for a lexicon's aliases: a trie, so shared beginnings are tried once. */
export function buildCytokineMatcher(aliases: readonly NormalisedAlias[]): CytokineMatcher {
  const root: TrieNode = { children: new Map(), end: false };
  const byKey: CytokineMatcher['byKey'] = new Map();
  for (const alias of aliases) {
    for (const atoms of atomSequences(alias)) {
      let node = root;
      for (const atom of atoms) {
        let child = node.children.get(atom);
        if (!child) node.children.set(atom, (child = { children: new Map(), end: false }));
        node = child;
      }
      node.end = true;
    }
    const word = alias.parts[0]!;
    const forms = alias.exactCase ? [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)] : null;
    const key = aliasKey(alias.parts.join(''));
    const known = byKey.get(key);
    if (!known) byKey.set(key, { id: alias.id, forms: forms && new Set(forms) });
    // Same entry, another spelling: any alias free of case widens the key to every case.
    else if (known.id === alias.id) known.forms = known.forms && forms ? new Set([...known.forms, ...forms]) : null;
    // A key shared by two entries is refused by the compiler; here the first entry keeps it.
  }
  const body = root.children.size > 0 ? emit(root) : '(?!)';
  // A letter or digit after the name means we are inside a longer token; `\b` is ASCII-only, so spell it
  // out. The same check before the name is done by `findCytokines`: a leading lookbehind stops V8 from
  // skipping ahead to the possible first characters, and costs five times as much on a page full of names.
  const regex = new RegExp(`${body}(?![\\p{L}\\p{N}])`, 'gu');
  return { regex, byKey };
}

/**
 * The beginnings (the first `depth` characters or separators) of every spelling `buildCytokineMatcher` accepts,
 * as one expression without the `u` flag: every name it finds starts with a match of this one, so this one can
 * tell cheaply that a text names none. The whole expression is some 11,000 characters, and compiling it on its
 * first use took 16–60 ms of a page's main thread; this one is a small fraction of that.
 */
export function cytokinePrefixSource(aliases: readonly NormalisedAlias[], depth: number): string {
  const root: TrieNode = { children: new Map(), end: false };
  for (const alias of aliases) {
    for (const atoms of atomSequences(alias)) {
      let node = root;
      for (const atom of atoms.slice(0, depth)) {
        let child = node.children.get(atom);
        if (!child) node.children.set(atom, (child = { children: new Map(), end: false }));
        node = child;
      }
      node.end = true;
    }
  }
  return root.children.size > 0 ? emitPrefixes(root) : '(?!)';
}

/** Like `emit`, but a node that ends some prefix needs nothing more: shorter is enough for a hint. */
function emitPrefixes(node: TrieNode): string {
  if (node.end) return '';
  const branches = [...node.children].map(([atom, child]) => atom + emitPrefixes(child));
  return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
}

const matchers = new WeakMap<CompiledLexicon['matcher'], CytokineMatcher>();

/** Every cytokine named in `text`, in text order. */
export function findCytokines(text: string, lexicon: Pick<CompiledLexicon, 'matcher'> | CytokineMatcher): CytokineMention[] {
  let matcher: CytokineMatcher | undefined;
  if ('regex' in lexicon) matcher = lexicon;
  else {
    matcher = matchers.get(lexicon.matcher);
    if (!matcher) matchers.set(lexicon.matcher, (matcher = buildCytokineMatcher(lexicon.matcher.aliases)));
  }
  const out: CytokineMention[] = [];
  const regex = matcher.regex;
  regex.lastIndex = 0;
  for (let hit = regex.exec(text); hit !== null; hit = regex.exec(text)) {
    if (hit.index > 0 && TOKEN_CHAR.test(text.slice(hit.index - 1, hit.index))) {
      // Inside a longer token ("bEGF"): a real name may still start further in, so look again one on.
      regex.lastIndex = hit.index + 1;
      continue;
    }
    const found = matcher.byKey.get(aliasKey(hit[0]));
    // An exact-case alias written another way is the ordinary word ("sod", "noggin"), not the protein.
    if (!found || (found.forms && !found.forms.has(hit[0]))) continue;
    out.push({ id: found.id, start: hit.index, end: hit.index + hit[0].length, text: hit[0] });
  }
  return out;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

/** Longer names first: every branch is tried before the name may end here, so "IL-1RA" wins over "IL-1". */
function emit(node: TrieNode): string {
  const branches = [...node.children].map(([atom, child]) => atom + emit(child));
  if (node.end) branches.push('');
  if (branches.length === 1) return branches[0]!;
  return `(?:${branches.join('|')})`;
}

/** One regular-expression fragment per character or separator; a Greek part gives two variants (β or b). */
function atomSequences(alias: NormalisedAlias): string[][] {
  // Exact-case aliases match in any case here; `findCytokines` then keeps only the accepted spellings.
  if (alias.exactCase) return [charAtoms(alias.parts[0]!.toLowerCase())];
  let variants: { atoms: string[]; lone: boolean; word: boolean }[][] = [[]];
  for (const part of alias.parts) {
    const options = LATIN[part]
      ? [
          { atoms: [GREEK_FULL[part]!], lone: false, word: false },
          { atoms: charAtoms(LATIN[part]), lone: true, word: false },
        ]
      : [{ atoms: charAtoms(part), lone: /^[a-z]$/.test(part), word: /^\p{L}{4,}$/u.test(part) }];
    variants = variants.flatMap((v) => options.map((o) => [...v, o]));
  }
  return variants.map((parts) =>
    parts.flatMap((part, i) => {
      if (i === 0) return part.atoms;
      const previous = parts[i - 1]!;
      // "gelatinase A" is written with a space; "IL-1 a" is a sentence, not IL-1α.
      const tight = previous.lone || (part.lone && !previous.word);
      return [tight ? HYPHEN_ONLY : SEPARATOR, ...part.atoms];
    }),
  );
}

function charAtoms(part: string): string[] {
  return [...part].map((c) => {
    if (c === '’' || c === "'") return "['’]";
    const upper = c.toUpperCase();
    if (upper !== c && upper.length === 1) return `[${c}${upper}]`;
    return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  });
}
