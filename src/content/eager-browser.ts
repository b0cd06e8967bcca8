/**
 * The few extension calls the eager content script makes, on the browser's own API rather than through
 * webextension-polyfill (about 3 KiB gzipped, a quarter of the eager budget): Firefox has `browser`, and
 * Chrome's MV3 `chrome.*` returns promises for these calls. A message is answered with `sendResponse`, which
 * both support without the polyfill.
 */
export interface EagerBrowser {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: ListenerSet<(message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => void>;
  };
  storage: {
    local: { get(keys: string | string[]): Promise<Record<string, unknown>> };
    onChanged: ListenerSet<(changes: Record<string, { newValue?: unknown }>, area: string) => void>;
  };
}

interface ListenerSet<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

export function eagerBrowser(): EagerBrowser {
  const scope = globalThis as { browser?: EagerBrowser; chrome?: EagerBrowser };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome!;
}
