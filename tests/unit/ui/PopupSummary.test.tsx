// @vitest-environment happy-dom
// The popup's summary as a component: each state says what is true, claims are listed by rule in the page's
// numbering, actions go out as callbacks, page text stays text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { PopupSummary, type PopupState, type PopupSummaryProps } from '../../../src/ui/PopupSummary.tsx';
import { buildReport } from '../../../src/report/build-report.ts';
import type { Finding, QuietMention } from '../../../src/engine/types.ts';
import type { CardRule } from '../../../src/ui/ClaimCard.tsx';

const rule = (id: string, severity: CardRule['severity'], title: string): CardRule => ({
  id,
  title,
  severity,
  claim: 'c',
  explanation: 'e',
  ask: 'a',
  sources: [{ title: 'Doc', seed: '001_114ca1963b9cdec9.txt', anchor: 'x' }],
});
const RULES = {
  'living-stem-cells': rule('living-stem-cells', 'misleading', 'Living stem cells in the product'),
  'stability-room-temperature': rule('stability-room-temperature', 'unsupported', 'Stable at room temperature'),
};

function finding(ruleId: keyof typeof RULES, sentence: string, text: string): Finding {
  const start = sentence.indexOf(text);
  return { ruleId, severity: RULES[ruleId].severity, text, start, end: start + text.length, sentence, why: text };
}

// In page order: stability first, then the two living-cell claims.
const FINDINGS = [
  finding('stability-room-temperature', 'It is stable at room temperature for years.', 'stable at room temperature'),
  finding('living-stem-cells', 'Our cream contains live stem cells.', 'contains live stem cells'),
  finding('living-stem-cells', '<img src=x onerror=alert(1)> holds living stem cells', 'holds living stem cells'),
];

const QUIET: QuietMention[] = [
  { ruleId: 'living-stem-cells', start: 0, end: 40, sentence: 'Does this cream contain live stem cells?', set: 'question', reason: 'a question, not a claim' },
];

function reportState(findings = FINDINGS, cytokines: Parameters<typeof buildReport>[3] = [], quiet: QuietMention[] = []): PopupState {
  return {
    kind: 'report',
    report: buildReport('https://shop.example/serum', { findings, quiet }, { version: 'abc123def456' }, cytokines),
    rules: RULES,
    quiet,
    title: 'Serum',
    site: 'shop.example',
  };
}

function renderPopup(props: Partial<PopupSummaryProps> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const callbacks = { onOpenClaim: vi.fn(), onPausedChange: vi.fn(), onExport: vi.fn(), onOpenOptions: vi.fn(), onOpenReport: vi.fn() };
  void act(() => render(<PopupSummary state={reportState()} paused={false} notice={null} exportStatus={null} {...callbacks} {...props} />, container));
  const button = (label: string, within: ParentNode = container) => [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)!;
  return { container, button, ...callbacks };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PopupSummary', () => {
  it('leads with a one-line verdict and the counts by severity', () => {
    const { container } = renderPopup();
    expect(container.querySelector('.verdict-line')!.textContent).toBe('3 claims flagged: 2 misleading, 1 unsupported.');
    const counts = [...container.querySelectorAll('.count')].map((li) => li.textContent);
    expect(counts).toEqual(['2 Misleading', '1 Unsupported', '0 Risky', '0 Context']);
  });

  it('groups the claims by rule, worst first, and opens the page\'s own claim number on a click', () => {
    const { container, onOpenClaim } = renderPopup();
    const groups = [...container.querySelectorAll('.rule-group')];
    expect(groups.map((g) => g.querySelector('.rule-name')!.textContent)).toEqual(['Living stem cells in the product', 'Stable at room temperature']);
    expect(groups[0]!.querySelector('.rule-count')!.textContent).toBe('×2');
    const snippets = [...container.querySelectorAll<HTMLButtonElement>('.snippet')];
    expect(snippets.map((s) => s.querySelector('mark')!.textContent)).toEqual(['contains live stem cells', 'holds living stem cells', 'stable at room temperature']);
    void act(() => snippets[1]!.click());
    expect(onOpenClaim).toHaveBeenCalledWith(2);
    void act(() => snippets[2]!.click());
    expect(onOpenClaim).toHaveBeenLastCalledWith(0);
  });

  it('renders page text as text, never as HTML', () => {
    const { container } = renderPopup();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('shows the Cytokine Facts label only when the page names cytokines', () => {
    expect(renderPopup().container.querySelector('.facts-label')).toBeNull();
    document.body.innerHTML = '';
    const { container } = renderPopup({
      state: reportState(FINDINGS, [
        { id: 'il-6', name: 'IL-6', class: 'pro-inflammatory', mentions: 2 },
        { id: 'il-10', name: 'IL-10', class: 'anti-inflammatory', mentions: 1 },
        { id: 'egf', name: 'EGF', class: 'growth-factor', mentions: 1 },
      ]),
    });
    const label = container.querySelector('.facts-label')!;
    expect(label.querySelector('h2')!.textContent).toBe('Cytokine Facts');
    expect(label.querySelector('.facts-serving')!.textContent).toBe('Named on this page: 3 cytokines');
    const rows = [...label.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('.facts-class-name')!.textContent, tr.querySelector('.facts-names')!.textContent, tr.querySelector('.facts-count')!.textContent]);
    expect(rows).toEqual([
      ['Pro-inflammatory', 'IL-6 ×2', '1'],
      ['Anti-inflammatory', 'IL-10', '1'],
      ['Growth factors', 'EGF', '1'],
    ]);
    const bar = label.querySelector('.balance-bar')!;
    expect(bar.getAttribute('role')).toBe('img');
    expect(bar.getAttribute('aria-label')).toContain('balanced');
    expect((label.querySelector('.balance-pro') as HTMLElement).style.width).toBe('50%');
    expect(label.querySelector('.facts-note')!.textContent).toContain('A listing is not a measurement');
  });

  it('lists the mentions it left alone, each with the reason and the rule, collapsed under the claims', () => {
    expect(renderPopup().container.querySelector('.quiet')).toBeNull();
    document.body.innerHTML = '';
    const { container } = renderPopup({ state: reportState(FINDINGS, [], QUIET) });
    const quiet = container.querySelector('details.quiet')!;
    expect(quiet.hasAttribute('open')).toBe(false);
    expect(quiet.querySelector('summary')!.textContent).toBe('Mentioned, not flagged (1)');
    expect(quiet.querySelector('.quiet-sentence')!.textContent).toBe('Does this cream contain live stem cells?');
    expect(quiet.querySelector('.quiet-reason')!.textContent).toBe('Left alone: a question, not a claim (Living stem cells in the product)');
  });

  it('sends exports out as format and how', () => {
    const { container, button, onExport } = renderPopup();
    const rows = [...container.querySelectorAll('.export-row')];
    void act(() => button('Copy', rows[1]).click());
    expect(onExport).toHaveBeenCalledWith('json', 'copy');
    void act(() => button('Download', rows[0]).click());
    expect(onExport).toHaveBeenLastCalledWith('markdown', 'download');
  });

  it('says when nothing was found, and shows no empty claim list', () => {
    const { container } = renderPopup({ state: reportState([]) });
    expect(container.querySelector('.verdict-line')!.textContent).toBe('No claims found that the rules address.');
    expect(container.querySelector('.claims')).toBeNull();
  });

  it.each<[PopupState, string]>([
    [{ kind: 'unavailable' }, 'This page cannot be scanned.'],
    [{ kind: 'scanning', site: null }, 'Still scanning this page…'],
    [{ kind: 'paused', site: 'shop.example' }, 'Paused on shop.example.'],
    [{ kind: 'loading' }, 'Looking at this tab…'],
  ])('tells the truth when there is no report: %o', (state, text) => {
    const { container } = renderPopup({ state });
    expect(container.querySelector('.popup-main')!.textContent).toContain(text);
    expect(container.querySelector('.verdict-line')).toBeNull();
    expect(container.querySelector('.export')).toBeNull();
  });

  it('offers the pause switch for a site, and reports its new position', () => {
    const { container, onPausedChange } = renderPopup({ paused: true, state: { kind: 'paused', site: 'shop.example' } });
    const toggle = container.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(toggle.checked).toBe(true);
    expect(toggle.closest('label')!.textContent).toContain('Pause on shop.example');
    void act(() => toggle.click());
    expect(onPausedChange).toHaveBeenCalledWith(false);
    document.body.innerHTML = '';
    expect(renderPopup({ state: { kind: 'unavailable' } }).container.querySelector('input[role="switch"]')).toBeNull();
  });

  it('shows a settings notice as an alert', () => {
    const { container } = renderPopup({ notice: 'Your saved settings could not be read.' });
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('Your saved settings could not be read.');
  });

  it('has no axe violations, with and without the label', async () => {
    const { container } = renderPopup({
      state: reportState(FINDINGS, [{ id: 'il-6', name: 'IL-6', class: 'pro-inflammatory', mentions: 1 }]),
      exportStatus: 'Copied the JSON report to the clipboard.',
    });
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
