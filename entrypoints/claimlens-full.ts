import browser from 'webextension-polyfill';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cytokineAliases, cytokinePrefixes, prefilter, triggerPattern, version } from 'virtual:claimlens/rules';
import { cytokineHint } from '../src/engine/cytokines/cytokine-hint.ts';
import { startClaimlens } from '../src/content/claimlens-page.ts';
import { leaveStarter } from '../src/content/full-handoff.ts';
import cardCss from '../src/ui/claim-card.css?inline';
import navigatorCss from '../src/ui/navigator.css?inline';
import highlightCss from './content/highlights.css?inline';

// The rest of Claimlens (matching hand-off, ranges, card, navigator, Preact), injected by the background into
// a frame whose first look found a candidate (src/content/load-full.ts). It only leaves its starter behind.
export default defineUnlistedScript(() => {
  leaveStarter((ctx, handoff) => {
    try {
      startClaimlens(ctx, { browser, prefilter, triggerPattern, cytokineAliases, mayNameCytokine: cytokineHint(cytokinePrefixes), version, cardCss: `${cardCss}\n${navigatorCss}`, highlightCss }, handoff);
    } catch {
      // Never throw into the page's console.
    }
  });
});
