// The full script counts the page's voice in windows, yielding between them, where it counted the whole text in
// one task: the counts must be the whole text's, cap included, however the cues fall across the windows.
import { describe, expect, it } from 'vitest';
import { VOICE_CAP, voiceCues } from '../../../src/engine/claims/page-voice.ts';
import { voiceInWindows } from '../../../src/content/scan-root.ts';

const FILLER = 'A light lotion, reformulated and blended to leave skin soft all day long without a greasy feel.';
const SELLS = 'Add to cart for free shipping today.';
const ARGUES = 'Experts call it a gimmick with no evidence.';

/** About 900 KB of filler lines, with a cue line at each of `at` (line numbers). */
function page(at: Record<number, string>): string {
  return Array.from({ length: 9000 }, (_, i) => at[i] ?? `${FILLER} Item ${i}.`).join('\n');
}

async function inWindows(text: string) {
  let yields = 0;
  const cues = await voiceInWindows(text, {
    yieldToPage: async () => {
      yields++;
    },
    cancelled: () => false,
  });
  return { cues, yields };
}

describe('the page voice in windows', () => {
  it.each([
    ['no cue', {}],
    ['a few cues in one window', { 10: SELLS, 20: ARGUES, 30: ARGUES }],
    ['cues spread over every window', Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i * 700 + 5, i % 3 === 0 ? SELLS : ARGUES]))],
    ['more cues than the cap, a few in each window', Object.fromEntries(Array.from({ length: 40 }, (_, i) => [i * 220 + 1, i % 2 ? SELLS : ARGUES]))],
  ])('counts as the whole text does: %s', async (_name, at) => {
    const text = page(at);
    const { cues, yields } = await inWindows(text);
    expect(cues).toEqual(voiceCues(text));
    // Over 200 KB: the page had its main thread back between windows (or the counting stopped at the cap).
    expect(yields).toBeGreaterThan(0);
  });

  it('stops at the cap, as voiceCues does', async () => {
    const text = page(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [i * 300, ARGUES])));
    const { cues } = await inWindows(text);
    expect(voiceCues(text).arguing).toBe(VOICE_CAP);
    expect(cues!.arguing).toBe(VOICE_CAP);
  });

  it('gives up when the scan is cancelled', async () => {
    const cues = await voiceInWindows(page({}), { yieldToPage: async () => undefined, cancelled: () => true });
    expect(cues).toBeNull();
  });
});
