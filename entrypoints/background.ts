import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { contextsFile, ruleSet, sourceTitles } from 'virtual:claimlens/rules';
import nlp from '../src/engine/nlp.ts';
import { matchClaims } from '../src/engine/match-claims.ts';
import { isMatchRequest, isPageScanned, isUserPrefilterRequest, type NavigateRequest, type UserPrefilterResponse } from '../src/messages.ts';
import { badgeText, forgetTab, saveTabReport } from '../src/background/tab-reports.ts';
import { rulesInForce } from '../src/background/rules-in-force.ts';
import type { MatchAnswer } from '../src/content/scan-root.ts';

// compromise lives here, off the page's main thread: the content script sends candidate sentences only.
export default defineBackground(() => {
  // Built-in rules plus the shopper's own, from the settings (compiled once per text of them).
  const rules = rulesInForce({ ruleSet, sourceTitles, contextsFile });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (isMatchRequest(message)) {
      return rules(browser).then(({ ruleSet: inForce, cardRules }): MatchAnswer => {
        const { findings } = matchClaims(nlp, message.candidates, inForce);
        const found: MatchAnswer['rules'] = {};
        for (const f of findings) found[f.ruleId] ??= cardRules.get(f.ruleId)!;
        return { findings, rules: found };
      });
    }
    if (isUserPrefilterRequest(message)) {
      return rules(browser).then(({ userRules, ruleSet: inForce }): UserPrefilterResponse => ({ prefilter: userRules.prefilter, version: inForce.version }));
    }
    const tabId = sender.tab?.id;
    // Only the top frame's scan speaks for the tab; frames highlight their own claims.
    if (isPageScanned(message) && tabId !== undefined && sender.frameId === 0) {
      const { url, version, status, findings } = message;
      return Promise.all([
        saveTabReport(browser, tabId, { url, version, status, findings, scannedAt: Date.now() }),
        browser.action.setBadgeText({ tabId, text: badgeText(findings) }),
      ]).then(() => undefined);
    }
    return undefined;
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    const direction = command === 'next-claim' ? 'next' : command === 'previous-claim' ? 'previous' : undefined;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (!direction || tabId === undefined) return;
    const request: NavigateRequest = { type: 'claimlens:navigate', direction };
    await browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(browser, tabId));
});
