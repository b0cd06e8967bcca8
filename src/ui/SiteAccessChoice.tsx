/**
 * "Where Claimlens checks pages": the shopper's choice between every site and only where they allow, on the
 * first-run page, the options page and (until they choose) the popup. Presentational: the mode in force comes
 * in, each choice goes out as a callback, which must call permissions.request before anything else.
 */
import type { SiteAccessMode } from '../settings/host-access.ts';

export interface SiteAccessChoiceProps {
  mode: SiteAccessMode;
  /** Tighter layout, for the popup. */
  compact?: boolean;
  onEverySite: () => void;
  onWhereAllowed: () => void;
}

const MODE_LINES: Record<SiteAccessMode, string> = {
  undecided: 'Claimlens checks no page until you choose.',
  'every-site': 'Now: Claimlens checks every site.',
  'where-allowed': 'Now: Claimlens checks only the sites you allow, and a page when you ask.',
};

export function SiteAccessChoice({ mode, compact = false, onEverySite, onWhereAllowed }: SiteAccessChoiceProps) {
  return (
    <div class={`access-choice${compact ? ' access-compact' : ''}`}>
      <p class="access-mode">{MODE_LINES[mode]}</p>
      <div class="access-options">
        <div class="access-option">
          <button type="button" class="access-button" aria-pressed={mode === 'every-site'} aria-describedby="access-every-site-help" onClick={onEverySite}>
            Check every site
          </button>
          <p id="access-every-site-help" class="access-help">
            Claimlens checks each web page as it loads, so doubtful claims are pointed out while you read. Your browser
            asks once to let Claimlens read and change your data on all websites.
          </p>
        </div>
        <div class="access-option">
          <button type="button" class="access-button" aria-pressed={mode === 'where-allowed'} aria-describedby="access-where-allowed-help" onClick={onWhereAllowed}>
            Only where I allow
          </button>
          <p id="access-where-allowed-help" class="access-help">
            Claimlens checks nothing until you ask. On a page, click the Claimlens button: "Check this page" checks it
            once; "Always check" a site asks your browser for that site only.
          </p>
        </div>
      </div>
    </div>
  );
}
