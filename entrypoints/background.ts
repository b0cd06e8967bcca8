import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { contextsFile, cytokineLexicon, inciLexicon, ruleSet, sourceTitles, vocabulary } from 'virtual:claimlens/rules';
import nlp from '../src/engine/nlp.ts';
import { matchClaims } from '../src/engine/claims/match-claims.ts';
import { pageVoice } from '../src/engine/claims/page-voice.ts';
import { isLoadFullRequest, isMatchRequest, isPageScanned, isUserPrefilterRequest, type NavigateRequest, type UserPrefilterResponse } from '../src/messages.ts';
import { forgetTab } from '../src/background/tab-reports.ts';
import { clearTab, fileTabReport } from '../src/background/tab-badge.ts';
import { rulesInForce } from '../src/background/rules-in-force.ts';
import { injectFullScript } from '../src/background/inject-full-script.ts';
import { syncEagerScript } from '../src/background/eager-script.ts';
import type { MatchAnswer } from '../src/content/scan-root.ts';
import { isReadingModeEnded, isReadingModeQuery, type ReadingModeAnswer } from '../src/reading-mode-messages.ts';
import { endReadingMode, forgetReadingMode, isReadingMode, toggleReadingMode } from '../src/background/reading-mode.ts';

// compromise lives here, off the page's main thread: the content script sends candidate sentences only.
export default defineBackground(() => {
  // Built-in rules plus the shopper's own, from the settings (compiled once per text of them).
  const rules = rulesInForce({ ruleSet, sourceTitles, contextsFile, vocabulary });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (isMatchRequest(message)) {
      return rules(browser).then(({ ruleSet: inForce, cardRules }): MatchAnswer => {
        const voice = message.voice ? pageVoice(message.voice) : 'neutral';
        const { findings, quiet } = matchClaims(nlp, message.candidates, inForce, { voice });
        const found: MatchAnswer['rules'] = {};
        // Quiet mentions name their rule too: the popup says which rule stayed quiet, and why.
        for (const { ruleId } of [...findings, ...quiet]) found[ruleId] ??= cardRules.get(ruleId)!;
        return { findings, quiet, rules: found };
      });
    }
    if (isUserPrefilterRequest(message)) {
      return rules(browser).then(({ userRules, ruleSet: inForce }): UserPrefilterResponse => ({ prefilter: userRules.prefilter, version: inForce.version }));
    }
    const tabId = sender.tab?.id;
    if (isReadingModeQuery(message) && tabId !== undefined) {
      return isReadingMode(browser, tabId).then((hidden): ReadingModeAnswer => ({ hidden }));
    }
    if (isReadingModeEnded(message) && tabId !== undefined && sender.frameId === 0) {
      return endReadingMode(browser, tabId);
    }
    if (isLoadFullRequest(message) && tabId !== undefined) {
      // Into the asking frame's content-script world; answered once it has run (src/content/load-full.ts).
      return injectFullScript(browser, tabId, sender.frameId ?? 0);
    }
    // Only the top frame's scan speaks for the tab; frames highlight their own claims.
    if (isPageScanned(message) && tabId !== undefined && sender.frameId === 0) {
      return fileTabReport(browser, tabId, message, { cytokines: cytokineLexicon, inci: inciLexicon });
    }
    return undefined;
  });

  // The tab navigates (a reload, a link, or an SPA's pushState: Chrome says "loading" for each, and without the
  // `tabs` permission it does not say where to): what was found before no longer describes the page, and the
  // content script files a fresh report once it has looked again.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void clearTab(browser, tabId);
    // Reading mode lasts until the tab navigates.
    void endReadingMode(browser, tabId).catch(() => undefined);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    const tabId = tab?.id !== undefined ? Promise.resolve(tab.id) : browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]?.id);
    if (command === 'toggle-highlights') {
      void tabId.then((id) => (id === undefined ? undefined : toggleReadingMode(browser, id))).catch(() => undefined);
      return;
    }
    const direction = command === 'next-claim' ? 'next' : command === 'previous-claim' ? 'previous' : undefined;
    if (!direction) return;
    const request: NavigateRequest = { type: 'claimlens:navigate', direction };
    void tabId.then((id) => (id === undefined ? undefined : browser.tabs.sendMessage(id, request, { frameId: 0 }))).catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(browser, tabId);
    void forgetReadingMode(browser, tabId);
  });

  // The eager content script runs where the shopper allowed (src/background/eager-script.ts): registered again
  // whenever a grant is added or withdrawn, here or in the browser's own settings, and at every start.
  const resync = () => void syncEagerScript(browser).catch(() => undefined);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    resync();
    // A fresh install checks no page: the first-run page asks where Claimlens may (issue 15).
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
  });
});
