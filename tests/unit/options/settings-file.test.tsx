// @vitest-environment happy-dom
// The settings file's container with fake storage and permissions: a good file is written and its sites the
// browser has not allowed are listed; "Allow these sites" asks for exactly those in the click itself.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SettingsFileControls } from '../../../src/options/settings-file.tsx';
import type { PermissionsApi } from '../../../src/settings/host-access.ts';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings.ts';
import { fakeStorage } from '../settings/fake-storage.ts';

const FILE = {
  format: 'claimlens-settings',
  version: 1,
  pausedSites: [],
  allowedSites: ['https://allowed.example/*', 'https://new.example/*'],
  threshold: 'context',
  disabledRules: [],
  userRules: '',
  hiddenClaims: {},
};

function mount() {
  const storage = fakeStorage({ settings: { version: 2, ...DEFAULT_SETTINGS } });
  const granted = new Set(['https://allowed.example/*']);
  const permissions = {
    getAll: vi.fn(async () => ({ origins: [...granted], permissions: [] })),
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o))),
    request: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      for (const o of origins) granted.add(o);
      return true;
    }),
  } as unknown as PermissionsApi & { request: ReturnType<typeof vi.fn> };
  const onImported = vi.fn();
  const root = document.createElement('div');
  document.body.append(root);
  void act(() =>
    render(<SettingsFileControls browser={storage.browser} permissions={permissions} settings={{ ...DEFAULT_SETTINGS, pausedSites: [], disabledRules: [] }} userRuleProblems={() => []} onImported={onImported} />, root),
  );
  const choose = async (text: string, name = 'settings.json') => {
    const input = root.querySelector<HTMLInputElement>('#settings-file-input')!;
    Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    for (let i = 0; i < 20; i++) await act(() => new Promise((ok) => setTimeout(ok, 5)));
  };
  return { root, storage, permissions, onImported, choose };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('settings file controls', () => {
  it('lists the file\'s sites this browser has not allowed, and asks for exactly those in the click', async () => {
    const { root, permissions, onImported, choose } = mount();
    await choose(JSON.stringify(FILE));
    expect(onImported).toHaveBeenCalledOnce();
    expect([...root.querySelectorAll('.allow-sites .site')].map((e) => e.textContent)).toEqual(['https://new.example/*']);
    const allow = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Allow these sites')!;
    allow.click();
    // Synchronously, inside the click: the browser shows its prompt only from a user gesture.
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['https://new.example/*'] });
    for (let i = 0; i < 20; i++) await act(() => new Promise((ok) => setTimeout(ok, 5)));
    expect(root.querySelector('.allow-sites')).toBeNull();
    expect(root.querySelector('.settings-file [role="status"]')!.textContent).toMatch(/^Allowed 1 site\./);
  });

  it('refuses a bad file with its problems and writes nothing', async () => {
    const { root, storage, onImported, choose } = mount();
    const before = structuredClone([...storage.data]);
    await choose(JSON.stringify({ ...FILE, allowedSites: ['new.example'] }), 'bad.json');
    expect(onImported).not.toHaveBeenCalled();
    expect(root.querySelector('#settings-file-problems .problem-title')!.textContent).toBe('Not imported: bad.json has a problem. Nothing was changed.');
    expect(root.querySelector('#settings-file-problems li')!.textContent).toBe('allowedSites[0]: must be a site pattern (scheme://host/path), e.g. *://shop.example.com/*');
    expect([...storage.data]).toEqual(before);
  });
});
