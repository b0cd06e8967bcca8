import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ruleSet } from 'virtual:claimlens/rules';
import nlp from '../src/engine/nlp';
import { matchClaims } from '../src/engine/match-claims';
import { isMatchRequest, type MatchResponse } from '../src/messages';

// compromise lives here, off the page's main thread: the content script sends candidate sentences only.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isMatchRequest(message)) return undefined;
    const response: MatchResponse = { version: ruleSet.version, ...matchClaims(nlp, message.candidates, ruleSet) };
    return Promise.resolve(response);
  });
});
