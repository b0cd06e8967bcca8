/**
 * Derives, from a compromise match pattern, the words one of which must occur in any text the pattern matches.
 * The prefilter scans for these words only, so compromise never sees a sentence that could not match
 * (the same idea as compromise's own `buildNet`, which indexes patterns by the words they need).
 */
import nlp from './nlp.ts';

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

/** Words too common to be worth scanning for: a pattern must need something rarer. */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or our so that the this to was were will with you your'.split(' '),
);

/**
 * Words so common on skincare pages that scanning for them would make most sentences candidates; a term
 * made of them is chosen only when the pattern has nothing rarer.
 */
const COMMON_WORDS = new Set(
  'active actives beauty care cream creams day face feel formula fresh help helps look looks natural new night product products serum serums skin skins'.split(' '),
);

/** Thrown when a pattern cannot be parsed or needs no distinctive literal word. */
export class PatternError extends Error {}

/**
 * The lower-case word forms of the pattern's most distinctive required term.
 * @throws PatternError when every required term is a tag, wildcard, regex or stop word.
 */
export function patternTriggers(pattern: string): string[] {
  let terms: PatternTerm[];
  try {
    terms = nlp.parseMatch(pattern) as PatternTerm[];
  } catch (err) {
    throw new PatternError(`cannot be parsed by compromise (${(err as Error).message})`);
  }
  if (terms.length === 0) throw new PatternError('is empty once parsed');
  let best: string[] | undefined;
  let bestScore = 0;
  for (const term of terms) {
    if (term.optional || term.negative) continue;
    const words = literalWords(term);
    if (!words || words.every((w) => STOP_WORDS.has(w))) continue;
    // Rarer words make a sparser prefilter; the shortest alternative bounds how rare the term is.
    const common = words.some((w) => COMMON_WORDS.has(w));
    const score = Math.min(...words.map((w) => w.length)) / (common ? 4 : 1);
    if (score > bestScore) {
      best = words;
      bestScore = score;
    }
  }
  if (!best) {
    throw new PatternError(
      'needs at least one required literal word that is not a stop word (tags, wildcards and regexes cannot be prefiltered)',
    );
  }
  return [...new Set(best)];
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

function inflections(root: string): string[] {
  const [term] = nlp.parseMatch(`{${root}}`) as PatternTerm[];
  const forms = new Set([root, ...(term?.fastOr ?? [])]);
  return [...forms];
}
