// The sentence bank's evaluator: what counts as found, as a false alarm, and as left out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleSet } from 'virtual:claimlens/rules';
import { BankError, evaluateBank, loadBank, scoreBank } from '../../../src/build/evaluate-sentences.ts';

const entry = (text: string, label: string, extra = '') =>
  `- text: ${JSON.stringify(text)}\n  label: ${label}\n  why: test\n  voice: seller\n  kind: shop\n  source: https://example.com/p\n  split: tune\n${extra}`;
const bank = (yaml: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'bank-'));
  writeFileSync(join(dir, 'b.yaml'), yaml);
  return dir;
};

describe('the sentence bank', () => {
  it('counts a flag found, an ok flagged as a false alarm, and leaves unsure sentences out', () => {
    const dir = bank(
      [
        entry('Our cream contains live stem cells.', 'flag', '  seed: "003"\n  type: living stem cells\n'),
        entry('Hyaluronic acid hydrates.', 'flag', '  seed: "003"\n  type: invented\n'),
        entry('Infused with LIVING STEM CELLS from Swiss apples.', 'ok'),
        entry('Live stem cells in every jar.', 'unsure'),
      ].join(''),
    );
    const scores = scoreBank(evaluateBank(loadBank(dir), ruleSet));
    expect(scores).toMatchObject({ sentences: 3, flags: 2, found: 1, flagged: 2, correct: 1, precision: 0.5, recall: 0.5 });
  });

  it('reads a sentence after its context, and counts only what is flagged in the sentence itself', () => {
    const dir = bank(entry('They renew your skin overnight.', 'flag', '  seed: "001"\n  type: exosomes\n  context: Our serum is rich in exosomes.\n'));
    expect(evaluateBank(loadBank(dir), ruleSet)[0]!.flaggedBy).toEqual(['exosome-promises']);
    const before = bank(entry('Our serum is rich in ceramides.', 'ok', '  context: Our cream contains live stem cells.\n'));
    expect(evaluateBank(loadBank(before), ruleSet)[0]!.flaggedBy).toEqual([]);
  });

  it('refuses a bad file, naming the file and the field', () => {
    expect(() => loadBank(bank(entry('x', 'flag')))).toThrow(BankError);
    expect(() => loadBank(bank(entry('x', 'maybe')))).toThrow(/b\.yaml: 0\.label/);
  });

  it('takes `written` for the source of a written sentence, and nothing else that is not an address', () => {
    const written = entry('Live stem cells in every jar.', 'ok').replace('https://example.com/p', 'written');
    expect(loadBank(bank(written))[0]!.source).toBe('written');
    expect(() => loadBank(bank(written.replace('written', 'imagined')))).toThrow(/b\.yaml: 0\.source/);
  });
});
