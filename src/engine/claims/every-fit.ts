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
}

/** A wildcard that spans a range of words: `.{a,b}` or `*` (a lone `.` or `.?` stays inside its piece). */
function isRangeWildcard(reg: RegFields): boolean {
  return reg.anything === true && (reg.greedy === true || reg.min !== undefined || reg.max !== undefined);
}

/** The pattern's pieces, or null when it has no wildcard between two pieces (compromise's answer is final). */
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
    pieces.push({ regs: current, gap });
    current = [];
    const { min, max } = reg as RegFields;
    gap = { min: min ?? 0, max: max ?? Infinity };
  }
  if (current.length === 0 || pieces.length === 0) return null;
  pieces.push({ regs: current, gap });
  return pieces;
}

/** [sentence, first word, word after the last] of each match of `regs` in `doc`. */
function matchesOf(doc: View, regs: Reg[]): [number, number, number][] {
  return (doc.match(regs).fullPointer as [number, number, number][]).map(([n, start, end]) => [n, start, end]);
}

/**
 * The first match of the pattern that joins its pieces across every wildcard's allowed gap, as a view of
 * `doc`, or null. (compromise looks ahead only for the first word after a wildcard, so even a piece that fits
 * once may be missed: "the higher .{0,6} the faster" stops at the first "the".)
 */
export function matchEveryFit(doc: View, pieces: readonly Piece[]): View | null {
  const found: [number, number, number][][] = [];
  for (const piece of pieces) {
    const at = matchesOf(doc, piece.regs);
    if (at.length === 0) return null;
    found.push(at);
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
