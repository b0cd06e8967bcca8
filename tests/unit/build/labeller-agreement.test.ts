// The agreement study: two labellers' labels joined by text, kappa, and precision and recall weighted back to the split.
import { describe, expect, it } from 'vitest';
import { AgreementError, measureAgreement, type SecondLabel } from '../../../src/build/labeller-agreement.ts';
import type { BankEntry } from '../../../src/build/evaluate-sentences.ts';

const first = (text: string, label: 'flag' | 'ok'): BankEntry =>
  label === 'flag'
    ? { text, label, seed: '001', type: 't', why: 'w', voice: 'seller', kind: 'shop', source: 'https://example.com/', split: 'tune' }
    : { text, label, why: 'w', voice: 'seller', kind: 'shop', source: 'https://example.com/', split: 'tune' };
const second = (text: string, label: SecondLabel['label']): SecondLabel => ({ text, label, why: 'w' });

describe('measureAgreement', () => {
  // The split: 4 flagged and 12 ok by the first labeller; sampled: 2 of the flags and 4 of the oks.
  const population = [
    ...['f1', 'f2', 'f3', 'f4'].map((t) => first(t, 'flag')),
    ...Array.from({ length: 12 }, (_, i) => first(`o${i}`, 'ok')),
  ];

  it('counts the table, the agreement and kappa, reading unsure as not flagged', () => {
    const a = measureAgreement(population, [second('f1', 'flag'), second('f2', 'unsure'), second('o0', 'flag'), second('o1', 'ok'), second('o2', 'ok'), second('o3', 'ok')]);
    expect(a.table).toEqual({ flag: { flag: 1, ok: 0, unsure: 1 }, ok: { flag: 1, ok: 3, unsure: 0 } });
    expect(a.observed).toBeCloseTo(4 / 6);
    // Chance: first flags 2/6, second flags 2/6 → 1/9 + 4/9 = 5/9; kappa = (4/6 − 5/9) / (4/9) = 0.25.
    expect(a.kappa).toBeCloseTo(0.25);
  });

  it('weights precision and recall back to the split, each stratum by its sampling rate', () => {
    const a = measureAgreement(population, [second('f1', 'flag'), second('f2', 'ok'), second('o0', 'flag'), second('o1', 'ok'), second('o2', 'ok'), second('o3', 'ok')]);
    // A flag sampled stands for 2 flags, an ok for 3 oks: tp 2, fn 2, fp 3.
    expect(a.precision).toBeCloseTo(2 / 5);
    expect(a.recall).toBeCloseTo(2 / 4);
  });

  it('refuses a label whose sentence is not a judged sentence of the split', () => {
    expect(() => measureAgreement(population, [second('nowhere', 'ok')])).toThrow(AgreementError);
  });
});
