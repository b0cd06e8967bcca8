/** Messages between the content script and the background, with guards: a message is data until checked. */
import type { CandidateSentence, ScanResult } from './engine/types';

/** Content script → background: run the matcher on these candidate sentences. */
export interface MatchRequest {
  type: 'claimlens:match';
  candidates: CandidateSentence[];
}

/** Background → content script: what the matcher found, and which rule set found it. */
export interface MatchResponse extends ScanResult {
  version: string;
}

export function isMatchRequest(message: unknown): message is MatchRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<MatchRequest>;
  return (
    m.type === 'claimlens:match' &&
    Array.isArray(m.candidates) &&
    m.candidates.every(
      (c) =>
        typeof c === 'object' &&
        c !== null &&
        typeof c.text === 'string' &&
        typeof c.start === 'number' &&
        typeof c.end === 'number' &&
        Array.isArray(c.ruleIds),
    )
  );
}
