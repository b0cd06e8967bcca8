/**
 * The findings navigator: a small launcher in a corner of the viewport that opens a list of every claim on
 * the page, in page order, including claims in closed sections that highlights cannot show. Presentational:
 * items in as props, choices out as callbacks; page text renders as text, never as HTML.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Severity } from '../engine/types.ts';
import { VERDICTS } from './ClaimCard.tsx';

export interface NavigatorItem {
  /** Stable across rescans (the claim's key). */
  key: string;
  severity: Severity;
  /** The rule's title. */
  title: string;
  /** The claim in a few words of its sentence. */
  snippet: string;
  /** Inside a closed or hidden part of the page, so no highlight shows it. */
  concealed: boolean;
  /** Claimlens tried and found no standard control that opens its section. */
  blocked: boolean;
}

export type Corner = 'bottom-right' | 'bottom-left' | 'top-left' | 'top-right';
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-left', 'top-right'];

export interface FindingsNavigatorProps {
  items: NavigatorItem[];
  corner: Corner;
  /** Whether the list is open (the container decides, so it can look for concealed claims first). */
  expanded: boolean;
  /** What just happened, for the polite live region. */
  message: string;
  onToggle: (expanded: boolean) => void;
  onChoose: (index: number) => void;
  onMove: () => void;
}

export function FindingsNavigator(props: FindingsNavigatorProps) {
  const { items, corner, expanded } = props;
  const launcher = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const count = `${items.length} ${items.length === 1 ? 'claim' : 'claims'}`;

  const toggle = (open: boolean) => props.onToggle(open);
  useEffect(() => {
    if (expanded) list.current?.querySelector('button')?.focus();
  }, [expanded]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && expanded) {
      toggle(false);
      launcher.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
      const at = buttons.indexOf(event.target as HTMLButtonElement);
      if (at < 0) return;
      buttons[(at + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    } else return;
    event.preventDefault();
  };

  return (
    <div class={`navigator corner-${corner}`} onKeyDown={onKeyDown}>
      <div class="navigator-bar">
        <button
          type="button"
          class="navigator-launcher"
          ref={launcher}
          aria-expanded={expanded}
          aria-controls={expanded ? 'claimlens-navigator' : undefined}
          onClick={() => toggle(!expanded)}
        >
          Claimlens · {count}
        </button>
        <button type="button" class="navigator-move" aria-label="Move to another corner" title="Move to another corner" onClick={props.onMove}>
          ⇱
        </button>
      </div>
      {expanded ? (
        <section class="navigator-panel" id="claimlens-navigator" aria-labelledby="claimlens-navigator-title">
          <h2 class="navigator-title" id="claimlens-navigator-title">
            {count} on this page
          </h2>
          <ol class="navigator-list" ref={list}>
            {items.map((item, i) => (
              <li key={item.key}>
                <button type="button" class={`navigator-item severity-${item.severity}`} onClick={() => props.onChoose(i)}>
                  <span class="verdict">{VERDICTS[item.severity]}</span>
                  <span class="navigator-rule">{item.title}</span>
                  <span class="navigator-snippet">“{item.snippet}”</span>
                  {item.concealed ? (
                    <span class="navigator-note">
                      {item.blocked ? 'In a hidden section — Claimlens cannot open it' : 'In a hidden section'}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <div class="visually-hidden" role="status" aria-live="polite">
        {props.message}
      </div>
    </div>
  );
}
