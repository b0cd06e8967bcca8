import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { ruleSet } from 'virtual:claimlens/rules';
import nlp from '../src/engine/nlp.ts';
import { matchClaims } from '../src/engine/match-claims.ts';
import { isMatchRequest, isPageScanned, type MatchResponse } from '../src/messages.ts';
import { badgeText, forgetTab, saveTabReport } from '../src/background/tab-reports.ts';

// compromise lives here, off the page's main thread: the content script sends candidate sentences only.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (isMatchRequest(message)) {
      const response: MatchResponse = { version: ruleSet.version, ...matchClaims(nlp, message.candidates, ruleSet) };
      return Promise.resolve(response);
    }
    const tabId = sender.tab?.id;
    if (isPageScanned(message) && tabId !== undefined) {
      const { url, version, findings } = message;
      return Promise.all([
        saveTabReport(browser, tabId, { url, version, findings, scannedAt: Date.now() }),
        browser.action.setBadgeText({ tabId, text: badgeText(findings) }),
      ]).then(() => undefined);
    }
    return undefined;
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(browser, tabId));
});
