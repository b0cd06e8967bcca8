/**
 * Derives, from a compromise match pattern, the words one of which must occur in any text the pattern matches.
 * The prefilter scans for these words only, so compromise never sees a sentence that could not match (the same
 * idea as compromise's own `buildNet`, which indexes patterns by the words they need). Of a pattern's required
 * terms we take the rarest: a term is as rare as its commonest alternative.
 */
import nlp from './nlp.ts';
import { COMMON_WORDS } from './common-words.ts';

/** One term of a parsed compromise pattern: the subset of fields we read. */
interface PatternTerm {
  word?: string;
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
}

/**
 * The lower-case word forms of the pattern's rarest required term.
 * @throws PatternError when every required term is a tag, wildcard or regex.
 */
export function patternTriggers(pattern: string): PatternTriggers {
  let terms: PatternTerm[];
  try {
    terms = nlp.parseMatch(pattern) as PatternTerm[];
  } catch (err) {
    throw new PatternError(`cannot be parsed by compromise (${(err as Error).message})`);
  }
  if (terms.length === 0) throw new PatternError('is empty once parsed');
  let best: PatternTriggers | undefined;
  let bestCost = Infinity;
  for (const term of terms) {
    if (term.optional || term.negative) continue;
    const words = literalWords(term);
    if (!words) continue;
    const unique = [...new Set(words)];
    const common = unique.filter((w) => COMMON_WORDS.has(w));
    // Common words dominate; among rare terms, fewer and longer words make a sparser, faster regex.
    const cost = common.length * 1000 + unique.length - Math.min(...unique.map((w) => w.length)) / 100;
    if (cost < bestCost) {
      best = { words: unique, common };
      bestCost = cost;
    }
  }
  if (!best) {
    throw new PatternError('needs at least one required literal word (tags, wildcards and regexes cannot be prefiltered)');
  }
  return best;
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
 * Rewrites each `{word}` as the alternation of its inflections, e.g. `{grow}` → `(grow|grew|grows|…)`.
 * compromise ignores `{word}` inside `(a|b)` groups, and the prefilter needs the forms anyway.
 */
export function expandInflections(pattern: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '{') {
      const close = pattern.indexOf('}', i);
      const root = close > i ? pattern.slice(i + 1, close) : '';
      if (/^[a-z][a-z-]*$/.test(root)) {
        const forms = inflections(root).join('|');
        out += depth > 0 ? forms : `(${forms})`;
        i = close;
        continue;
      }
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    out += ch;
  }
  return out;
}

/** The root's real forms: compromise's own list for `{root}` also holds oddities like "growly" and "cellest". */
function inflections(root: string): string[] {
  const doc = nlp(root);
  const forms = new Set([root]);
  for (const c of doc.verbs().conjugate() as Record<string, string>[]) {
    for (const form of Object.values(c)) if (!form.includes(' ')) forms.add(form.toLowerCase());
  }
  const plural = nlp(root).nouns().toPlural().text().toLowerCase();
  if (plural && !plural.includes(' ')) forms.add(plural);
  // A word compromise does not know as a verb or noun still gets its plain -s form.
  if (forms.size === 1) forms.add(`${root}s`);
  return [...forms];
}
