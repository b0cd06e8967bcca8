/**
 * Paints findings with the CSS Custom Highlight API: one highlight per severity, named `claimlens-<severity>`.
 * No element is added to the page and nothing it owns is touched, so frameworks re-rendering their markup
 * never trip over us (wrapping claims in <mark> breaks React and Vue pages: see PITFALLS.md).
 */
import { SEVERITIES, type Severity } from '../engine/types.ts';

export const HIGHLIGHT_PREFIX = 'claimlens-';

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Replaces every Claimlens highlight with the given ranges. */
export function paintHighlights(ranges: readonly { severity: Severity; range: Range }[]): void {
  if (!highlightsSupported()) return;
  for (const severity of SEVERITIES) {
    const mine = ranges.filter((r) => r.severity === severity).map((r) => r.range);
    const name = HIGHLIGHT_PREFIX + severity;
    if (mine.length === 0) CSS.highlights.delete(name);
    else CSS.highlights.set(name, new Highlight(...mine));
  }
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  for (const severity of SEVERITIES) CSS.highlights.delete(HIGHLIGHT_PREFIX + severity);
}
