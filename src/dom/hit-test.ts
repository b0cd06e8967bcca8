/**
 * The Highlight API gives no click events (PITFALLS.md 2), so we hit-test: the caret position under the
 * pointer tells which text was clicked, and the range's own boxes confirm the pointer is on the text rather
 * than in the empty space beside a line.
 */

interface CaretPoint {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): CaretPoint | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    // Without the roots, a point inside a shadow tree is retargeted to its host.
    const p = d.caretPositionFromPoint(x, y, { shadowRoots });
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** The index of the range under the point (x, y) in viewport coordinates, or -1. */
export function rangeAtPoint(doc: Document, ranges: readonly Range[], x: number, y: number): number {
  const shadowRoots = [...new Set(ranges.map((r) => r.startContainer.getRootNode()))].filter((n): n is ShadowRoot => n instanceof ShadowRoot);
  const caret = caretAt(doc, x, y, shadowRoots);
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i]!;
    // The caret narrows it to the clicked text when it lands in the range's own tree; otherwise the boxes decide.
    const sameTree = caret && caret.node.getRootNode() === range.startContainer.getRootNode();
    if (sameTree && !pointInRange(range, caret)) continue;
    if (rectsContain(range, x, y)) return i;
  }
  return -1;
}

function pointInRange(range: Range, caret: CaretPoint): boolean {
  try {
    return range.isPointInRange(caret.node, caret.offset);
  } catch {
    return false; // The caret is in another document or a detached node.
  }
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    // A pixel of slack: the caret test already narrowed it to this text.
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}
