/**
 * How the eager content script hands a frame over to the rest of Claimlens (entrypoints/claimlens-full.ts),
 * which the background injects into the same isolated world: the injected script leaves its starter under a
 * key of that world's global object (never the page's, which cannot see it), and the eager script calls it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FirstLook } from './look-for-candidates.ts';

export interface Handoff {
  /** The first look at the whole body, when it is what woke the full script and still stands. */
  bodyLook?: FirstLook;
  /** Subtrees that changed while the full script was loading, to scan after the body. */
  pending: Element[];
}

export type StartFull = (ctx: ContentScriptContext, handoff: Handoff) => void;

const FULL_STARTER_KEY = '__claimlensFull';

export function leaveStarter(start: StartFull): void {
  (globalThis as Record<string, unknown>)[FULL_STARTER_KEY] = start;
}

export function takeStarter(): StartFull | undefined {
  return (globalThis as Record<string, unknown>)[FULL_STARTER_KEY] as StartFull | undefined;
}
