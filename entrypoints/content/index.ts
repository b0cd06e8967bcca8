import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { prefilter } from 'virtual:claimlens/rules';
import { buildTriggerMatcher, findCandidates } from '../../src/engine/find-candidates';
import { extractText } from '../../src/dom/extract-text';
import { rangeForOffsets } from '../../src/dom/text-ranges';
import { paintHighlights } from '../../src/dom/paint-highlights';
import type { MatchRequest, MatchResponse } from '../../src/messages';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The highlight colours go in as a manifest stylesheet: nothing is added to the page's DOM.
  cssInjectionMode: 'manifest',
  async main(ctx) {
    try {
      const page = extractText(document.body);
      const candidates = findCandidates(page.text, buildTriggerMatcher(prefilter));
      // A page with no trigger words costs one extraction and one regex pass, and never wakes compromise.
      if (candidates.length === 0) return;
      const request: MatchRequest = { type: 'claimlens:match', candidates };
      const result = (await browser.runtime.sendMessage(request)) as MatchResponse;
      if (ctx.isInvalid) return;
      const ranges = result.findings.flatMap((f) => {
        const range = rangeForOffsets(page, f.start, f.end, document);
        return range ? [{ severity: f.severity, range }] : [];
      });
      paintHighlights(ranges);
    } catch {
      // Never throw into the page's console; an extension reloaded under the page lands here too.
    }
  },
});
