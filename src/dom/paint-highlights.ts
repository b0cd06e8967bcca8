/**
 * Paints findings with the CSS Custom Highlight API: one highlight per severity, named `claimlens-<severity>`.
 * No element is added to the page and nothing it owns is touched, so frameworks re-rendering their markup
 * never trip over us (wrapping claims in <mark> breaks React and Vue pages: see PITFALLS.md).
 */
import { SEVERITIES, type Severity } from '../engine/types.ts';

const HIGHLIGHT_PREFIX = 'claimlens-';

function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Shadow roots that already carry our highlight colours. */
const styledRoots = new WeakSet<ShadowRoot>();
let shadowSheet: CSSStyleSheet | undefined;

/**
 * `::highlight()` rules only style text in their own tree: the document's sheet does not reach into a page's
 * shadow roots, so a root holding a claim gets our colours adopted too (the page's own sheets stay as they are).
 */
function styleShadowRoot(root: ShadowRoot, css: string): void {
  if (styledRoots.has(root)) return;
  shadowSheet ??= new CSSStyleSheet();
  if (shadowSheet.cssRules.length === 0) shadowSheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, shadowSheet];
  styledRoots.add(root);
}

/** Replaces every Claimlens highlight with the given ranges; `shadowCss` colours claims inside shadow roots. */
export function paintHighlights(ranges: readonly { severity: Severity; range: Range }[], shadowCss = ''): void {
  if (!highlightsSupported()) return;
  for (const { range } of ranges) {
    const root = range.startContainer.getRootNode();
    if (shadowCss && root instanceof ShadowRoot) styleShadowRoot(root, shadowCss);
  }
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
