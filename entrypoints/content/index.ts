import { defineContentScript } from 'wxt/utils/define-content-script';
import { cytokinePrefixes, loadPrefilter, triggerPattern, version } from 'virtual:claimlens/rules';
import { cytokineHint } from '../../src/engine/cytokines/cytokine-hint.ts';
import { eagerBrowser } from '../../src/content/eager-browser.ts';
import { startFirstLook } from '../../src/content/first-look.ts';
import { loadFull } from '../../src/content/load-full.ts';
import './highlights.css';

// The eager script: runs on every page and frame of the sites the shopper allowed, so it holds the first look only
// (src/content/first-look.ts, 12 KiB gzipped at most); the rest of Claimlens is injected where the page has a
// candidate (load-full.ts).
export default defineContentScript({
  // Not in the manifest, which would ask for every site at install (issue 15): the background registers it for
  // exactly the sites the shopper granted, and the popup's "Check this page" injects it once
  // (src/background/eager-script.ts). Without `matches`, WXT adds no host permission for it.
  registration: 'runtime',
  runAt: 'document_idle',
  // Frames scan themselves, so claims inside same-origin iframes are found and carded where they are.
  allFrames: true,
  // The highlight colours go in as the registered script's stylesheet: nothing is added to the page's DOM for them.
  cssInjectionMode: 'manifest',
  // WXT tells an older copy of this script to stop with an event on the document; its window.postMessage copy of
  // that news (kept for scripts built with older WXT) would wake every message listener of the page and its ad
  // frames, on every page and frame (WXT's own advice: wxt-dev/wxt#1938).
  noScriptStartedPostMessage: true,
  main(ctx) {
    try {
      const browser = eagerBrowser();
      // The hint's expression is compiled only where the gate wakes.
      let mayNameCytokine: ((text: string) => boolean) | undefined;
      startFirstLook(ctx, {
        browser,
        loadPrefilter,
        triggerPattern,
        version,
        cytokineHint: { prefixes: cytokinePrefixes, test: (text) => (mayNameCytokine ??= cytokineHint(cytokinePrefixes))(text) },
        loadFull: () => loadFull(browser),
      });
    } catch {
      // Never throw into the page's console.
    }
  },
});
