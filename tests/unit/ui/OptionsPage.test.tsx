// @vitest-environment happy-dom
// The options page as components: settings in, new settings out, errors shown where they belong, accessible.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { OptionsPage, type OptionsPageProps } from '../../../src/ui/OptionsPage.tsx';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings.ts';
import { EXAMPLE_USER_RULE } from '../../../src/settings/example-user-rule.ts';

const RULES: OptionsPageProps['rules'] = [
  { id: 'living-stem-cells', title: 'Living stem cells in the product', severity: 'misleading', family: 'Living cells' },
  { id: 'exosome-repair', title: 'Exosomes repair skin', severity: 'unsupported', family: 'Exosomes' },
  { id: 'prp-at-home', title: 'PRP at home', severity: 'risky', family: 'Prp' },
];

function renderPage(props: Partial<OptionsPageProps> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const callbacks = { onChange: vi.fn<(s: Settings) => void>(), onSaveUserRules: vi.fn<(t: string) => void>() };
  const all: OptionsPageProps = {
    settings: DEFAULT_SETTINGS,
    notice: null,
    rules: RULES,
    userRules: { inForce: 0, problems: null, example: EXAMPLE_USER_RULE },
    status: '',
    ...callbacks,
    ...props,
  };
  // act() runs a synchronous callback and flushes its renders before returning; its promise has nothing left.
  void act(() => render(<OptionsPage {...all} />, container));
  const byLabel = <T extends HTMLElement>(text: string) => {
    const label = [...container.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(text));
    if (!label) throw new Error(`no label "${text}"`);
    return (label.htmlFor ? container.querySelector(`#${label.htmlFor}`) : label.querySelector('input')) as T;
  };
  const button = (text: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.includes(text) || b.getAttribute('aria-label') === text)!;
  const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    void act(() => {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  const click = (el: HTMLElement) => {
    void act(() => el.click());
  };
  return { container, byLabel, button, type, click, ...callbacks };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('paused sites', () => {
  it('adds a site typed as a hostname or a page address, as a hostname', () => {
    const { byLabel, button, type, click, onChange } = renderPage();
    type(byLabel<HTMLInputElement>('Pause on a site'), 'https://Shop.Example.com/serum?x=1');
    click(button('Pause'));
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, pausedSites: ['shop.example.com'] });
  });

  it('refuses what is not a site, saying why, next to the field', () => {
    const { container, byLabel, button, type, click, onChange } = renderPage();
    const input = byLabel<HTMLInputElement>('Pause on a site');
    type(input, 'not a site');
    click(button('Pause'));
    expect(onChange).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector(`#${input.getAttribute('aria-describedby')}`)!.textContent).toContain('"not a site" is not a web address');
  });

  it('lists paused sites, each with a button to resume it', () => {
    const settings = { ...DEFAULT_SETTINGS, pausedSites: ['a.example', 'shop.example.com'] };
    const { container, button, click, onChange } = renderPage({ settings });
    expect([...container.querySelectorAll('.site')].map((s) => s.textContent)).toEqual(['a.example', 'shop.example.com']);
    click(button('Resume Claimlens on shop.example.com'));
    expect(onChange).toHaveBeenCalledWith({ ...settings, pausedSites: ['a.example'] });
  });
});

describe('threshold', () => {
  it('is a radio group with each level explained, the current one checked', () => {
    const { container } = renderPage({ settings: { ...DEFAULT_SETTINGS, threshold: 'risky' } });
    const radios = [...container.querySelectorAll<HTMLInputElement>('input[type="radio"][name="threshold"]')];
    expect(radios.map((r) => r.value)).toEqual(['misleading', 'unsupported', 'risky', 'context']);
    expect(radios.find((r) => r.checked)?.value).toBe('risky');
    for (const r of radios) expect(container.querySelector(`#${r.getAttribute('aria-describedby')}`)!.textContent.length).toBeGreaterThan(10);
    expect(radios[0]!.closest('fieldset')!.querySelector('legend')!.textContent).toBe('What to show');
  });

  it('reports the level chosen', () => {
    const { byLabel, click, onChange } = renderPage();
    click(byLabel<HTMLInputElement>('Unsupported and worse'));
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, threshold: 'unsupported' });
  });
});

describe('rules switched off', () => {
  it('lists every rule with title, severity and id, grouped by family, checked when on', () => {
    const { container } = renderPage({ settings: { ...DEFAULT_SETTINGS, disabledRules: ['exosome-repair'] } });
    const families = [...container.querySelectorAll('.rule-family legend')].map((l) => l.textContent);
    expect(families).toEqual(['Living cells', 'Exosomes', 'Prp']);
    const rows = [...container.querySelectorAll('.rule-toggle')].map((l) => [l.querySelector('input')!.checked, l.textContent]);
    expect(rows).toEqual([
      [true, 'Living stem cells in the productMisleadingliving-stem-cells'],
      [false, 'Exosomes repair skinUnsupportedexosome-repair'],
      [true, 'PRP at homeRiskyprp-at-home'],
    ]);
    expect(container.textContent).toContain('1 of 3 switched off');
  });

  it('switches a rule off and back on', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledRules: ['exosome-repair'] };
    const { byLabel, click, onChange } = renderPage({ settings });
    click(byLabel<HTMLInputElement>('Living stem cells'));
    expect(onChange).toHaveBeenLastCalledWith({ ...settings, disabledRules: ['exosome-repair', 'living-stem-cells'] });
    click(byLabel<HTMLInputElement>('Exosomes repair skin'));
    expect(onChange).toHaveBeenLastCalledWith({ ...settings, disabledRules: [] });
  });

  it('filters by words of the title, id, family or severity', () => {
    const { container, byLabel, type } = renderPage();
    const titles = () => [...container.querySelectorAll('.rule-title')].map((t) => t.textContent);
    type(byLabel<HTMLInputElement>('Find a rule'), 'risky');
    expect(titles()).toEqual(['PRP at home']);
    type(byLabel<HTMLInputElement>('Find a rule'), 'exosome');
    expect(titles()).toEqual(['Exosomes repair skin']);
    type(byLabel<HTMLInputElement>('Find a rule'), 'nothing like this');
    expect(titles()).toEqual([]);
    expect(container.textContent).toContain('No rule matches');
  });
});

describe('your own rules', () => {
  it('saves the text typed', () => {
    const { byLabel, button, type, click, onSaveUserRules } = renderPage();
    type(byLabel<HTMLTextAreaElement>('Rules (YAML)'), '- id: mine\n');
    click(button('Save rules'));
    expect(onSaveUserRules).toHaveBeenCalledWith('- id: mine\n');
  });

  it('shows each problem, naming line and field, tied to the text area', () => {
    const lines = ['line 3: rule "mine", field "severity": must be one of misleading, unsupported, risky, context', 'line 9: rule "mine", field "aks": is not a known field; did you mean "ask"?'];
    const { container, byLabel } = renderPage({ userRules: { inForce: 1, problems: { title: 'Not saved. Fix these and save again:', lines }, example: EXAMPLE_USER_RULE } });
    const area = byLabel<HTMLTextAreaElement>('Rules (YAML)');
    expect(area.getAttribute('aria-invalid')).toBe('true');
    const described = area.getAttribute('aria-describedby')!.split(' ').map((id) => container.querySelector(`#${id}`)!.textContent).join(' ');
    expect(described).toContain('line 3: rule "mine", field "severity"');
    expect([...container.querySelectorAll('.problems li')].map((li) => li.textContent)).toEqual(lines);
    expect(container.querySelector('.problem-title')!.textContent).toBe('Not saved. Fix these and save again:');
  });

  it('keeps the draft after a refused save', () => {
    const { byLabel, button, type, click, container } = renderPage();
    type(byLabel<HTMLTextAreaElement>('Rules (YAML)'), 'draft');
    click(button('Save rules'));
    expect(byLabel<HTMLTextAreaElement>('Rules (YAML)').value).toBe('draft');
    expect(container.textContent).toContain('Unsaved changes.');
  });

  it('offers an example to start from', () => {
    const { byLabel, button, click, container } = renderPage();
    expect(container.querySelector('.example pre')!.textContent).toBe(EXAMPLE_USER_RULE);
    click(button('Copy the example into your rules'));
    expect(byLabel<HTMLTextAreaElement>('Rules (YAML)').value).toBe(EXAMPLE_USER_RULE);
  });

  it('says how many of the shopper\'s rules are in force', () => {
    const { container } = renderPage({ settings: { ...DEFAULT_SETTINGS, userRules: EXAMPLE_USER_RULE }, userRules: { inForce: 1, problems: null, example: EXAMPLE_USER_RULE } });
    expect(container.textContent).toContain('1 rule of yours in force.');
  });
});

describe('the page', () => {
  it('shows the notice when stored settings were unreadable, as an alert', () => {
    const { container } = renderPage({ notice: 'Your saved settings could not be read: …' });
    const alert = container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Your saved settings could not be read');
  });

  it('shows no notice when there is none', () => {
    const { container } = renderPage();
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('announces outcomes in a polite live region', () => {
    const { container } = renderPage({ status: 'Saved. (10:41:03)' });
    const region = container.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('Saved. (10:41:03)');
  });

  it('has no axe violations, with a notice and problems showing', async () => {
    const { container } = renderPage({
      notice: 'Your saved settings could not be read.',
      settings: { ...DEFAULT_SETTINGS, pausedSites: ['shop.example.com'] },
      userRules: { inForce: 0, problems: { title: 'Not saved.', lines: ['line 1: rule "x", field "id": bad'] }, example: EXAMPLE_USER_RULE },
    });
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
