/**
 * What takes the card's place once the shopper said "Don't show claims like this": the rule is off, and Undo
 * puts it back. Focus lands on Undo, so a keyboard user can take it back at once; Esc dismisses the notice.
 */
import { useEffect, useRef } from 'preact/hooks';

export interface MutedNoticeProps {
  /** The muted rule's title, for screen readers ("Living stem cells in the product"). */
  ruleTitle: string;
  onUndo: () => void;
  onClose: () => void;
}

export function MutedNotice({ ruleTitle, onUndo, onClose }: MutedNoticeProps) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => undo.current?.focus({ preventScroll: true }), []);
  return (
    <section
      class="muted-notice"
      aria-label="Claimlens"
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <p id="claimlens-muted-text">
        Claims like this are hidden.
        <span class="visually-hidden"> The rule “{ruleTitle}” is switched off on every page.</span>
      </p>
      <button ref={undo} type="button" aria-describedby="claimlens-muted-text" onClick={onUndo}>
        Undo
      </button>
      <button type="button" class="icon-button" aria-label="Close" aria-keyshortcuts="Escape" onClick={onClose}>
        ×
      </button>
    </section>
  );
}
