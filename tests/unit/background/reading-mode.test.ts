// Each tab's reading mode in session storage, and the word sent to every frame of the tab when it changes.
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { endReadingMode, isReadingMode, toggleReadingMode } from '../../../src/background/reading-mode.ts';
import { isReadingModeChange } from '../../../src/reading-mode-messages.ts';

function fakeBrowser() {
  const session = new Map<string, unknown>();
  const sendMessage = vi.fn(async (_tabId: number, _message: unknown, _options?: unknown) => undefined);
  const browser = {
    storage: {
      session: {
        get: async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {}),
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => session.set(k, v)),
        remove: async (key: string) => void session.delete(key),
      },
    },
    tabs: { sendMessage },
  } as unknown as Pick<Browser, 'storage' | 'tabs'>;
  return { browser, session, sendMessage };
}

describe('reading mode in the background', () => {
  it('toggles per tab and tells every frame of that tab (no frameId), announced', async () => {
    const { browser, session, sendMessage } = fakeBrowser();
    await toggleReadingMode(browser, 7);
    expect(session.get('reading:7')).toBe(true);
    expect(await isReadingMode(browser, 8)).toBe(false);
    expect(sendMessage).toHaveBeenLastCalledWith(7, { type: 'claimlens:reading-mode', hidden: true, announce: true });
    expect(isReadingModeChange(sendMessage.mock.lastCall![1])).toBe(true);
    await toggleReadingMode(browser, 7);
    expect(session.has('reading:7')).toBe(false);
    expect(sendMessage).toHaveBeenLastCalledWith(7, { type: 'claimlens:reading-mode', hidden: false, announce: true });
  });

  it('ends silently when the tab navigates, and says nothing to a tab that was not in reading mode', async () => {
    const { browser, session, sendMessage } = fakeBrowser();
    await endReadingMode(browser, 3);
    expect(sendMessage).not.toHaveBeenCalled();
    await toggleReadingMode(browser, 3);
    await endReadingMode(browser, 3);
    expect(session.has('reading:3')).toBe(false);
    expect(sendMessage).toHaveBeenLastCalledWith(3, { type: 'claimlens:reading-mode', hidden: false, announce: false });
  });

  it('keeps the state when the tab has no script to tell', async () => {
    const { browser, session, sendMessage } = fakeBrowser();
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await toggleReadingMode(browser, 5);
    expect(session.get('reading:5')).toBe(true);
  });
});
