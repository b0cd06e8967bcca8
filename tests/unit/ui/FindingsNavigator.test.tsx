// @vitest-environment happy-dom
// The navigator as a component: items in, choices out, page text as text, keyboard first.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { FindingsNavigator, type FindingsNavigatorProps, type NavigatorItem } from '../../../src/ui/FindingsNavigator.tsx';

const ITEMS: NavigatorItem[] = [
  { key: 'a', severity: 'misleading', title: 'Living stem cells in the product', snippet: 'Our formula contains live stem cells.', concealed: false, blocked: false },
  { key: 'b', severity: 'unsupported', title: 'Exosomes reprogram skin', snippet: 'Our exosomes reprogram your skin cells.', concealed: true, blocked: false },
  { key: 'c', severity: 'unsupported', title: 'Nano-sized cytokines', snippet: 'Our nano cytokines reach deep.', concealed: true, blocked: true },
];

function renderNavigator(props: Partial<FindingsNavigatorProps> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const callbacks = { onToggle: vi.fn(), onChoose: vi.fn(), onMove: vi.fn() };
  const draw = (more: Partial<FindingsNavigatorProps> = {}) =>
    act(() => render(<FindingsNavigator items={ITEMS} corner="bottom-right" expanded={false} message="" {...callbacks} {...props} {...more} />, container));
  void draw();
  const $ = <E extends Element = HTMLElement>(selector: string) => container.querySelector<E>(selector);
  const launcher = () => $<HTMLButtonElement>('.navigator-launcher')!;
  const items = () => [...container.querySelectorAll<HTMLButtonElement>('.navigator-item')];
  return { container, draw, $, launcher, items, ...callbacks };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('FindingsNavigator', () => {
  it('starts as a small launcher that counts the claims, with no list', () => {
    const { launcher, items, $ } = renderNavigator();
    expect(launcher().textContent).toBe('Claimlens · 3 claims');
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    expect(launcher().type).toBe('button');
    expect(items()).toHaveLength(0);
    expect($('.navigator')!.className).toContain('corner-bottom-right');
  });

  it('says "1 claim" for one', () => {
    const { launcher } = renderNavigator({ items: ITEMS.slice(0, 1) });
    expect(launcher().textContent).toBe('Claimlens · 1 claim');
  });

  it('asks to open and to close from its launcher', () => {
    const { launcher, onToggle, draw } = renderNavigator();
    launcher().click();
    expect(onToggle).toHaveBeenLastCalledWith(true);
    void draw({ expanded: true });
    launcher().click();
    expect(onToggle).toHaveBeenLastCalledWith(false);
  });

  it('lists every claim in order, in a region labelled by its heading, each with verdict, rule and snippet', () => {
    const { $, items, launcher } = renderNavigator({ expanded: true });
    const region = $('section')!;
    expect(document.getElementById(region.getAttribute('aria-labelledby')!)!.textContent).toBe('3 claims on this page');
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    expect(launcher().getAttribute('aria-controls')).toBe(region.id);
    expect($('ol')!.children).toHaveLength(3);
    expect(items().map((b) => [b.querySelector('.verdict')!.textContent, b.querySelector('.navigator-rule')!.textContent, b.querySelector('.navigator-snippet')!.textContent])).toEqual([
      ['Misleading', ITEMS[0]!.title, `“${ITEMS[0]!.snippet}”`],
      ['Unsupported', ITEMS[1]!.title, `“${ITEMS[1]!.snippet}”`],
      ['Unsupported', ITEMS[2]!.title, `“${ITEMS[2]!.snippet}”`],
    ]);
  });

  it('marks claims in hidden sections, and those Claimlens cannot open', () => {
    const { items } = renderNavigator({ expanded: true });
    expect(items().map((b) => b.querySelector('.navigator-note')?.textContent ?? '')).toEqual([
      '',
      'In a hidden section',
      'In a hidden section — Claimlens cannot open it',
    ]);
  });

  it('puts focus on the first claim when it opens', () => {
    const { items, draw } = renderNavigator();
    void draw({ expanded: true });
    expect(document.activeElement).toBe(items()[0]);
  });

  it('walks the list with the arrow keys, wrapping round', () => {
    const { items } = renderNavigator({ expanded: true });
    key(items()[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(items()[1]);
    key(items()[1]!, 'ArrowUp');
    key(items()[0]!, 'ArrowUp');
    expect(document.activeElement).toBe(items()[2]);
    key(items()[2]!, 'ArrowDown');
    expect(document.activeElement).toBe(items()[0]);
  });

  it('closes on Escape and gives focus back to the launcher', () => {
    const { items, launcher, onToggle } = renderNavigator({ expanded: true });
    key(items()[1]!, 'Escape');
    expect(onToggle).toHaveBeenCalledWith(false);
    expect(document.activeElement).toBe(launcher());
  });

  it('passes on the chosen claim\'s index', () => {
    const { items, onChoose } = renderNavigator({ expanded: true });
    items()[2]!.click();
    expect(onChoose).toHaveBeenCalledWith(2);
  });

  it('moves to another corner from its move control', () => {
    const { container, onMove, draw, $ } = renderNavigator();
    container.querySelector<HTMLButtonElement>('[aria-label="Move to another corner"]')!.click();
    expect(onMove).toHaveBeenCalledOnce();
    void draw({ corner: 'top-left' });
    expect($('.navigator')!.className).toContain('corner-top-left');
  });

  it('says what happened in a polite live region', () => {
    const { $ } = renderNavigator({ message: 'Opened the tab “How to use” to show the claim.' });
    const status = $('[role="status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Opened the tab “How to use” to show the claim.');
  });

  it('renders page text as text, never as markup', () => {
    const { container } = renderNavigator({ expanded: true, items: [{ ...ITEMS[0]!, snippet: '<img src=x onerror=alert(1)>live stem cells' }] });
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it.each([false, true])('has no axe violations (expanded: %s)', async (expanded) => {
    const { container } = renderNavigator({ expanded });
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

function key(target: Element, k: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
}
