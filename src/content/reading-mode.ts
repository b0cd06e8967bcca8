/**
 * Reading mode in one frame: whether this tab's highlights are hidden (the background keeps it per tab and
 * tells every frame), and, in the top frame, a polite live region that says "Claimlens highlights hidden" or
 * "shown" so a screen-reader user hears what the keyboard command did.
 */
import type { Browser } from 'webextension-polyfill';
import type { UiHost } from '../dom/ui-host.ts';
import type { ReadingModeAnswer, ReadingModeChange, ReadingModeEnded, ReadingModeQuery } from '../reading-mode-messages.ts';

const HIDDEN_MESSAGE = 'Claimlens highlights hidden';
const SHOWN_MESSAGE = 'Claimlens highlights shown';

export class ReadingMode {
  hidden = false;
  /** Resolves once the background has said whether the tab is in reading mode (nothing is painted before). */
  readonly loaded: Promise<void>;
  private live: HTMLElement | undefined;
  /** What the live region will say once it is watched, while it is new. */
  private pending: string | undefined;

  constructor(
    private readonly browser: Pick<Browser, 'runtime'>,
    /** Our host when it is in the page; reading mode never adds it just to speak. */
    private readonly host: () => UiHost | undefined,
    private readonly isTop: boolean,
    /** A timer that dies with the content script (the context's setTimeout). */
    private readonly later: (fn: () => void, ms: number) => void,
  ) {
    const query: ReadingModeQuery = { type: 'claimlens:reading-mode-query' };
    this.loaded = browser.runtime
      .sendMessage(query)
      .then((answer) => {
        this.hidden = (answer as ReadingModeAnswer | undefined)?.hidden === true;
      })
      .catch(() => undefined);
  }

  /** Takes the background's word; says it in the page when asked to. */
  apply(change: ReadingModeChange): void {
    this.hidden = change.hidden;
    if (change.announce && this.isTop) this.announce(change.hidden ? HIDDEN_MESSAGE : SHOWN_MESSAGE);
  }

  /**
   * The top frame shows a new view (an SPA navigation): the tab navigated, so reading mode ends, here and, through
   * the background, in every frame. A frame's own navigation is not the tab's: it stays as the tab is.
   */
  end(): void {
    if (!this.hidden || !this.isTop) return;
    this.hidden = false;
    const ended: ReadingModeEnded = { type: 'claimlens:reading-mode-ended' };
    this.browser.runtime.sendMessage(ended).catch(() => undefined);
  }

  /**
   * The shopper asked to be shown a claim (the popup's list, Alt+Shift+N/P): the highlights come back on the
   * whole tab, said in the page, rather than the request doing nothing.
   */
  showAgain(): void {
    if (!this.hidden || !this.isTop) return;
    this.announce(SHOWN_MESSAGE);
    this.end();
  }

  private announce(message: string): void {
    const host = this.host();
    if (!host) return;
    const fresh = !this.live?.isConnected;
    if (fresh) {
      this.live = host.mount.ownerDocument.createElement('div');
      this.live.className = 'visually-hidden';
      this.live.setAttribute('role', 'status');
      this.live.setAttribute('aria-live', 'polite');
      host.mount.append(this.live);
    }
    const live = this.live!;
    // A live region just added is not yet watched by screen readers: its first words go in a moment later, and
    // whatever is said before then replaces them (hidden, then shown at once, ends up saying "shown").
    if (fresh) {
      this.pending = message;
      this.later(() => {
        if (this.pending !== undefined) live.textContent = this.pending;
        this.pending = undefined;
      }, 100);
    } else if (this.pending !== undefined) this.pending = message;
    else live.textContent = message;
  }
}
