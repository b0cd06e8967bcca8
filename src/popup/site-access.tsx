/**
 * The popup's container for "check only where I ask": reads the mode and the tab's address, and carries out
 * the shopper's clicks. Each permission request is the first call in its click handler (host-access.ts).
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Browser } from 'webextension-polyfill';
import { askForEverySite, askForSite, chooseWhereAllowed, loadSiteAccess, watchSiteAccess, type SiteAccess } from '../settings/host-access.ts';
import { siteOf } from '../settings/settings.ts';
import { checkTabOnce } from '../background/eager-script.ts';
import type { PopupState } from '../ui/PopupSummary.tsx';
import { PopupAlwaysCheck, PopupSiteAccess } from '../ui/PopupSiteAccess.tsx';

type AccessBrowser = Pick<Browser, 'permissions' | 'storage' | 'tabs' | 'scripting'>;

export interface SiteAccessView {
  /** Shown instead of the summary's body: no choice yet, or a web page Claimlens is not checking. */
  body: ComponentChildren;
  /** Shown in the footer: "Always check <site>" for a page checked once. */
  footer: ComponentChildren;
}

const REFUSED = 'Your browser did not allow it; nothing changed.';

export function useSiteAccessView(browser: AccessBrowser, tabId: number, state: PopupState): SiteAccessView {
  const [access, setAccess] = useState<SiteAccess | null>(null);
  // The tab's address: Chrome tells it with the activeTab grant the toolbar button gives, or a host grant.
  const [tabSite, setTabSite] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const reload = useCallback(() => {
    loadSiteAccess(browser).then(setAccess, () => setAccess(null));
  }, [browser]);
  useEffect(() => {
    reload();
    return watchSiteAccess(browser, reload);
  }, [reload]);
  useEffect(() => {
    browser.tabs.get(tabId).then(
      (tab) => setTabSite(tab.url ? siteOf(tab.url) : null),
      () => setTabSite(null),
    );
  }, [browser, tabId, state.kind]);

  if (!access) return { body: null, footer: null };
  const checked = state.kind === 'report' || state.kind === 'paused' || state.kind === 'scanning';
  const unchecked = state.kind === 'unavailable' && tabSite !== null;

  const checkOnce = () => {
    setStatus('Checking this page…');
    checkTabOnce(browser, tabId).then(
      () => setStatus('Checked this page once. Claimlens will not check it again after it reloads.'),
      () => setStatus('The browser did not let Claimlens into this page. Open this popup from the Claimlens button and try again.'),
    );
  };
  const alwaysCheck = (site: string) => {
    askForSite(browser, site).then(
      (granted) => {
        if (!granted) return setStatus(REFUSED);
        setStatus(`Claimlens now checks ${site}.`);
        // The grant reaches pages as they load; this one is checked now (unless it already is).
        if (!checked) void checkTabOnce(browser, tabId).catch(() => undefined);
      },
      () => setStatus(REFUSED),
    );
  };
  const everySite = () => {
    askForEverySite(browser).then(
      (granted) => {
        setStatus(granted ? 'Claimlens now checks every site. Pages open before now are checked once reloaded.' : REFUSED);
      },
      () => setStatus(REFUSED),
    );
  };
  const whereAllowed = () => {
    chooseWhereAllowed(browser).then(
      () => setStatus('Claimlens checks only the sites you allow.'),
      () => setStatus('Claimlens could not save your choice; try again.'),
    );
  };

  const body =
    unchecked || (access.mode === 'undecided' && !checked) ? (
      <PopupSiteAccess
        mode={access.mode}
        site={unchecked ? tabSite : null}
        status={status}
        onEverySite={everySite}
        onWhereAllowed={whereAllowed}
        onCheckOnce={checkOnce}
        onAlwaysCheck={() => tabSite && alwaysCheck(tabSite)}
      />
    ) : null;
  const onceSite = checked && state.site;
  const footer =
    access.mode !== 'every-site' && onceSite && !access.sites.includes(onceSite) ? (
      <PopupAlwaysCheck site={onceSite} onAlwaysCheck={() => alwaysCheck(onceSite)} />
    ) : null;
  return { body, footer };
}
