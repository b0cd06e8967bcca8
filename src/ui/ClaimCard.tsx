/**
 * The card a shopper reads after clicking a highlighted claim: the verdict, the claim in plain words, why it
 * is doubtful, the sources, and a question for the seller. Presentational: data in as props, actions out
 * as callbacks. Page text is rendered as text (JSX escapes it), never as HTML.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { CrossCheck, Severity } from '../engine/types.ts';

export interface CardSource {
  /** Title of the source document. */
  title: string;
  seed: string;
  anchor: string;
}

export interface CardRule {
  id: string;
  title: string;
  severity: Severity;
  claim: string;
  explanation: string;
  ask: string;
  sources: CardSource[];
}

export interface ClaimCardProps {
  rule: CardRule;
  /** The words on the page that were flagged. */
  text: string;
  /** The words that triggered the rule, as the matcher read them. */
  why?: string;
  /** Where the page's own ingredient list does not bear the claim out. */
  crossChecks?: readonly CrossCheck[];
  /** 1-based position of this claim among the page's claims, and how many there are. */
  index: number;
  total: number;
  /** Move focus into the card when it opens (always, except when the page should keep it). */
  autoFocus?: boolean;
  onClose: () => void;
  onNext: () => void;
  onPrevious: () => void;
  onHide: () => void;
  /** Switches the claim's rule off, on every page ("Don't show claims like this"). */
  onMute: () => void;
}

export const VERDICTS: Record<Severity, string> = {
  misleading: 'Misleading',
  unsupported: 'Unsupported',
  risky: 'Risky',
  context: 'Context',
};

export function ClaimCard(props: ClaimCardProps) {
  const { rule, text, index, total } = props;
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (props.autoFocus !== false) card.current?.focus({ preventScroll: true });
  }, [rule.id, text, index]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (key === 'escape') props.onClose();
    else if (key === 'n') props.onNext();
    else if (key === 'p') props.onPrevious();
    else return;
    event.preventDefault();
  };

  return (
    <section
      ref={card}
      class={`card severity-${rule.severity}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby="claimlens-card-title"
      aria-describedby="claimlens-card-verdict"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header class="card-header">
        <span class="verdict" id="claimlens-card-verdict">
          {VERDICTS[rule.severity]}
          <span class="visually-hidden"> claim</span>
        </span>
        <span class="position" aria-label={`Claim ${index} of ${total}`}>
          {index} / {total}
        </span>
        <button type="button" class="icon-button" aria-label="Close" aria-keyshortcuts="Escape" onClick={props.onClose}>
          ×
        </button>
      </header>
      <h2 class="title" id="claimlens-card-title">
        {rule.title}
      </h2>
      <p class="quote">“{text}”</p>
      <dl class="facts">
        <dt>The claim</dt>
        <dd>{rule.claim}</dd>
        {props.why && (
          <>
            <dt>Words that triggered it</dt>
            <dd class="why">{props.why}</dd>
          </>
        )}
        <dt>Why it is doubtful</dt>
        <dd>{rule.explanation}</dd>
        {props.crossChecks && props.crossChecks.length > 0 && (
          <>
            <dt>Against the ingredient list</dt>
            <dd>
              <ul class="cross-checks">
                {props.crossChecks.map((c) => (
                  <li key={`${c.kind}:${c.message}`}>{c.message}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Ask the seller</dt>
        <dd class="ask">{rule.ask}</dd>
        <dt>{rule.sources.length === 1 ? 'Source' : 'Sources'}</dt>
        <dd>
          <ul class="sources">
            {rule.sources.map((s) => (
              <li key={`${s.seed}:${s.anchor}`}>
                {/* A shopper's own rule may cite nothing: then the card names it as theirs and no more. */}
                <cite>{s.title}</cite>
                {s.anchor ? `: “${s.anchor}”` : null}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <footer class="card-footer">
        <button type="button" onClick={props.onPrevious} aria-keyshortcuts="P" disabled={total < 2}>
          ‹ Previous
        </button>
        <button type="button" onClick={props.onNext} aria-keyshortcuts="N" disabled={total < 2}>
          Next ›
        </button>
        <span class="card-footer-links">
          <button type="button" class="link-button" onClick={props.onHide}>
            Not a claim? Hide it
          </button>
          <button type="button" class="link-button" onClick={props.onMute}>
            Don't show claims like this
          </button>
        </span>
      </footer>
    </section>
  );
}
