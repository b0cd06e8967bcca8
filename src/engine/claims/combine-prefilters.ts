/** Two prefilters as one: the built-in rules' and the shopper's. Free of compromise, for the content script. */
import type { Prefilter } from '../types.ts';

export function combinePrefilters(a: Prefilter, b: Prefilter): Prefilter {
  const triggers: Record<string, string[]> = {};
  for (const source of [a, b]) {
    for (const [word, ids] of Object.entries(source.triggers)) triggers[word] = [...new Set([...(triggers[word] ?? []), ...ids])];
  }
  return { triggers };
}
