import { describe, expect, it } from 'vitest';
import { exportFile, fileSlug } from '../../../src/popup/export-report.ts';
import { buildReport } from '../../../src/report/build-report.ts';

const sentence = 'Our cream contains live stem cells.';
const finding = { ruleId: 'living-stem-cells', severity: 'misleading' as const, text: 'contains live stem cells', start: 10, end: 34, sentence, why: 'contains live stem cells' };
const report = buildReport('https://shop.example/products/serum.html?ref=ad', { findings: [finding], quiet: [] }, { version: 'abc123def456' }, [
  { id: 'il-6', name: 'IL-6', class: 'pro-inflammatory', mentions: 1 },
]);
const rules = {
  'living-stem-cells': {
    title: 'Living stem cells in the product',
    explanation: 'No cell survives in a jar.',
    ask: 'Which ingredient is alive?',
    sources: [{ seed: '003_072484d7e9901298.txt', anchor: 'there are no cells in the cream', title: 'Cytokine Facts' }],
  },
};
const day = new Date('2026-12-01T10:00:00Z');

describe('exportFile', () => {
  it('JSON is the report itself, the scanner\'s contract', () => {
    const file = exportFile('json', report, rules, day);
    expect(file).toMatchObject({ filename: 'claimlens-shop-example-products-serum-2026-12-01.json', mime: 'application/json' });
    expect(JSON.parse(file.text)).toEqual(report);
  });

  it('Markdown is the report with each rule\'s reasoning and its source\'s title', () => {
    const file = exportFile('markdown', report, rules, day);
    expect(file.filename).toBe('claimlens-shop-example-products-serum-2026-12-01.md');
    expect(file.text).toContain('# Claimlens report');
    expect(file.text).toContain('### Living stem cells in the product (`living-stem-cells`)');
    expect(file.text).toContain('> Our cream **contains live stem cells**.');
    expect(file.text).toContain('**Sources:** Cytokine Facts (003_072484d7e9901298.txt): “there are no cells in the cream”');
    expect(file.text).toContain('## Cytokine Facts');
  });
});

describe('fileSlug', () => {
  it.each([
    ['https://Shop.Example.com/a/b.html', 'shop-example-com-a-b'],
    ['http://127.0.0.1:8080/', '127-0-0-1'],
    ['tests/fixtures/page.html', 'tests-fixtures-page'],
    ['https://例え.jp/', 'xn-r8jz45g-jp'],
    ['', 'page'],
    [`https://x.example/${'a'.repeat(100)}`, `x-example-${'a'.repeat(50)}`],
  ])('%s → %s', (address, slug) => {
    expect(fileSlug(address)).toBe(slug);
  });
});
