// @vitest-environment happy-dom
// What hides a claim and how the page's own markup says to show it. DOM only: whether the claim then has boxes
// on screen is layout, which the end-to-end tests check in Chromium (tests/e2e/navigator.test.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planReveal, revealRange, whenShown } from '../../../src/dom/reveal-hidden.ts';

/** Puts `html` in the page and returns a Range over the first occurrence of `text`, as the scanner maps it. */
function claimIn(html: string, text: string, root: ParentNode = document.body): Range {
  if (root === document.body) document.body.innerHTML = html;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.textContent!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + text.length);
    return range;
  }
  throw new Error(`"${text}" is not in the fixture`);
}

/** The WAI-ARIA tabs pattern, as a shop's script runs it: a click selects a tab and shows its panel. */
function runTabs(root: ParentNode = document): void {
  const tabs = [...root.querySelectorAll<HTMLElement>('[role="tab"]')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => {
      for (const other of tabs) {
        other.setAttribute('aria-selected', String(other === tab));
        const panel = (root as Document | ShadowRoot).getElementById(other.getAttribute('aria-controls') ?? '') ?? (root as Document | ShadowRoot).querySelector(`[aria-labelledby="${other.id}"]`);
        if (panel instanceof HTMLElement) panel.hidden = other !== tab;
      }
    });
  }
}

const TABS = `
  <div role="tablist">
    <button role="tab" id="t1" aria-selected="true" aria-controls="p1">Benefits</button>
    <button role="tab" id="t2" aria-selected="false" aria-controls="p2">How to use</button>
  </div>
  <div role="tabpanel" id="p1" aria-labelledby="t1"><p>A silky ampoule.</p></div>
  <div role="tabpanel" id="p2" aria-labelledby="t2" hidden><p>Apply it right after microneedling.</p></div>`;

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('planReveal', () => {
  it('finds nothing to do for a claim in plain view', () => {
    const range = claimIn('<main><p>It contains live stem cells.</p></main>', 'live stem cells');
    expect(planReveal(range)).toEqual({ steps: [], blocked: false });
    expect(revealRange(range)).toEqual({ outcome: 'visible', steps: [] });
  });

  it('opens a closed <details>, as its summary would', () => {
    const range = claimIn('<details id="d"><summary>The science</summary><p>Our exosomes reprogram skin.</p></details>', 'exosomes reprogram');
    const details = document.querySelector('details')!;
    const toggled = vi.fn();
    details.addEventListener('toggle', toggled);
    expect(planReveal(range).steps).toEqual([{ kind: 'details', element: details }]);
    expect(revealRange(range).outcome).toBe('revealed');
    expect(details.open).toBe(true);
    expect(planReveal(range)).toEqual({ steps: [], blocked: false });
  });

  it('leaves a claim in the summary of a closed <details> alone: the summary shows', () => {
    const range = claimIn('<details><summary>Live stem cells inside</summary><p>More.</p></details>', 'Live stem cells');
    expect(planReveal(range)).toEqual({ steps: [], blocked: false });
  });

  it('activates the tab that names a hidden panel in aria-controls', () => {
    const range = claimIn(TABS, 'after microneedling');
    runTabs();
    const tab = document.getElementById('t2')!;
    expect(planReveal(range).steps).toEqual([{ kind: 'tab', panel: document.getElementById('p2'), control: tab }]);
    expect(revealRange(range).outcome).toBe('revealed');
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(document.getElementById('p2')!.hidden).toBe(false);
    expect(document.getElementById('p1')!.hidden).toBe(true);
  });

  it('finds the tab through the panel\'s aria-labelledby when no tab names the panel', () => {
    const range = claimIn(TABS.replace(/ aria-controls="p\d"/g, ''), 'after microneedling');
    runTabs();
    expect(planReveal(range).steps).toEqual([{ kind: 'tab', panel: document.getElementById('p2'), control: document.getElementById('t2') }]);
    revealRange(range);
    expect(document.getElementById('p2')!.hidden).toBe(false);
  });

  it('selects a tab widget that listens for mousedown, without a second activation by click', () => {
    const range = claimIn(TABS, 'after microneedling');
    const tab = document.getElementById('t2')!;
    const clicks = vi.fn();
    tab.addEventListener('mousedown', () => {
      tab.setAttribute('aria-selected', 'true');
      document.getElementById('p2')!.hidden = false;
    });
    tab.addEventListener('click', clicks);
    revealRange(range);
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(clicks).not.toHaveBeenCalled();
  });

  it('clicks a collapsed disclosure button (aria-expanded="false", aria-controls) exactly once', () => {
    const range = claimIn(
      '<button id="b" aria-expanded="false" aria-controls="safety">Is it safe?</button><div id="safety" hidden><p>Zero side effects at all.</p></div>',
      'Zero side effects',
    );
    const button = document.getElementById('b')!;
    const clicks = vi.fn(() => {
      const panel = document.getElementById('safety')!;
      panel.hidden = !panel.hidden;
      button.setAttribute('aria-expanded', String(!panel.hidden));
    });
    button.addEventListener('click', clicks);
    expect(planReveal(range).steps).toEqual([{ kind: 'disclosure', region: document.getElementById('safety'), control: button }]);
    revealRange(range);
    expect(clicks).toHaveBeenCalledOnce();
    expect(document.getElementById('safety')!.hidden).toBe(false);
  });

  it('lets a disclosure explain content its stylesheet hides while collapsed', () => {
    document.head.innerHTML = '<style>.body { display: none; }</style>';
    const range = claimIn(
      '<button aria-expanded="false" aria-controls="faq">FAQ</button><section id="faq"><div class="body"><p>Nano cytokines go deep.</p></div></section>',
      'Nano cytokines',
    );
    expect(planReveal(range)).toMatchObject({ blocked: false, steps: [{ kind: 'disclosure' }] });
    // Without the button nothing explains it: the stylesheet's hiding is seen.
    document.querySelector('button')!.remove();
    expect(planReveal(range)).toEqual({ steps: [], blocked: true });
  });

  it('reports a section hidden with no standard control, and changes nothing', () => {
    const range = claimIn('<div class="legacy" hidden><p>Our nano cytokines reach deep.</p></div>', 'nano cytokines');
    expect(planReveal(range)).toEqual({ steps: [], blocked: true });
    expect(revealRange(range)).toEqual({ outcome: 'hidden', steps: [] });
    expect(document.querySelector<HTMLElement>('.legacy')!.hidden).toBe(true);
  });

  it('reports inline display:none as hidden too', () => {
    const range = claimIn('<div style="display: none"><p>Our nano cytokines reach deep.</p></div>', 'nano cytokines');
    expect(planReveal(range).blocked).toBe(true);
  });

  it('does not open a <details> whose hidden inner block no control can show', () => {
    const range = claimIn('<details><summary>More</summary><div hidden><p>Our nano cytokines reach deep.</p></div></details>', 'nano cytokines');
    expect(revealRange(range).outcome).toBe('hidden');
    expect(document.querySelector('details')!.open).toBe(false);
  });

  it('reveals nested sections outermost first: the tab, then the <details> inside its panel', () => {
    const range = claimIn(TABS.replace('<p>Apply it right after microneedling.</p>', '<details><summary>Tips</summary><p>Apply it right after microneedling.</p></details>'), 'after microneedling');
    runTabs();
    const order: string[] = [];
    document.getElementById('t2')!.addEventListener('click', () => order.push('tab'));
    document.querySelector('details')!.addEventListener('toggle', () => order.push('details'));
    expect(planReveal(range).steps.map((s) => s.kind)).toEqual(['tab', 'details']);
    revealRange(range);
    expect(document.getElementById('p2')!.hidden).toBe(false);
    expect(document.querySelector('details')!.open).toBe(true);
    expect(order[0]).toBe('tab');
  });

  it('walks out of an open shadow root to the closed <details> around its host', () => {
    document.body.innerHTML = '<details><summary>Reviews</summary><product-reviews></product-reviews></details>';
    const shadow = document.querySelector('product-reviews')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Our exosomes reprogram skin.</p>';
    const range = claimIn('', 'exosomes reprogram', shadow);
    expect(planReveal(range).steps).toEqual([{ kind: 'details', element: document.querySelector('details') }]);
  });

  it('finds the tab inside the same shadow root as its panel', () => {
    document.body.innerHTML = '<product-tabs></product-tabs>';
    const shadow = document.querySelector('product-tabs')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = TABS;
    runTabs(shadow);
    const range = claimIn('', 'after microneedling', shadow);
    revealRange(range);
    expect(shadow.getElementById('t2')!.getAttribute('aria-selected')).toBe('true');
    expect(shadow.getElementById('p2')!.hidden).toBe(false);
  });
});

describe('whenShown', () => {
  it('gives up after the frames it was allowed when the claim never gets boxes', async () => {
    const range = claimIn('<div hidden><p>Our nano cytokines reach deep.</p></div>', 'nano cytokines');
    const frame = vi.spyOn(window, 'requestAnimationFrame');
    await expect(whenShown(range, 3)).resolves.toBe(false);
    expect(frame).toHaveBeenCalledTimes(3);
  });

  it('resolves as soon as the claim has a box', async () => {
    const range = claimIn('<p>It contains live stem cells.</p>', 'live stem cells');
    let frames = 0;
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((fn) => {
      frames++;
      // The page renders the claim on the second frame.
      if (frames === 2) vi.spyOn(range, 'getClientRects').mockReturnValue([new DOMRect(10, 10, 80, 16)] as unknown as DOMRectList);
      return setTimeout(() => fn(performance.now()), 0) as unknown as number;
    });
    await expect(whenShown(range, 60)).resolves.toBe(true);
    expect(frames).toBe(2);
  });
});
