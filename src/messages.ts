/** Messages between the content script and the background, with guards: a message is data until checked. */
import type { CandidateSentence, CrossCheck, Finding, Prefilter, QuietMention } from './engine/types.ts';
import type { CardRule } from './ui/ClaimCard.tsx';
import type { IngredientList } from './engine/ingredients/inci-types.ts';
import type { VoiceCues } from './engine/claims/page-voice.ts';

/** Content script → background: run the matcher on these candidate sentences. */
export interface MatchRequest {
  type: 'claimlens:match';
  candidates: CandidateSentence[];
  /** How much the page sells and argues, counted on the page: the matcher reads its voice from them. */
  voice?: VoiceCues;
}

/**
 * Content script → background: the page has been scanned (also when it held no trigger word at all), or
 * Claimlens is paused on its site (`status: 'paused'`, no findings). Findings the settings hide are left out.
 */
export interface PageScanned {
  type: 'claimlens:page-scanned';
  url: string;
  /** The page's title, for reports. */
  title: string;
  /** `paused`: the shopper paused Claimlens on this site, and nothing was scanned. */
  status: 'done' | 'paused';
  version: string;
  /** In page order. */
  findings: Finding[];
  /** The rules behind the findings, as the card shows them (user rules included). */
  rules: Record<string, CardRule>;
  quiet: QuietMention[];
  /** Lexicon ids of every cytokine name on the page, one per mention, in page order. */
  cytokines: string[];
  /** The page's ingredient list (its offsets index no text the background has), or null when it has none. */
  ingredientList: IngredientList | null;
  /** Indexes into `findings` of claims inside the ingredient list: the list speaking, not a claim to check. */
  inList: number[];
  /** Lexicon ids the page's copy names outside its ingredient list: actives the list should hold. */
  named: string[];
}

/** Background → content script, in answer to a PageScanned: the claims read against the ingredient list. */
export interface PageScannedAnswer {
  crossChecks: CrossCheck[];
}

/** Popup → content script: are you there? A page without our content script (a PDF, a store page) cannot answer. */
export interface PingRequest {
  type: 'claimlens:ping';
}

/** Content script → background: the trigger words of the shopper's own rules, to add to the prefilter. */
export interface UserPrefilterRequest {
  type: 'claimlens:user-prefilter';
}

export interface UserPrefilterResponse {
  prefilter: Prefilter;
  /** The version of the rules in force, built-in and the shopper's together, for reports. */
  version: string;
}

/**
 * Eager content script → background: this frame has a candidate (or names a cytokine); inject the rest of
 * Claimlens into it (entrypoints/claimlens-full.ts). Answered once the script has run.
 */
export interface LoadFullRequest {
  type: 'claimlens:load-full';
}

/** Background or popup → content script: show the next, the previous, or a given claim. */
export interface NavigateRequest {
  type: 'claimlens:navigate';
  direction: 'next' | 'previous' | 'index';
  index?: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isMatchRequest(message: unknown): message is MatchRequest {
  return (
    isObject(message) &&
    message.type === 'claimlens:match' &&
    Array.isArray(message.candidates) &&
    message.candidates.every(
      (c: unknown) =>
        isObject(c) &&
        typeof c.text === 'string' &&
        typeof c.start === 'number' &&
        typeof c.end === 'number' &&
        Array.isArray(c.ruleIds) &&
        c.ruleIds.every((id) => typeof id === 'string') &&
        (c.lead === undefined || typeof c.lead === 'string'),
    ) &&
    (message.voice === undefined || (isObject(message.voice) && typeof message.voice.selling === 'number' && typeof message.voice.arguing === 'number'))
  );
}

export function isPageScanned(message: unknown): message is PageScanned {
  return (
    isObject(message) &&
    message.type === 'claimlens:page-scanned' &&
    typeof message.url === 'string' &&
    typeof message.version === 'string' &&
    typeof message.title === 'string' &&
    (message.status === 'done' || message.status === 'paused') &&
    Array.isArray(message.findings) &&
    Array.isArray(message.quiet) &&
    Array.isArray(message.cytokines) &&
    isObject(message.rules) &&
    (message.ingredientList === null || (isObject(message.ingredientList) && Array.isArray(message.ingredientList.ingredients))) &&
    Array.isArray(message.inList) &&
    Array.isArray(message.named) &&
    message.named.every((id) => typeof id === 'string')
  );
}

export function isPingRequest(message: unknown): message is PingRequest {
  return isObject(message) && message.type === 'claimlens:ping';
}

export function isUserPrefilterRequest(message: unknown): message is UserPrefilterRequest {
  return isObject(message) && message.type === 'claimlens:user-prefilter';
}

export function isLoadFullRequest(message: unknown): message is LoadFullRequest {
  return isObject(message) && message.type === 'claimlens:load-full';
}

export function isNavigateRequest(message: unknown): message is NavigateRequest {
  return (
    isObject(message) &&
    message.type === 'claimlens:navigate' &&
    (message.direction === 'next' || message.direction === 'previous' || message.direction === 'index') &&
    (message.index === undefined || typeof message.index === 'number')
  );
}
