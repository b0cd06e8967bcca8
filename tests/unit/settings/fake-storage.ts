/** An in-memory storage.local with onChanged, standing in for the browser's (values are copied, as storage does). */
import type { Browser } from 'webextension-polyfill';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

export function fakeStorage(initial: Record<string, unknown> = {}) {
  const data = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  const listeners = new Set<Listener>();
  const emit = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
    for (const l of listeners) l(structuredClone(changes), 'local');
  };
  const local = {
    async get(keys?: null | string | string[]) {
      const wanted = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items: Record<string, unknown>) {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, value] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: structuredClone(value) };
        data.set(k, structuredClone(value));
      }
      emit(changes);
    },
    async remove(keys: string | string[]) {
      const changes: Record<string, { oldValue?: unknown }> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) {
        if (data.has(k)) changes[k] = { oldValue: data.get(k) };
        data.delete(k);
      }
      emit(changes);
    },
  };
  const browser = {
    storage: {
      local,
      onChanged: {
        addListener: (l: Listener) => void listeners.add(l),
        removeListener: (l: Listener) => void listeners.delete(l),
        hasListener: (l: Listener) => listeners.has(l),
      },
    },
  } as unknown as Pick<Browser, 'storage'>;
  return { browser, data, listeners };
}
