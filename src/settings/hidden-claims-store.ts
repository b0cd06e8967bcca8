/**
 * Every page's hidden claims ("Not a claim? Hide it") at once, for the settings file: each page's list lives in
 * storage.local under `hidden:<origin><path>` (src/content/hidden-claims.ts writes one page at a time).
 */
import type { Browser } from 'webextension-polyfill';

export const HIDDEN_PREFIX = 'hidden:';

/** Hidden claim keys by page address (origin and path, no query or fragment). */
export type HiddenClaimsByPage = Record<string, string[]>;

export async function readAllHiddenClaims(browser: Pick<Browser, 'storage'>): Promise<HiddenClaimsByPage> {
  const all = await browser.storage.local.get(null);
  const out: HiddenClaimsByPage = {};
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(HIDDEN_PREFIX) || !Array.isArray(value)) continue;
    const keys = value.filter((k): k is string => typeof k === 'string');
    if (keys.length > 0) out[key.slice(HIDDEN_PREFIX.length)] = keys;
  }
  return out;
}

/** A page address as hidden claims are kept: an http(s) URL with a path and nothing after it; null otherwise. */
export function hiddenClaimsPage(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const page = `${url.origin}${url.pathname}`;
  return page === address ? page : null;
}
