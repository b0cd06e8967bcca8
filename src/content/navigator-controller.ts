/**
 * Renders the findings navigator into our shadow root and keeps it in step with the page's claims. It exists
 * only while there is a claim to list, so a page without claims stays untouched, and it first settles in a
 * corner where it covers none of the page's own fixed controls (chat buttons, cookie bars).
 */
import { h, render } from 'preact';
import { CORNERS, FindingsNavigator, type Corner, type NavigatorItem } from '../ui/FindingsNavigator.tsx';
import type { UiHost } from '../dom/ui-host.ts';
import { isShown, planReveal, type RevealStep } from '../dom/reveal-hidden.ts';
import type { ClaimEntry } from './page-claims.ts';

export interface NavigatorActions {
  /** The shopper chose a claim in the list. */
  onChoose: (entry: ClaimEntry) => void;
  /** The corner the shopper last chose on this site, if any. */
  loadCorner: () => Promise<Corner | null>;
  saveCorner: (corner: Corner) => Promise<void>;
}

const SNIPPET_CHARS = 90;
const PAGE_CONTROLS = 'a[href], button, input, select, textarea, iframe, [role="button"], [role="link"], [role="dialog"]';

export class NavigatorController {
  private entries: readonly ClaimEntry[] = [];
  private expanded = false;
  private corner: Corner = 'bottom-right';
  /** The shopper moved it: their corner wins over ours. */
  private placed = false;
  private message = '';
  /** The remembered corner has been read (asked once, and only on a page with claims). */
  private ready = false;
  private loading = false;
  private readonly blocked = new Set<string>();
  private slot: HTMLElement | undefined;

  constructor(
    private readonly host: () => UiHost,
    private readonly actions: NavigatorActions,
    /** Wraps every handler, so nothing we do throws into the page. */
    private readonly guard: <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => void,
  ) {}

  /** The claims shown on the page now; none hides the navigator. */
  update(entries: readonly ClaimEntry[]): void {
    this.entries = entries;
    if (entries.length === 0) {
      this.expanded = false;
      this.message = '';
      if (this.slot) render(null, this.slot);
      return;
    }
    if (!this.ready) {
      if (!this.loading) {
        this.loading = true;
        // First render waits for the remembered corner, so the launcher never jumps once it is shown.
        void this.actions
          .loadCorner()
          .then((corner) => {
            if (corner) [this.corner, this.placed] = [corner, true];
          })
          .catch(() => undefined)
          .then(this.guard(() => {
            this.ready = true;
            this.update(this.entries);
          }));
      }
      return;
    }
    const first = !this.slot?.firstChild;
    this.render();
    if (first && !this.placed) this.avoidPageControls();
  }

  /** Says what choosing a claim did, in the live region. */
  say(message: string): void {
    // The same words twice would not be announced again: a no-break space makes them new to the live region.
    this.message = message && message === this.message ? `${message}\u00a0` : message;
    if (this.slot?.firstChild) this.render();
  }

  /** Says what was opened to show the chosen claim ("the tab “How to use”"); nothing when it was in view. */
  revealed(steps: readonly RevealStep[]): void {
    const last = steps[steps.length - 1];
    if (!last) return this.say('');
    const label = (last.kind === 'details' ? last.element.querySelector('summary') : last.control)?.textContent?.replace(/\s+/g, ' ').trim();
    const what = last.kind === 'tab' ? 'the tab' : 'the section';
    this.say(`Opened ${label ? `${what} “${label.slice(0, 60)}”` : what} to show the claim.`);
  }

  /** Marks a claim whose section Claimlens could not open. */
  cannotOpen(entry: ClaimEntry): void {
    this.blocked.add(entry.key);
    this.say('This claim is in a hidden section. Claimlens cannot open it.');
  }

  private render(): void {
    const { mount } = this.host();
    if (!this.slot?.isConnected) {
      this.slot = mount.ownerDocument.createElement('div');
      this.slot.className = 'navigator-slot';
      mount.prepend(this.slot);
    }
    render(
      h(FindingsNavigator, {
        items: this.entries.map((e) => this.item(e)),
        corner: this.corner,
        expanded: this.expanded,
        message: this.message,
        onToggle: this.guard((open: boolean) => {
          this.expanded = open;
          this.render();
        }),
        onChoose: this.guard((index: number) => {
          const entry = this.entries[index];
          if (entry) this.actions.onChoose(entry);
        }),
        onMove: this.guard(() => {
          this.placed = true;
          this.corner = CORNERS[(CORNERS.indexOf(this.corner) + 1) % CORNERS.length]!;
          this.render();
          this.actions.saveCorner(this.corner).catch(() => undefined);
        }),
      }),
      this.slot,
    );
  }

  private item(entry: ClaimEntry): NavigatorItem {
    // Layout is read only while the list is open: a closed launcher needs the count alone.
    const concealed = this.expanded && (planReveal(entry.range).steps.length > 0 || !isShown(entry.range));
    return {
      key: entry.key,
      severity: entry.rule.severity,
      title: entry.rule.title,
      snippet: snippet(entry.finding.sentence, entry.finding.text),
      concealed,
      blocked: concealed && this.blocked.has(entry.key),
    };
  }

  /** Tries each corner in turn until the launcher covers no fixed control of the page's. */
  private avoidPageControls(): void {
    const box = this.slot?.querySelector('.navigator');
    const doc = this.slot?.ownerDocument;
    if (!box || !doc) return;
    for (let tries = 0; tries < CORNERS.length; tries++) {
      if (!coversPageControl(doc, box.getBoundingClientRect(), this.host().host)) return;
      this.corner = CORNERS[(CORNERS.indexOf(this.corner) + 1) % CORNERS.length]!;
      this.render();
    }
    // Covered everywhere: back where it started.
    this.corner = CORNERS[0]!;
    this.render();
  }
}

function coversPageControl(doc: Document, rect: DOMRect, host: Element): boolean {
  const xs = [rect.left + 1, rect.left + rect.width / 2, rect.right - 1];
  const ys = [rect.top + 1, rect.top + rect.height / 2, rect.bottom - 1];
  for (const x of xs) {
    for (const y of ys) {
      for (const el of doc.elementsFromPoint(x, y)) {
        if (el !== host && el.closest(PAGE_CONTROLS) && isFixed(el)) return true;
      }
    }
  }
  return false;
}

/** Whether the element stays put while the page scrolls (content that scrolls past is covered only briefly). */
function isFixed(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const position = getComputedStyle(e).position;
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}

/** The claim in at most SNIPPET_CHARS of its sentence, centred on the flagged words. */
export function snippet(sentence: string, text: string, max = SNIPPET_CHARS): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const at = Math.max(0, s.toLowerCase().indexOf(text.toLowerCase()));
  const from = Math.max(0, Math.min(at - Math.floor((max - text.length) / 2), s.length - max));
  return `${from > 0 ? '…' : ''}${s.slice(from, from + max).trim()}${from + max < s.length ? '…' : ''}`;
}
