/**
 * The popup's part of "check only where I ask" (issue 15). Until the shopper chooses, it says what to do and
 * offers the choice; on a web page Claimlens is not checking, it offers "Check this page" (this tab, once) and
 * "Always check <site>"; on a page checked once, "Always check <site>" in the footer. Presentational.
 */
import type { SiteAccessMode } from '../settings/host-access.ts';
import { SiteAccessChoice } from './SiteAccessChoice.tsx';

export interface PopupSiteAccessProps {
  mode: SiteAccessMode;
  /** The tab's site when it is a web page Claimlens may be asked to check; null otherwise. */
  site: string | null;
  /** What the last action did, read out politely ("Checking this page…", "Your browser did not allow it…"). */
  status: string;
  onEverySite: () => void;
  onWhereAllowed: () => void;
  onCheckOnce: () => void;
  onAlwaysCheck: () => void;
}

/** In place of the summary: the tab is a web page Claimlens is not checking, or no choice is made yet. */
export function PopupSiteAccess(props: PopupSiteAccessProps) {
  const { mode, site } = props;
  return (
    <div class="access-popup">
      {site && (
        <>
          <p class="empty-title">{mode === 'every-site' ? 'Claimlens has not checked this page.' : `Claimlens is not checking ${site}.`}</p>
          {mode === 'every-site' && <p>It was open before Claimlens could check it. Reload it, or check it now.</p>}
          <div class="access-actions">
            <button type="button" class="access-button" onClick={props.onCheckOnce}>
              Check this page
            </button>
            {mode !== 'every-site' && (
              <button type="button" class="access-button" onClick={props.onAlwaysCheck}>
                Always check {site}
              </button>
            )}
          </div>
        </>
      )}
      {mode === 'undecided' && (
        <section class="access-undecided" aria-labelledby="access-choose-title">
          <h2 id="access-choose-title" class="section-title">
            Choose where Claimlens checks pages
          </h2>
          <SiteAccessChoice mode={mode} compact onEverySite={props.onEverySite} onWhereAllowed={props.onWhereAllowed} />
        </section>
      )}
      <p class="access-status" role="status" aria-live="polite">
        {props.status}
      </p>
    </div>
  );
}

/** In the footer, for a page checked once: make it every time. */
export function PopupAlwaysCheck({ site, onAlwaysCheck }: { site: string; onAlwaysCheck: () => void }) {
  return (
    <button type="button" class="link-button access-always" onClick={onAlwaysCheck}>
      Always check {site}
    </button>
  );
}
