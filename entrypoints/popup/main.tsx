// Wiring only: which tab, then the container.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { PopupApp } from '../../src/popup/PopupApp.tsx';
import '../../src/ui/popup.css';
import '../../src/ui/site-access.css';

async function start(): Promise<void> {
  const app = document.getElementById('app')!;
  const asked = Number(new URLSearchParams(location.search).get('tabId'));
  const tabId = Number.isInteger(asked) && asked > 0 ? asked : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) {
    app.textContent = 'Claimlens found no tab to describe.';
    return;
  }
  render(<PopupApp browser={browser} tabId={tabId} asPage={asked > 0} close={() => window.close()} />, app);
}

void start();
