// @vitest-environment happy-dom
// The printable report renders the report document: every claim in its sentence, each rule's reasoning and
// sources, the cross-checks and the label, page text as text; and the Markdown report says the same.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { ReportPage } from '../../../src/ui/ReportPage.tsx';
import { buildReport } from '../../../src/report/build-report.ts';
import { reportDocument } from '../../../src/report/report-document.ts';
import { formatMarkdown } from '../../../src/report/markdown-report.ts';

const sentence = 'Our <b>cream</b> contains live stem cells.';
const start = sentence.indexOf('contains live stem cells');
const report = buildReport(
  'https://shop.example/serum',
  { findings: [{ ruleId: 'living-stem-cells', severity: 'misleading', text: 'contains live stem cells', start, end: start + 24, sentence, why: 'x' }], quiet: [] },
  { version: 'abc123def456' },
  [{ id: 'il-6', name: 'IL-6', class: 'pro-inflammatory', mentions: 1 }],
  [{ ruleId: 'living-stem-cells', kind: 'stem-cells-only-plant-culture', ingredients: ['Malus Domestica Fruit Cell Culture Extract'], message: 'Only a plant cell culture is listed.' }],
);
const rules = new Map([
  ['living-stem-cells', { title: 'Living stem cells in the product', explanation: 'No cell lives in a jar.', ask: 'Which ingredient is alive?', sources: [{ seed: '003_072484d7e9901298.txt', anchor: 'there are no cells in the cream', title: 'Cytokine Facts' }, { seed: '', anchor: '', title: 'Your rule' }] }],
]);
const meta = { title: 'Serum – Shop', scannedAt: new Date('2026-12-01T10:15:00Z') };
const doc = reportDocument(report, rules, {}, meta);

function renderPage() {
  const container = document.createElement('div');
  document.body.append(container);
  const onPrint = vi.fn();
  void act(() => render(<ReportPage doc={doc} onPrint={onPrint} />, container));
  return { container, onPrint };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ReportPage', () => {
  it('heads the report with the page, its title, the time of the scan and the rules version', () => {
    const facts = [...renderPage().container.querySelectorAll('.report-fact')].map((f) => [f.querySelector('dt')!.textContent, f.querySelector('dd')!.textContent]);
    expect(facts.slice(0, 4)).toEqual([
      ['Page', 'https://shop.example/serum'],
      ['Title', 'Serum – Shop'],
      ['Scanned', '2026-12-01 10:15 UTC'],
      ['Rules version', 'abc123def456'],
    ]);
  });

  it('shows each claim in its sentence, as text, with the reasoning, the sources, the cross-checks and the label', () => {
    const { container } = renderPage();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.report-claim')!.textContent).toBe(sentence);
    expect(container.querySelector('.report-claim mark')!.textContent).toBe('contains live stem cells');
    expect([...container.querySelectorAll('.report-sources li')].map((li) => li.textContent)).toEqual([
      'Cytokine Facts (003_072484d7e9901298.txt): “there are no cells in the cream”',
      'Your rule',
    ]);
    expect(container.querySelector('.report-cross-checks li')!.textContent).toContain('Only a plant cell culture is listed.');
    expect(container.querySelector('.facts-label h2')!.textContent).toBe('Cytokine Facts');
  });

  it('prints on request', () => {
    const { container, onPrint } = renderPage();
    void act(() => container.querySelector<HTMLButtonElement>('.print-button')!.click());
    expect(onPrint).toHaveBeenCalledOnce();
  });

  it('says what the Markdown report says', () => {
    const markdown = formatMarkdown(report, rules, {}, meta);
    expect(markdown).toContain('- **Title:** Serum – Shop\n- **Scanned:** 2026-12-01 10:15 UTC\n');
    expect(markdown).toContain('**Sources:** Cytokine Facts (003_072484d7e9901298.txt): “there are no cells in the cream”; Your rule\n');
    const text = renderPage().container.textContent;
    for (const piece of ['No cell lives in a jar.', 'Which ingredient is alive?', 'Only a plant cell culture is listed.', 'Living stem cells in the product']) {
      expect(markdown).toContain(piece);
      expect(text).toContain(piece);
    }
  });

  it('has no axe violations', async () => {
    const { container } = renderPage();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
