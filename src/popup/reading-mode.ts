/**
 * The popup's side of reading mode: the tab's state from session storage (followed while the popup is open, so
 * the keyboard command shows here too), the command's shortcut as the browser has it, and the switch's action.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Browser } from 'webextension-polyfill';
import { isReadingMode, readingModeKey, setReadingMode } from '../background/reading-mode.ts';

type PopupBrowser = Pick<Browser, 'storage' | 'tabs'> & Partial<Pick<Browser, 'commands'>>;

const READING_MODE_COMMAND = 'toggle-highlights';

export interface ReadingModeState {
  hidden: boolean;
  shortcut: string;
  onChange: (hidden: boolean) => void;
}

export function useReadingMode(browser: PopupBrowser, tabId: number, onError: (message: string) => void): ReadingModeState {
  const [hidden, setHidden] = useState(false);
  const [shortcut, setShortcut] = useState('');
  useEffect(() => {
    const read = () => void isReadingMode(browser, tabId).then(setHidden, () => undefined);
    read();
    void browser.commands
      ?.getAll()
      .then((commands) => setShortcut(commands.find((c) => c.name === READING_MODE_COMMAND)?.shortcut ?? ''))
      .catch(() => undefined);
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && readingModeKey(tabId) in changes) read();
    };
    browser.storage.onChanged.addListener(onStorage);
    return () => browser.storage.onChanged.removeListener(onStorage);
  }, [browser, tabId]);
  return {
    hidden,
    shortcut,
    onChange: (next) => {
      setHidden(next);
      setReadingMode(browser, tabId, next).catch(() => {
        setHidden(!next);
        onError('Claimlens could not change the highlights on this tab; try again.');
      });
    },
  };
}
