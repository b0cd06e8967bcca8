/**
 * An in-memory permissions API standing in for the browser's: request grants what `answer` says (the shopper's
 * click on the browser's prompt), remove withdraws, and onAdded/onRemoved fire as the browser's do.
 */
import type { Browser } from 'webextension-polyfill';

type Listener = (permissions: { origins?: string[]; permissions?: string[] }) => void;

export function fakePermissions(initial: string[] = [], answer: () => boolean = () => true) {
  const origins = new Set(initial);
  const added = new Set<Listener>();
  const removed = new Set<Listener>();
  /** What each request asked for, in order, and whether it was still in the caller's first synchronous step. */
  const requests: string[][] = [];
  const event = (set: Set<Listener>) => ({
    addListener: (l: Listener) => void set.add(l),
    removeListener: (l: Listener) => void set.delete(l),
    hasListener: (l: Listener) => set.has(l),
  });
  const permissions = {
    getAll: async () => ({ origins: [...origins], permissions: ['storage', 'scripting', 'activeTab'] }),
    contains: async (p: { origins?: string[] }) => (p.origins ?? []).every((o) => origins.has(o)),
    request: (p: { origins?: string[] }) => {
      requests.push([...(p.origins ?? [])]);
      if (!answer()) return Promise.resolve(false);
      const fresh = (p.origins ?? []).filter((o) => !origins.has(o));
      fresh.forEach((o) => origins.add(o));
      if (fresh.length > 0) for (const l of added) l({ origins: fresh, permissions: [] });
      return Promise.resolve(true);
    },
    remove: async (p: { origins?: string[] }) => {
      const gone = (p.origins ?? []).filter((o) => origins.has(o));
      gone.forEach((o) => origins.delete(o));
      if (gone.length > 0) for (const l of removed) l({ origins: gone, permissions: [] });
      return gone.length > 0;
    },
    onAdded: event(added),
    onRemoved: event(removed),
  };
  return { browser: { permissions } as unknown as Pick<Browser, 'permissions'>, origins, requests };
}
