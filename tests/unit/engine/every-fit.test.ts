// A wildcard's every fit: where compromise stops at the first place a wildcard's neighbour fits.
import { describe, expect, it } from 'vitest';
import nlp from '../../../src/engine/nlp.ts';
import { matchEveryFit, piecesOf } from '../../../src/engine/claims/every-fit.ts';

/** What compromise matches, and what every fit matches, of `pattern` in `text`. */
function both(pattern: string, text: string): { compromise: string; everyFit: string | null } {
  const regs = nlp.parseMatch(pattern);
  const doc = nlp(text);
  const pieces = piecesOf(regs);
  return { compromise: doc.match(regs).text(), everyFit: pieces ? (matchEveryFit(doc, pieces)?.text() ?? null) : null };
}

describe('every fit of a wildcard', () => {
  it('finds what compromise misses when the wildcard stops at the first word that fits', () => {
    expect(both('the higher .{0,6} the faster', 'The higher the cytokine concentration, the faster the rejuvenation.')).toEqual({
      compromise: '',
      everyFit: 'The higher the cytokine concentration, the faster',
    });
    // The first "restore" leads nowhere; the second fits.
    expect(both('stem cells .{0,6} (restore|regenerate) .{0,1} skin', 'Stem cells restore balance and regenerate your skin.').everyFit).toBe(
      'Stem cells restore balance and regenerate your skin.',
    );
  });

  it('keeps each wildcard to the words it allows, and a match to one sentence', () => {
    expect(both('the higher .{0,2} the faster', 'The higher the cytokine concentration, the faster the rejuvenation.').everyFit).toBeNull();
    expect(both('stem cells .{2,6} skin', 'Stem cells and skin.').everyFit).toBeNull();
    expect(both('growth factors .{0,8} younger', 'Growth factors are proteins. They make the skin look younger.').everyFit).toBeNull();
  });

  it('keeps the anchors', () => {
    expect(both('^the higher .{0,6} the faster', 'So the higher the dose, the faster it works.').everyFit).toBeNull();
    expect(both('^the higher .{0,6} the faster', 'The higher the dose, the faster it works.').everyFit).toBe('The higher the dose, the faster');
  });

  it('leaves to compromise a pattern it cannot have missed a fit of', () => {
    expect(piecesOf(nlp.parseMatch('stem cell serum'))).toBeNull();
    expect(piecesOf(nlp.parseMatch('.{0,3} stem cells'))).toBeNull();
    expect(piecesOf(nlp.parseMatch('stem cells .{0,3}'))).toBeNull();
    expect(piecesOf(nlp.parseMatch('stem . cells'))).toBeNull();
    // One word after each wildcard, the last or followed by a gap of any length: the first fit is the best.
    expect(piecesOf(nlp.parseMatch('stem cells * skin'))).toBeNull();
    expect(piecesOf(nlp.parseMatch('stem cells .{0,6} skin'))).toBeNull();
    expect(piecesOf(nlp.parseMatch('stem cells .{0,6} your skin'))).toHaveLength(2);
    expect(piecesOf(nlp.parseMatch('stem cells .{0,6} renew .{0,2} skin'))).toHaveLength(3);
  });
});
