// The navigator's snippet: the claim in a few words of its sentence, centred on the flagged words.
import { describe, expect, it } from 'vitest';
import { snippet } from '../../../src/content/navigator-controller.ts';

describe('snippet', () => {
  it('keeps a short sentence whole, with its white space tidied', () => {
    expect(snippet('  Our serum contains\n live stem cells. ', 'live stem cells')).toBe('Our serum contains live stem cells.');
  });

  it('cuts a long sentence around the claim, marking both cuts', () => {
    const sentence = `${'Lorem ipsum dolor sit amet. '.repeat(6)}Our serum contains live stem cells ${'that renew your skin overnight and more. '.repeat(4)}`;
    const s = snippet(sentence, 'live stem cells', 60);
    expect(s).toContain('live stem cells');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(62);
  });

  it('cuts only the end when the claim opens the sentence', () => {
    const s = snippet(`Live stem cells ${'in every drop, '.repeat(10)}`, 'Live stem cells', 40);
    expect(s.startsWith('Live stem cells')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
  });

  it('cuts only the start when the claim closes the sentence', () => {
    const s = snippet(`${'In every drop, '.repeat(10)}live stem cells.`, 'live stem cells', 40);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('live stem cells.')).toBe(true);
  });
});
