/**
 * "Where Claimlens checks pages" on the options page and the first-run page: the choice, and in "only where I
 * allow" the sites allowed one by one, each revocable. Follows grants made elsewhere (the popup, the browser's
 * own extension settings). Each permission request is the first call in its click handler (host-access.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Browser } from 'webextension-polyfill';
import { askForEverySite, chooseWhereAllowed, loadSiteAccess, revokeSite, watchSiteAccess, type SiteAccess } from '../settings/host-access.ts';
import { AllowedSites } from '../ui/AllowedSites.tsx';
import { SiteAccessChoice } from '../ui/SiteAccessChoice.tsx';

export interface SiteAccessSectionProps {
  browser: Pick<Browser, 'permissions' | 'storage'>;
}

const REFUSED = 'Your browser did not allow it; nothing changed.';

export function SiteAccessSection({ browser }: SiteAccessSectionProps) {
  const [access, setAccess] = useState<SiteAccess | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const reload = () => void loadSiteAccess(browser).then(setAccess, () => setAccess(null));
    reload();
    return watchSiteAccess(browser, reload);
  }, [browser]);

  if (!access) return null;

  const everySite = () => {
    askForEverySite(browser).then(
      (granted) => setStatus(granted ? 'Claimlens now checks every site. Pages open before now are checked once reloaded.' : REFUSED),
      () => setStatus(REFUSED),
    );
  };
  const whereAllowed = () => {
    chooseWhereAllowed(browser).then(
      () => setStatus('Claimlens now checks only the sites you allow, and a page when you ask from its button.'),
      () => setStatus('Claimlens could not save your choice; try again.'),
    );
  };
  const revoke = (site: string) => {
    revokeSite(browser, site).then(
      () => setStatus(`Claimlens no longer checks ${site}.`),
      () => setStatus(`Claimlens could not withdraw ${site}; try again.`),
    );
  };

  return (
    <section class="panel site-access" aria-labelledby="site-access-heading">
      <h2 id="site-access-heading">Where Claimlens checks pages</h2>
      <SiteAccessChoice mode={access.mode} onEverySite={everySite} onWhereAllowed={whereAllowed} />
      {access.mode === 'where-allowed' && <AllowedSites sites={access.sites} onRevoke={revoke} />}
      <p class="status access-status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
