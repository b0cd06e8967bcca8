/**
 * Opens, places and closes the claim card inside our shadow root. The card sits beside the claim and never
 * off-screen; it follows the claim while the page scrolls and closes once the claim scrolls out of view.
 * Focus moves into the card when it opens and back where it was when it closes.
 */
import { h, render } from 'preact';
import { ClaimCard, VERDICTS } from '../ui/ClaimCard.tsx';
import { MutedNotice } from '../ui/MutedNotice.tsx';
import type { UiHost } from '../dom/ui-host.ts';
import type { ClaimEntry } from './page-claims.ts';
import type { CrossCheck } from '../engine/types.ts';

export interface CardActions {
  onNext: () => void;
  onPrevious: () => void;
  onHide: (entry: ClaimEntry) => void;
  /** "Don't show claims like this": switch the entry's rule off. */
  onMute: (entry: ClaimEntry) => void;
  onClosed: () => void;
  /** What the page's own ingredient list says against this claim. */
  crossChecksFor: (entry: ClaimEntry) => CrossCheck[];
}

const GAP = 8;

export class CardController {
  private current: ClaimEntry | undefined;
  private returnFocus: Element | null = null;
  private live: HTMLElement | undefined;
  /** The "claims like this are hidden" notice shows in the card's place. */
  private muted = false;

  constructor(
    private readonly host: () => UiHost,
    private readonly actions: CardActions,
  ) {}

  get entry(): ClaimEntry | undefined {
    return this.current;
  }

  open(entry: ClaimEntry, index: number, total: number): void {
    const { mount } = this.host();
    // From the muted notice's Undo, focus goes back where it was before the card first opened.
    if (!this.current && !this.muted) {
      // Focus inside our own shadow root (the navigator's list) reads as the host: look inside it.
      let active = mount.ownerDocument.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      this.returnFocus = active && active !== mount.ownerDocument.body ? active : null;
    }
    this.current = entry;
    this.muted = false;
    const slot = this.slot(mount);
    render(
      h(ClaimCard, {
        rule: entry.rule,
        text: entry.finding.text,
        why: entry.finding.why,
        crossChecks: this.actions.crossChecksFor(entry),
        index: index + 1,
        total,
        onClose: () => this.close(true),
        onNext: this.actions.onNext,
        onPrevious: this.actions.onPrevious,
        onHide: () => this.actions.onHide(entry),
        onMute: () => this.actions.onMute(entry),
      }),
      slot,
    );
    this.announce(`${VERDICTS[entry.rule.severity]} claim: ${entry.rule.title}. Claim ${index + 1} of ${total}.`);
    this.place();
  }

  /** Shows, in the card's place, that claims like `entry` are hidden now, with Undo (focused). */
  showMuted(entry: ClaimEntry, onUndo: () => void): void {
    if (!this.current) return;
    const { mount } = this.host();
    const slot = this.slot(mount);
    const card = slot.firstElementChild as HTMLElement | null;
    const at = card ? { top: card.style.top, left: card.style.left } : { top: '8px', left: '8px' };
    this.current = undefined;
    this.muted = true;
    render(h(MutedNotice, { ruleTitle: entry.rule.title, onUndo, onClose: () => this.close(true) }), slot);
    const notice = slot.firstElementChild as HTMLElement | null;
    if (notice) Object.assign(notice.style, at);
    this.announce(`Claims like this are hidden: the rule “${entry.rule.title}” is switched off. Undo puts it back.`);
  }

  close(restoreFocus: boolean): void {
    if (!this.current && !this.muted) return;
    this.current = undefined;
    this.muted = false;
    const { mount } = this.host();
    render(null, this.slot(mount));
    if (restoreFocus && this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) {
      this.returnFocus.focus({ preventScroll: true });
    }
    this.returnFocus = null;
    this.actions.onClosed();
  }

  /** Follows the claim on scroll and resize; closes the card once the claim has left the viewport. */
  follow(): void {
    if (!this.current) return;
    const rect = claimRect(this.current.range);
    if (!rect || rect.bottom < 0 || rect.top > innerHeight || rect.right < 0 || rect.left > innerWidth) {
      this.close(false);
      return;
    }
    this.place();
  }

  private place(): void {
    const entry = this.current;
    if (!entry) return;
    const card = this.slot(this.host().mount).firstElementChild as HTMLElement | null;
    const rect = claimRect(entry.range);
    if (!card || !rect) return;
    // Below the claim if it fits, else above; if neither fits, the roomier side, with the card scrolling inside.
    card.style.maxHeight = '';
    const { width, height: natural } = card.getBoundingClientRect();
    const roomBelow = innerHeight - rect.bottom - 2 * GAP;
    const roomAbove = rect.top - 2 * GAP;
    const below = natural <= roomBelow || (natural > roomAbove && roomBelow >= roomAbove);
    const height = Math.min(natural, below ? roomBelow : roomAbove);
    card.style.maxHeight = `${Math.max(height, 0)}px`;
    const top = below ? rect.bottom + GAP : rect.top - GAP - height;
    card.style.top = `${clamp(top, GAP, innerHeight - height - GAP)}px`;
    card.style.left = `${clamp(rect.left, GAP, innerWidth - width - GAP)}px`;
  }

  private slot(mount: HTMLElement): HTMLElement {
    let slot = mount.querySelector<HTMLElement>('.card-slot');
    if (!slot) {
      slot = mount.ownerDocument.createElement('div');
      slot.className = 'card-slot';
      mount.append(slot);
    }
    return slot;
  }

  /** A polite live region says which claim the card shows, for screen readers. */
  private announce(message: string): void {
    const { mount } = this.host();
    if (!this.live || !this.live.isConnected) {
      this.live = mount.ownerDocument.createElement('div');
      this.live.className = 'visually-hidden';
      this.live.setAttribute('role', 'status');
      this.live.setAttribute('aria-live', 'polite');
      mount.append(this.live);
    }
    this.live.textContent = message;
  }
}

/** The box of the claim's last line: the card goes right under where the eye finished reading. */
function claimRect(range: Range): DOMRect | undefined {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1];
  return last && (last.width > 0 || last.height > 0) ? last : undefined;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
