import { defineContentScript } from 'wxt/utils/define-content-script';
import { cytokinePrefixes, prefilter, triggerPattern, version } from 'virtual:claimlens/rules';
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
  main(ctx) {
    try {
      const browser = eagerBrowser();
      startFirstLook(ctx, {
        browser,
        prefilter,
        triggerPattern,
        version,
        cytokineHint: { prefixes: cytokinePrefixes, test: cytokineHint(cytokinePrefixes) },
        loadFull: () => loadFull(browser),
      });
    } catch {
      // Never throw into the page's console.
    }
  },
});
