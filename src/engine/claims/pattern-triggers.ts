/**
 * Derives, from a compromise match pattern, the words one of which must occur in any text the pattern matches.
 * The prefilter scans for these words only, so compromise never sees a sentence that could not match (the same
 * idea as compromise's own `buildNet`, which indexes patterns by the words they need). Of a pattern's required
 * terms we take the rarest: a term is as rare as its commonest alternative.
 */
import nlp from '../nlp.ts';
import { COMMON_WORDS, EVERYDAY_WORDS } from '../common-words.ts';

/** One term of a parsed compromise pattern: the subset of fields we read. */
interface PatternTerm {
  word?: string;
  anything?: boolean;
  greedy?: boolean;
  min?: number;
  max?: number;
  optional?: boolean;
  negative?: boolean;
  fuzzy?: boolean;
  regex?: unknown;
  fastOr?: Set<string>;
  choices?: PatternTerm[][];
}

/** Thrown when a pattern cannot be parsed or needs no literal word. */
export class PatternError extends Error {}

export interface PatternTriggers {
  words: string[];
  /** Whether the words include one too common on product pages to keep the prefilter sparse. */
  common: string[];
  /** Those of the words that are frequent on ordinary pages (EVERYDAY_WORDS). */
  everyday: string[];
}

/**
 * The lower-case word forms of the pattern's rarest required term.
 * @throws PatternError when every required term is a tag, wildcard or regex.
 */
export function patternTriggers(pattern: string): PatternTriggers {
  const terms = parsePattern(pattern);
  let best: PatternTriggers | undefined;
  let bestCost = Infinity;
  for (const term of terms) {
    if (term.optional || term.negative) continue;
    const words = literalWords(term);
    if (!words) continue;
    const unique = [...new Set(words)];
    const cost = wordsCost(unique);
    if (cost < bestCost) {
      best = { words: unique, common: unique.filter((w) => COMMON_WORDS.has(w)), everyday: unique.filter((w) => EVERYDAY_WORDS.has(w)) };
      bestCost = cost;
    }
  }
  if (!best) {
    throw new PatternError('needs at least one required literal word (tags, wildcards and regexes cannot be prefiltered)');
  }
  return best;
}

/**
 * Parses a pattern and refuses the shapes compromise 14 accepts but never matches. Used for `unless` patterns
 * too, which need no trigger words but fail just as silently.
 * @throws PatternError naming the trap.
 */
export function parsePattern(pattern: string): PatternTerm[] {
  let terms: PatternTerm[];
  try {
    terms = nlp.parseMatch(pattern);
  } catch (err) {
    throw new PatternError(`cannot be parsed by compromise (${(err as Error).message})`);
  }
  if (terms.length === 0) throw new PatternError('is empty once parsed');
  // compromise splits a (…|…) group at every "|", a /regex/'s own alternation included: "(/^(18|19)[0-9]+$/|x)"
  // becomes the words "/^(18", "19)[0-9]+$/" and "x", and the regex never matches.
  if (terms.some(splitRegex)) {
    throw new PatternError('has a /regex/ with "|" inside a (…|…) group, which compromise splits at the "|" and never matches; use a character class ([89]) or give the regex a pattern of its own');
  }
  terms.forEach((term, i) => {
    const next = terms[i + 1];
    // compromise 14 never matches a wildcard followed by a group with a multi-word choice: it fails silently.
    if (term.anything && (term.optional || term.greedy || term.min !== undefined) && next?.choices?.some((c) => c.length > 1)) {
      throw new PatternError('puts a wildcard right before a (…|…) group with a multi-word choice (a hyphenated word such as "room-temperature" counts as two), which compromise never matches; split the group into separate patterns');
    }
    // Nor after a greedy wildcard (`*`, `.{0,3}`) when the group holds a #Tag or /regex/ choice: "factor .{0,2}
    // (hundred|#Value) benefits" misses "factor, a hundred benefits". `.?` is not greedy and works.
    if (term.anything && (term.greedy || term.min !== undefined) && next?.choices?.some((c) => c.some((t) => !t.word && !t.fastOr && !t.choices))) {
      throw new PatternError('puts a wildcard right before a (…|…) group with a #Tag or /regex/ choice, which compromise never matches; move the tag out of the group into a pattern of its own');
    }
    // Nor after a greedy wildcard when the next term is optional and absent: "laser .{0,2} (fresh)? skin" misses
    // "laser on skin" (it matches only with "fresh"). Widening the range by one covers the optional word.
    if (term.anything && (term.greedy || term.min !== undefined) && next?.optional) {
      throw new PatternError('puts an optional term right after a wildcard (`*`, `.{m,n}`), which compromise matches only when the optional term is present; drop the optional term and widen the wildcard by one');
    }
  });
  return terms;
}

/** Whether a term (or a choice inside it) is a fragment of a /regex/ that a group's "|" cut apart. */
function splitRegex(term: PatternTerm): boolean {
  const fragment = (w: string) => w.startsWith('/') || w.endsWith('/');
  if (term.word !== undefined && fragment(term.word)) return true;
  if (term.fastOr && [...term.fastOr].some(fragment)) return true;
  return term.choices?.some((choice) => choice.some(splitRegex)) ?? false;
}

/**
 * How much a term's words would widen the prefilter: common words dominate, then everyday ones; among rare
 * terms, fewer and longer words make a sparser, faster regex.
 */
function wordsCost(words: readonly string[]): number {
  let cost = words.length - Math.min(...words.map((w) => w.length)) / 100;
  for (const w of words) cost += COMMON_WORDS.has(w) ? 1000 : EVERYDAY_WORDS.has(w) ? 100 : 0;
  return cost;
}

/** The literal words a term can match, or undefined when it can match words we cannot list. */
function literalWords(term: PatternTerm): string[] | undefined {
  if (term.fuzzy || term.regex) return undefined;
  if (term.fastOr) return [...term.fastOr].map((w) => w.toLowerCase());
  if (term.choices) {
    const words: string[] = [];
    for (const choice of term.choices) {
      const first = choice.find((t) => !t.optional && !t.negative);
      const own = first && literalWords(first);
      if (!own) return undefined;
      words.push(...own);
    }
    return words;
  }
  if (term.word) return [term.word.toLowerCase()];
  return undefined;
}

/**
 * Writes each hyphenated word the way compromise's tokenizer reads it. The tokenizer splits most compounds
 * ("room-temperature" → "room", "temperature") but keeps a few whole ("anti-aging", "TGF-β1"), and inside a
 * (…|…) group compromise compares a one-word choice with one term, so a split compound there never matched.
 * A split word becomes two words ("(room temperature|…)"), a whole one stays and is grouped when bare.
 * /regex/ terms are left alone.
 */
export function splitHyphenated(pattern: string): string {
  return pattern
    .split(/((?:^|(?<=[\s(|]))\/[^/]*\/(?=$|[\s)|]))/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(HYPHENATED, (word, offset: number) => {
      const parts = tokenize(word);
      if (parts.length > 1) return parts.join(' ');
      const before = part[offset - 1];
      const after = part[offset + word.length];
      // Inside a (…|…) group the word stays bare: a bracket there would nest a group, which compromise never
      // matches ("(egf|insulin-like growth factor)" must not become "(egf|(insulin-like) growth factor)").
      const head = part.slice(0, offset);
      const inGroup = (head.match(/\(/g) ?? []).length > (head.match(/\)/g) ?? []).length;
      const grouped = inGroup || ((before === '(' || before === '|') && (after === ')' || after === '|'));
      return grouped ? word : `(${word})`;
    })))
    .join('');
}

const HYPHENATED = /(?<![\p{L}\p{N}'’#@-])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+(?![\p{L}\p{N}'’-])/gu;

/** The terms compromise makes of a word, lower-case, without the hyphen it leaves on a split fragment. */
function tokenize(word: string): string[] {
  let parts = tokenCache.get(word);
  if (!parts) {
    parts = (nlp(word).terms().out('array') as string[]).map((t) => t.toLowerCase().replace(/-$/, ''));
    tokenCache.set(word, parts);
  }
  return parts;
}

const tokenCache = new Map<string, string[]>();

/**
 * Rewrites each `{word}` as the alternation of its inflections, e.g. `{grow}` → `(grow|grew|grows|…)`.
 * compromise ignores `{word}` inside `(a|b)` groups, and the prefilter needs the forms anyway.
 */
export function expandInflections(pattern: string): string {
  let depth = 0;
  let groupStart = -1;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '{') {
      const close = pattern.indexOf('}', i);
      const root = close > i ? pattern.slice(i + 1, close) : '';
      if (/^[a-z][a-z-]*$/.test(root)) {
        if (depth > 0 && multiWordChoice(pattern, groupStart, i)) {
          throw new PatternError(`inflects {${root}} inside a (…|…) group with several words in a choice; list its forms instead`);
        }
        const forms = inflections(root).join('|');
        out += depth > 0 ? forms : `(${forms})`;
        i = close;
        continue;
      }
    }
    if (ch === '(') {
      depth++;
      groupStart = i;
    }
    if (ch === ')') depth--;
    out += ch;
  }
  return out;
}

/** Whether the choice holding position `at` in the group opened at `start` has more than one word. */
function multiWordChoice(pattern: string, start: number, at: number): boolean {
  const close = pattern.indexOf(')', at);
  const group = pattern.slice(start + 1, close < 0 ? undefined : close);
  const offset = at - start - 1;
  let from = 0;
  for (const choice of group.split('|')) {
    if (offset >= from && offset <= from + choice.length) return choice.trim().split(/\s+/).length > 1;
    from += choice.length + 1;
  }
  return false;
}

/**
 * The root's forms as verb and as noun. compromise's own list for `{root}` holds oddities ("growly") and
 * misses real forms of words it reads as adjectives ("perfecting"), so we conjugate the word as a verb and
 * pluralise it as a noun, and add the regular endings compromise leaves out ("reprogrammed"). A form that
 * never occurs costs nothing but a branch of the prefilter's trie.
 */
export function inflections(root: string): string[] {
  let known = inflectionCache.get(root);
  if (!known) {
    known = computeInflections(root);
    inflectionCache.set(root, known);
  }
  return known;
}

/** Conjugating through compromise costs about a millisecond a word, and rules repeat the same roots. */
const inflectionCache = new Map<string, string[]>();

function computeInflections(root: string): string[] {
  const forms = new Set([root, `${root}s`]);
  const asVerb = nlp(root);
  asVerb.tag('Verb');
  for (const c of asVerb.verbs().conjugate() as Record<string, string>[]) {
    for (const form of Object.values(c)) if (!form.includes(' ')) forms.add(form.toLowerCase());
  }
  const asNoun = nlp(root);
  asNoun.tag('Noun');
  const plural = asNoun.nouns().toPlural().text().toLowerCase();
  if (plural && !plural.includes(' ')) forms.add(plural);
  const stem = root.endsWith('e') ? root.slice(0, -1) : root;
  forms.add(`${stem}ed`).add(`${stem}ing`);
  // Short verbs that end consonant-vowel-consonant double it: reprogrammed, resetting.
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(root)) forms.add(`${root}${root.at(-1)}ed`).add(`${root}${root.at(-1)}ing`);
  return [...forms];
}

/** At most this many patterns from one written pattern: beyond it the pattern should be two rules' worth. */
const MAX_SPLIT = 64;

/**
 * compromise 14 never matches a wildcard followed by a (…|…) group holding a multi-word choice, and a
 * vocabulary (or a hyphenated word) easily puts one there. So such a group is split: one pattern with the
 * group's one-word choices, and one per multi-word choice written out in place. `.{0,3} (cells|stem cells)`
 * becomes `.{0,3} (cells)` and `.{0,3} stem cells`. Patterns without the shape come back as they are.
 * @throws PatternError when one pattern would become more than MAX_SPLIT.
 */
export function splitWildcardGroups(pattern: string): string[] {
  const terms = topLevelTerms(pattern);
  const at = terms.findIndex((t, i) => i > 0 && WILDCARD.test(terms[i - 1]!) && /^\(.*\)$/.test(t) && splitChoices(t.slice(1, -1)).some((c) => c.includes(' ')));
  if (at < 0) return [pattern];
  const choices = splitChoices(terms[at]!.slice(1, -1));
  const single = choices.filter((c) => !c.includes(' '));
  const variants = [...(single.length > 0 ? [`(${single.join('|')})`] : []), ...choices.filter((c) => c.includes(' '))];
  const out = variants.flatMap((v) => splitWildcardGroups([...terms.slice(0, at), v, ...terms.slice(at + 1)].join(' ')));
  if (out.length > MAX_SPLIT) throw new PatternError(`becomes ${out.length} patterns once its multi-word choices after wildcards are written out (at most ${MAX_SPLIT}); make the wildcard's neighbour a one-word vocabulary or split the pattern`);
  return [...new Set(out)];
}

const WILDCARD = /^(\.\{\d*,?\d*\}|\*|\.\?|\.)$/;

/** The pattern's terms at the top level: a (…|…) group, with any suffix, is one term. */
function topLevelTerms(pattern: string): string[] {
  return splitOutsideGroups(pattern, ' ').filter((t) => t !== '');
}

/** A group's choices, split at its own top-level "|". */
function splitChoices(inner: string): string[] {
  return splitOutsideGroups(inner, '|').map((c) => c.trim());
}

/** `text` cut at each `separator` that stands outside every bracket. */
function splitOutsideGroups(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === separator && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}
