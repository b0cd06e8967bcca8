// The findings navigator in Firefox, whose content scripts see the page through Xray wrappers: synthetic
// events, <details> and the page's own tab script must still work from there.
import { describe, expect, it } from 'vitest';
import { cardText, openPage, useFirefoxBrowser, waitForCard } from './harness.ts';

const env = useFirefoxBrowser();

describe('findings navigator in Firefox', () => {
  it('lists the claims, opens a closed <details> and an ARIA tab to show the chosen claim, and opens its card', async () => {
    const { page, errors } = await openPage(env, 'hidden-sections.html');
    const root = `document.querySelector('claimlens-host')?.shadowRoot`;
    await page.waitForFunction(`Boolean(${root}?.querySelector('.navigator-launcher'))`, { timeout: 20_000, polling: 50 });
    await page.evaluate(`${root}.querySelector('.navigator-launcher').click()`);
    await page.waitForFunction(`${root}.querySelectorAll('.navigator-item').length === 5`, { polling: 50 });
    const choose = (text: string) =>
      page.evaluate(`[...${root}.querySelectorAll('.navigator-item')].find((b) => b.textContent.includes(${JSON.stringify(text)})).click()`);

    await choose('exosomes reprogram');
    await waitForCard(page);
    expect(await page.evaluate(() => document.querySelector<HTMLDetailsElement>('#science')!.open)).toBe(true);
    expect(await cardText(page)).toContain('“Our exosomes reprogram your skin cells to act years younger”');

    await choose('after microneedling');
    await page.waitForFunction(`${root}.querySelector('[role="dialog"]')?.textContent.includes('after microneedling')`, { polling: 50 });
    expect(await page.evaluate(() => [document.querySelector('#tab-use')!.getAttribute('aria-selected'), document.querySelector<HTMLElement>('#panel-use')!.hidden])).toEqual(['true', false]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
