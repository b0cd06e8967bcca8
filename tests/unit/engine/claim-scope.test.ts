// Denial, contrast and history are judged for the clause that holds the claim.
import { describe, expect, it } from 'vitest';
import { clauseOf, scopedException } from '../../../src/engine/claims/claim-scope.ts';

const at = (text: string, claim: string) => {
  const start = text.indexOf(claim);
  if (start < 0) throw new Error(`"${claim}" is not in "${text}"`);
  return scopedException(text, { start, end: start + claim.length })?.set ?? null;
};

describe('scopedException', () => {
  it.each([
    ['It is therefore impossible for these creams to contain live stem cells.', 'live stem cells'],
    ['It is impossible for a cream to contain live stem cells.', 'contain live stem cells'],
    ['These are really extracts, NOT whole living cells.', 'whole living cells'],
    ['Live stem cells cannot survive in a jar on a shelf.', 'Live stem cells'],
    ['No cream on the market can keep stem cells alive.', 'keep stem cells alive'],
    ['A stem cell facial rarely involves putting live stem cells onto your skin.', 'live stem cells'],
    ['PRP does not fill deep folds the way a filler does.', 'PRP does not fill deep folds'],
    ['Although it is not a drug, our serum cannot hold live stem cells.', 'live stem cells'],
    ['Science has yet to show that plant stem cell extracts reverse ageing.', 'plant stem cell extracts reverse ageing'],
    // "not allow" is not the harmless "not all": those phrases are whole words.
    ['Regulators do not allow spa treatments to deliver living human stem cells.', 'living human stem cells'],
    // A relative clause that runs on to the claim still denies it.
    ['Creams that contain no live stem cells are the only honest ones.', 'live stem cells'],
    // Without a comma, what they take may be the claim itself.
    ['The cream holds a plant extract instead of live stem cells.', 'live stem cells'],
  ])('denies: %s', (text, claim) => expect(at(text, claim)).toBe('negated'));

  it.each([
    ['Not greasy; it delivers live stem cells.', 'live stem cells'],
    ['Not only does our serum contain live stem cells, it also hydrates.', 'live stem cells'],
    ['No other serum has as many growth factors as ours.', 'as many growth factors'],
    ['Our serum contains live stem cells that renew your skin.', 'live stem cells'],
    ["Don't settle for a single cytokine.", 'settle for a single cytokine'],
    ['Why our blend uses a complex instead of a single factor.', 'instead of a single factor'],
    ['A cytokine serum with no side effects, even on broken skin.', 'serum with no side effects'],
    ["Our exosomes don't need the fridge.", 'need the fridge'],
    ["Our serum won't degrade at room temperature, ever.", 'degrade at room temperature'],
    ['Isn’t it time your skin grew back the volume it lost?', 'grew back the volume'],
    ['Q: Do I need to refrigerate it? A: No, the growth factors are happy at room temperature.', 'happy at room temperature'],
    ['Results without surgery: stem cells regenerate your skin.', 'stem cells regenerate your skin'],
    ['Our live stem cells are never tested on animals.', 'live stem cells'],
    ['Our exosomes (not animal ones) regenerate your skin.', 'exosomes (not animal ones) regenerate your skin'],
    ['Our cream — not a single animal test — holds live stem cells.', 'live stem cells'],
    ['While they will not help if you lose a leg, a stem cell facial can help you look years younger.', 'stem cell facial can help you look years younger'],
    // A denial in a relative clause that a comma closes denies what it says of its own noun.
    ["Usually found in formulas that don't come cheap, this serum holds three growth factor mimetics.", 'growth factor mimetics'],
    ["For skin that doesn't heal well, our serum holds live stem cells.", 'live stem cells'],
    // "instead of", "free of" deny the words they take; a comma closes them.
    ['Layer three pumps instead of one, more growth factors mean better results.', 'more growth factors mean better results'],
    ['Free of parabens and fragrance, our serum holds live stem cells.', 'live stem cells'],
  ])('leaves a claim alone: %s', (text, claim) => expect(at(text, claim)).toBeNull());

  it('sets aside a claim inside a leading contrast, not one after it', () => {
    expect(at('Unlike real stem cells, these vesicles carry no nucleus.', 'real stem cells')).toBe('contrast');
    expect(at('Unlike other brands, our cream holds live stem cells.', 'live stem cells')).toBeNull();
    // "Instead of" and "rather than" lead a contrast too, also after a joining word.
    expect(at('But instead of embryonic stem cells, this cream holds live plant stem cells.', 'live plant stem cells')).toBeNull();
    expect(at('Rather than live stem cells, this cream holds an extract.', 'live stem cells')).toBe('contrast');
    expect(at('But unlike real stem cells, these vesicles carry no nucleus.', 'real stem cells')).toBe('contrast');
  });

  it('reads research history as history', () => {
    expect(at('Medical researchers first discovered stem cells in the 1950s.', 'stem cells')).toBe('history');
    expect(at('Stem cells were first isolated in 1961 by Till and McCulloch.', 'Stem cells')).toBe('history');
    expect(at('Our stem cells renew your skin overnight.', 'stem cells renew your skin')).toBeNull();
  });
});

describe('clauseOf', () => {
  const clause = (text: string, claim: string) => {
    const start = text.indexOf(claim);
    const span = clauseOf(text, { start, end: start + claim.length });
    return text.slice(span.start, span.end);
  };

  it('runs on over an aside in brackets or between dashes, and ends at a break outside one', () => {
    const dashes = 'Exosome therapy uses exosomes — tiny vesicles secreted by cells — to promote regeneration; ask us.';
    expect(clause(dashes, 'exosomes')).toBe('Exosome therapy uses exosomes — tiny vesicles secreted by cells — to promote regeneration');
    expect(clause('Platelet-rich plasma (PRP) renews skin: book now.', 'renews')).toBe('Platelet-rich plasma (PRP) renews skin');
  });

  it('keeps a claim inside an aside to the aside, and a lone dash still ends a clause', () => {
    expect(clause('Our serum (with live stem cells) hydrates.', 'live stem cells')).toBe('with live stem cells');
    expect(clause('Gentle on skin - our stem cells renew it.', 'stem cells')).toBe('our stem cells renew it.');
  });
});
