/**
 * compromise matches a wildcard (`.{0,6}`, `*`) up to the first place its neighbour fits, and gives up if the
 * rest of the pattern fails from there: `the higher .{0,6} the faster` never matches "the higher the cytokine
 * concentration, the faster", because the wildcard stops at the first "the". This tries every fit: the pattern
 * is cut at its wildcards, each piece is matched on its own, and the pieces are joined wherever the gaps
 * between them are as long as the wildcards allow. Asked only after compromise's own match has failed.
 */
import type { Nlp } from '../nlp.ts';

type View = ReturnType<Nlp>;
type Reg = ReturnType<Nlp['parseMatch']>[number];
/** The fields of a parsed term this module reads (compromise types parsed terms as plain objects). */
interface RegFields {
  anything?: boolean;
  greedy?: boolean;
  min?: number;
  max?: number;
}

/** A piece of a pattern between two wildcards, and how many words the wildcard before it lets pass. */
interface Piece {
  regs: Reg[];
  gap: { min: number; max: number };
  /** The same for the same words: patterns share pieces (a vocabulary), so a sentence matches each once. */
  key: string;
}

/** What one sentence has told about itself so far: how often each word stands in it, where each piece matched. */
export interface SentenceFits {
  counts?: Map<string, number>;
  pieces: Map<string, [number, number, number][]>;
}

/** How often each word form stands in the document (as written, and as compromise expands it: "don't" → do not). */
function wordCounts(doc: View): Map<string, number> {
  const counts = new Map<string, number>();
  for (const terms of doc.docs as { normal?: string; machine?: string; implicit?: string }[][]) {
    for (const t of terms) {
      for (const form of new Set([t.normal, t.machine, t.implicit])) if (form) counts.set(form, (counts.get(form) ?? 0) + 1);
    }
  }
  return counts;
}

/** In how many places a one-word term, or a choice of one-word terms, can stand; undefined for any other term. */
function placesFor(reg: Reg, counts: ReadonlyMap<string, number>): number | undefined {
  const r = reg as RegFields & { word?: string; fastOr?: Set<string>; optional?: boolean; negative?: boolean };
  if (r.optional || r.negative) return undefined;
  if (r.word !== undefined) return counts.get(r.word) ?? 0;
  if (r.fastOr instanceof Set) {
    let n = 0;
    for (const w of r.fastOr) n += counts.get(w) ?? 0;
    return n;
  }
  return undefined;
}

/** A piece's words as a key; compromise keeps one-word choices in a Set, which JSON would write as {}. */
function keyOf(regs: readonly Reg[]): string {
  return JSON.stringify(regs, (_, value: unknown) => (value instanceof Set ? [...(value as Set<string>)].sort() : value));
}

/** A wildcard that spans a range of words: `.{a,b}` or `*` (a lone `.` or `.?` stays inside its piece). */
function isRangeWildcard(reg: RegFields): boolean {
  return reg.anything === true && (reg.greedy === true || reg.min !== undefined || reg.max !== undefined);
}

/** The pattern's pieces, or null when there is nothing compromise's own match could have missed. */
export function piecesOf(regs: readonly Reg[]): Piece[] | null {
  const pieces: Piece[] = [];
  let current: Reg[] = [];
  let gap = { min: 0, max: 0 };
  for (const reg of regs) {
    if (!isRangeWildcard(reg)) {
      current.push(reg);
      continue;
    }
    // A wildcard at either end, or two in a row, adds nothing a piece could be joined across.
    if (current.length === 0) return null;
    pieces.push({ regs: current, gap, key: keyOf(current) });
    current = [];
    const { min, max } = reg as RegFields;
    gap = { min: min ?? 0, max: max ?? Infinity };
  }
  if (current.length === 0 || pieces.length === 0) return null;
  pieces.push({ regs: current, gap, key: keyOf(current) });
  return firstFitIsFinal(pieces) ? null : pieces;
}

/**
 * Whether compromise's first fit is as good as any: each piece after a wildcard is one word (compromise looks
 * ahead for exactly that) and is either the last or followed by a gap of any length, so the earliest fit leaves
 * the most room for what follows. `<A> .{0,6} <B>` and a meeting of concepts (`A * B * C`) are such patterns.
 */
function firstFitIsFinal(pieces: readonly Piece[]): boolean {
  return pieces.every((piece, i) => {
    if (i === 0) return true;
    const next = pieces[i + 1];
    return piece.regs.length === 1 && (next === undefined || (next.gap.min === 0 && next.gap.max === Infinity));
  });
}

/** [sentence, first word, word after the last] of each match of `regs` in `doc`. */
function matchesOf(doc: View, regs: Reg[]): [number, number, number][] {
  return (doc.match(regs).fullPointer as [number, number, number][]).map(([n, start, end]) => [n, start, end]);
}

/**
 * The first match of the pattern that joins its pieces across every wildcard's allowed gap, as a view of
 * `doc`, or null. (compromise looks ahead only for the first word after a wildcard, so even a piece that fits
 * once may be missed: "the higher .{0,6} the faster" stops at the first "the".) `seen` keeps each piece's
 * matches for the next pattern asked of the same sentence.
 */
export function matchEveryFit(doc: View, pieces: readonly Piece[], seen: SentenceFits = { pieces: new Map() }): View | null {
  // Where the first word of every piece after a wildcard can stand in one place at most, compromise has tried
  // the only join there is.
  const counts = (seen.counts ??= wordCounts(doc));
  if (pieces.every((piece, i) => i === 0 || (placesFor(piece.regs[0]!, counts) ?? 2) <= 1)) return null;
  const found: [number, number, number][][] = [];
  // The last piece first: the words a claim ends on are the likeliest to be missing.
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!;
    let at = seen.pieces.get(piece.key);
    if (at === undefined) seen.pieces.set(piece.key, (at = matchesOf(doc, piece.regs)));
    if (at.length === 0) return null;
    found[i] = at;
  }
  const join = (i: number, n: number, end: number): number | null => {
    if (i === pieces.length) return end;
    const { min, max } = pieces[i]!.gap;
    for (const [m, start, to] of found[i]!) {
      if (m !== n || start - end < min || start - end > max) continue;
      const last = join(i + 1, n, to);
      if (last !== null) return last;
    }
    return null;
  };
  for (const [n, start, end] of found[0]!) {
    const last = join(1, n, end);
    // compromise's typings take one pointer; at run time `update` takes a view's list of them.
    if (last !== null) return doc.update([[n, start, last]] as unknown as Parameters<View['update']>[0]) as View;
  }
  return null;
}
