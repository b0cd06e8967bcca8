/**
 * Reading mode's messages: the shopper hides every highlight and the navigator on one tab, until they switch
 * it back or the tab navigates. The background keeps each tab's state; the content scripts ask and are told.
 */

/** Background → every frame of the tab: hide or show the highlights; `announce` says it in the page too. */
export interface ReadingModeChange {
  type: 'claimlens:reading-mode';
  hidden: boolean;
  announce: boolean;
}

/** Content script → background: is reading mode on in my tab? Answered with a ReadingModeAnswer. */
export interface ReadingModeQuery {
  type: 'claimlens:reading-mode-query';
}

export interface ReadingModeAnswer {
  hidden: boolean;
}

/** Top frame → background: the page moved to a new view (an SPA navigation), so reading mode ends. */
export interface ReadingModeEnded {
  type: 'claimlens:reading-mode-ended';
}

const typeOf = (message: unknown): unknown => (typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined);

export function isReadingModeChange(message: unknown): message is ReadingModeChange {
  return typeOf(message) === 'claimlens:reading-mode' && typeof (message as ReadingModeChange).hidden === 'boolean' && typeof (message as ReadingModeChange).announce === 'boolean';
}

export function isReadingModeQuery(message: unknown): message is ReadingModeQuery {
  return typeOf(message) === 'claimlens:reading-mode-query';
}

export function isReadingModeEnded(message: unknown): message is ReadingModeEnded {
  return typeOf(message) === 'claimlens:reading-mode-ended';
}
