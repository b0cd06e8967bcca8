// @vitest-environment happy-dom
// The popup's "check only where I ask" part as a component: what it offers in each mode, and its callbacks.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { PopupSiteAccess, type PopupSiteAccessProps } from '../../../src/ui/PopupSiteAccess.tsx';

function renderAccess(props: Partial<PopupSiteAccessProps> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const callbacks = { onEverySite: vi.fn(), onWhereAllowed: vi.fn(), onCheckOnce: vi.fn(), onAlwaysCheck: vi.fn() };
  void act(() => render(<PopupSiteAccess mode="undecided" site="shop.example" status="" {...callbacks} {...props} />, container));
  const buttons = () => [...container.querySelectorAll('button')].map((b) => b.textContent);
  const press = (text: string) => void act(() => [...container.querySelectorAll('button')].find((b) => b.textContent === text)!.click());
  return { container, callbacks, buttons, press };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PopupSiteAccess', () => {
  it('until the shopper chooses: says so, offers this page, the site, and both choices', () => {
    const { container, buttons } = renderAccess();
    expect(container.textContent).toContain('Claimlens is not checking shop.example.');
    expect(container.textContent).toContain('Claimlens checks no page until you choose.');
    expect(buttons()).toEqual(['Check this page', 'Always check shop.example', 'Check every site', 'Only where I allow']);
  });

  it('only where allowed: this page once, or the site always; no choice to make', () => {
    const { buttons, callbacks, press } = renderAccess({ mode: 'where-allowed' });
    expect(buttons()).toEqual(['Check this page', 'Always check shop.example']);
    press('Check this page');
    press('Always check shop.example');
    expect(callbacks.onCheckOnce).toHaveBeenCalledTimes(1);
    expect(callbacks.onAlwaysCheck).toHaveBeenCalledTimes(1);
  });

  it('every site, on a page open since before the grant: says why, and offers to check it now', () => {
    const { container, buttons } = renderAccess({ mode: 'every-site' });
    expect(container.textContent).toContain('It was open before Claimlens could check it.');
    expect(buttons()).toEqual(['Check this page']);
  });

  it('on a page that is not a web page, only the choice', () => {
    const { buttons, callbacks, press } = renderAccess({ site: null });
    expect(buttons()).toEqual(['Check every site', 'Only where I allow']);
    press('Check every site');
    press('Only where I allow');
    expect(callbacks.onEverySite).toHaveBeenCalledTimes(1);
    expect(callbacks.onWhereAllowed).toHaveBeenCalledTimes(1);
  });

  it('reads out what the last action did, politely, and has no axe violations', async () => {
    const { container } = renderAccess({ status: 'Checking this page…' });
    const live = container.querySelector('[role="status"]')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('Checking this page…');
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
