// A page that argues against the claims is a critic's; its matches are mentions, not flags.
import { describe, expect, it } from 'vitest';
import nlp from '../../../src/engine/nlp.ts';
import { pageVoice, voiceCues } from '../../../src/engine/claims/page-voice.ts';
import { scanText } from '../../../src/engine/claims/scan-text.ts';
import { ruleSet as rules } from 'virtual:claimlens/rules';

const CRITIC = [
  'The truth about stem cell creams',
  'Stem cell serums are a marketing gimmick.',
  'This cream contains live stem cells.',
  'There is no evidence that any of this works, and the claims are exaggerated.',
].join('\n');
const SHOP = [
  'Stem Cell Renewal Cream',
  '$89.00',
  'Our cream contains live stem cells that renew your skin.',
  'Add to bag',
].join('\n');

describe('page voice', () => {
  it('counts selling and arguing words', () => {
    expect(voiceCues(SHOP)).toEqual({ selling: 3, arguing: 0 });
    expect(voiceCues(CRITIC)).toEqual({ selling: 0, arguing: 3 });
  });
  it('does not count a price told in prose as selling, only one a shop or a clinic asks', () => {
    for (const prose of ['A single session costs about $1,000.', 'You will find them on $300 facial menus.', 'Why does a £430 serum claim to turn back time?', 'For about US$4000, patients get an injection.']) {
      expect(voiceCues(prose).selling, prose).toBe(0);
    }
    for (const asked of ['Price: $49.00', 'Now $39', 'Stem Cell Cream\n$89.00', 'Exosome Facial £430', 'Exosome facial – £430', 'Get it for $49']) {
      expect(voiceCues(asked).selling, asked).toBe(1);
    }
    // A debunking article that tells what the treatment costs is still a critic's.
    const article = ['Exosome facials are the latest hype.', 'A single session costs about $1,000.', 'There is no evidence that they work.'].join('\n');
    expect(pageVoice(voiceCues(article))).toBe('critic');
  });
  it('reads a critic only where arguing clearly outweighs selling', () => {
    expect(pageVoice({ selling: 0, arguing: 2 })).toBe('critic');
    expect(pageVoice({ selling: 2, arguing: 4 })).toBe('seller');
    expect(pageVoice({ selling: 0, arguing: 1 })).toBe('neutral');
    expect(pageVoice({ selling: 1, arguing: 0 })).toBe('seller');
  });
  it('shows a claim on a critic page as a quiet mention, and flags the same words on a shop page', () => {
    const critic = scanText(nlp, CRITIC, rules);
    expect(critic.findings.filter((f) => f.severity !== 'context')).toEqual([]);
    expect(critic.quiet.some((q) => q.set === 'critic-page' && q.sentence === 'This cream contains live stem cells.')).toBe(true);
    expect(scanText(nlp, SHOP, rules).findings.map((f) => f.ruleId)).toContain('living-stem-cells');
  });
});
