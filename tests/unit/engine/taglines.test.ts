// A headline names the product and the tagline after it makes the claim: the claim is about the product.
import { describe, expect, it } from 'vitest';
import { ruleSet } from 'virtual:claimlens/rules';
import nlp from '../../../src/engine/nlp.ts';
import { scanText } from '../../../src/engine/claims/scan-text.ts';

const found = (text: string) => scanText(nlp, text, ruleSet).findings.map((f) => [f.ruleId, f.text, f.sentence]);

describe('a tagline takes its subject from the headline before it', () => {
  it('flags the tagline of a stem cell headline, in the same block or the next', () => {
    for (const text of ['One Stem Cell Facial. Results That Last a Lifetime.', 'One Stem Cell Facial\nResults That Last a Lifetime.']) {
      expect(found(text)).toEqual([['one-treatment-permanent', 'Last a Lifetime', 'Results That Last a Lifetime.']]);
    }
  });

  it('flags a short bullet a few lines under the headline, but not past three or a long sentence', () => {
    const bullets = (lines: string[]) => found(['One Stem Cell Facial', ...lines].join('\n')).map(([id]) => id);
    expect(bullets(['Gentle on skin', 'No downtime', 'Results That Last a Lifetime.'])).toEqual(['one-treatment-permanent']);
    expect(bullets(['Gentle on skin', 'No downtime', 'Booked in minutes', 'Results That Last a Lifetime.'])).toEqual([]);
    expect(bullets(['We welcome every client to our calm and friendly clinic in the heart of town, open daily', 'Results That Last a Lifetime.'])).toEqual([]);
  });

  it('stays quiet when the headline names no cell-derived subject, or is too far away', () => {
    expect(found('Our Vitamin C Serum. Results That Last a Lifetime.')).toEqual([]);
    expect(found('Results That Last a Lifetime.')).toEqual([]);
    expect(found('One Stem Cell Facial.\n\nResults That Last a Lifetime.')).toEqual([]);
    expect(found('Our clinic offers a stem cell facial among many other gentle treatments. Results that last a lifetime.')).toEqual([]);
  });
});
