// The first-run page (opened once, on install, by the background): where Claimlens may check pages.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { WelcomePage } from '../../src/ui/WelcomePage.tsx';
import { SiteAccessSection } from '../../src/options/site-access-section.tsx';
import '../../src/ui/options.css';
import '../../src/ui/site-access.css';

render(
  <WelcomePage onOpenOptions={() => void browser.runtime.openOptionsPage()}>
    <SiteAccessSection browser={browser} />
  </WelcomePage>,
  document.getElementById('app')!,
);
