// @vitest-environment happy-dom
// The notice in a muted card's place: its words, Undo focused, Esc and Close dismiss it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { MutedNotice } from '../../../src/ui/MutedNotice.tsx';

function renderNotice() {
  const container = document.createElement('div');
  document.body.append(container);
  const onUndo = vi.fn();
  const onClose = vi.fn();
  void act(() => render(<MutedNotice ruleTitle="Living stem cells in the product" onUndo={onUndo} onClose={onClose} />, container));
  const button = (label: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === label || b.getAttribute('aria-label') === label)!;
  return { container, button, onUndo, onClose };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('MutedNotice', () => {
  it('says claims like this are hidden, names the rule for screen readers, and focuses Undo', () => {
    const { container, button } = renderNotice();
    expect(container.querySelector('p')!.textContent).toBe('Claims like this are hidden. The rule “Living stem cells in the product” is switched off on every page.');
    expect(container.querySelector('.visually-hidden')!.textContent).toContain('Living stem cells in the product');
    expect(document.activeElement).toBe(button('Undo'));
  });

  it('undoes with Undo, and closes with Esc or Close', () => {
    const { container, button, onUndo, onClose } = renderNotice();
    button('Undo').click();
    expect(onUndo).toHaveBeenCalledOnce();
    container.querySelector('section')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    button('Close').click();
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('has no axe violations', async () => {
    const { container } = renderNotice();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
