/**
 * The one element Claimlens adds to a page: a host carrying an open shadow root for the claim card.
 * Styles go in through a constructable stylesheet rather than a <style> element, because a page's
 * Content-Security-Policy (`style-src`) can block inline <style> that a content script inserts, while it
 * does not govern the CSSOM. The host is created on first use only: a page without claims stays untouched.
 */

export const HOST_TAG = 'claimlens-host';

export interface UiHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** The element inside the shadow root that components render into. */
  mount: HTMLElement;
}

/** Keyboard events from inside the card must not reach the page's own shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'focusin', 'focusout'] as const;

/**
 * Fixed, full-viewport and click-through: only the card itself takes pointer events. Set through `:host`
 * rather than the style attribute, which a strict CSP refuses; `!important` in the shadow tree's own sheet
 * beats the page's `!important` rules for the host.
 */
const HOST_CSS = `:host { all: initial !important; display: block !important; position: fixed !important; inset: 0 !important;
  pointer-events: none !important; z-index: 2147483647 !important; }`;

export function createUiHost(doc: Document, css: string): UiHost {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${HOST_CSS}\n${css}`);
  root.adoptedStyleSheets = [sheet];
  const mount = doc.createElement('div');
  mount.className = 'claimlens-root';
  root.append(mount);
  for (const type of ISOLATED_EVENTS) root.addEventListener(type, (e) => e.stopPropagation());
  // After <body>, under <html>: frameworks that re-render <body>'s children never touch it.
  doc.documentElement.append(host);
  return { host, root, mount };
}

/** Whether a node is, or is inside, our host (our own UI is never scanned or watched). */
export function isInUiHost(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n.nodeType === 1 && (n as Element).localName === HOST_TAG) return true;
  }
  return false;
}
