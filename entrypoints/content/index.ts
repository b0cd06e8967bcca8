import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { cytokineAliases, prefilter, version } from 'virtual:claimlens/rules';
import { startClaimlens } from '../../src/content/claimlens-page.ts';
import cardCss from '../../src/ui/claim-card.css?inline';
import navigatorCss from '../../src/ui/navigator.css?inline';
import highlightCss from './highlights.css?inline';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Frames scan themselves, so claims inside same-origin iframes are found and carded where they are.
  allFrames: true,
  // The highlight colours go in as a manifest stylesheet: nothing is added to the page's DOM for them.
  cssInjectionMode: 'manifest',
  main(ctx) {
    try {
      startClaimlens(ctx, { browser, prefilter, cytokineAliases, version, cardCss: `${cardCss}\n${navigatorCss}`, highlightCss });
    } catch {
      // Never throw into the page's console.
    }
  },
});
