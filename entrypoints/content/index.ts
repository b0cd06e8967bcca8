import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { prefilter, version } from 'virtual:claimlens/rules';
import { buildTriggerMatcher, findCandidates } from '../../src/engine/find-candidates.ts';
import { extractText } from '../../src/dom/extract-text.ts';
import { rangeForOffsets } from '../../src/dom/text-ranges.ts';
import { paintHighlights } from '../../src/dom/paint-highlights.ts';
import type { Finding } from '../../src/engine/types.ts';
import type { MatchRequest, MatchResponse, PageScanned } from '../../src/messages.ts';
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
      let findings: Finding[] = [];
      // A page with no trigger words costs one extraction and one regex pass, and never wakes compromise.
      if (candidates.length > 0) {
        const request: MatchRequest = { type: 'claimlens:match', candidates };
        const result = (await browser.runtime.sendMessage(request)) as MatchResponse;
        if (ctx.isInvalid) return;
        findings = result.findings;
        paintHighlights(
          findings.flatMap((f) => {
            const range = rangeForOffsets(page, f.start, f.end, document);
            return range ? [{ severity: f.severity, range }] : [];
          }),
        );
      }
      const scanned: PageScanned = { type: 'claimlens:page-scanned', url: location.href, version, findings };
      await browser.runtime.sendMessage(scanned);
    } catch {
      // Never throw into the page's console; an extension reloaded under the page lands here too.
    }
  },
});
