// @vitest-environment happy-dom
// The options container with a fake storage: what it loads, what it saves, and what it refuses to save.
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { contextsFile, rules, vocabulary } from 'virtual:claimlens/rules';
import nlp from '../../../src/engine/nlp.ts';
import { familyOf, mountOptions } from '../../../src/options/options-app.tsx';
import { BACKUP_KEY, SETTINGS_KEY } from '../../../src/settings/settings.ts';
import { EXAMPLE_USER_RULE } from '../../../src/settings/example-user-rule.ts';
import { fakeStorage } from '../settings/fake-storage.ts';
import { fakePermissions } from '../settings/fake-permissions.ts';

async function mount(initial: Record<string, unknown> = {}) {
  const storage = fakeStorage(initial);
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    mountOptions(root, { browser: { ...storage.browser, ...fakePermissions().browser }, builtIn: rules, contextsFile, vocabulary, nlp });
  });
  // Settings load asynchronously; wait until the page is there.
  for (let i = 0; i < 50 && !root.querySelector('#user-rules-text'); i++) await act(() => new Promise((ok) => setTimeout(ok, 10)));
  const saveRules = async (text: string) => {
    const area = root.querySelector<HTMLTextAreaElement>('#user-rules-text')!;
    await act(() => {
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save rules')!.click();
    });
    await act(() => new Promise((ok) => setTimeout(ok, 0)));
  };
  const status = () => root.querySelector('[role="status"]')!.textContent;
  return { root, storage, saveRules, status };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('options container', () => {
  it('lists every built-in rule under its family', async () => {
    const { root } = await mount();
    expect(root.querySelectorAll('.rule-toggle').length).toBe(rules.length);
    expect([...root.querySelectorAll('.rule-family legend')].map((l) => l.textContent)).toContain('PRP');
  });

  it('saves a valid rule of the shopper\'s and says how many are in force', async () => {
    const { storage, saveRules, status } = await mount();
    await saveRules(EXAMPLE_USER_RULE);
    expect((storage.data.get(SETTINGS_KEY) as { userRules: string }).userRules).toBe(EXAMPLE_USER_RULE);
    expect(status()).toMatch(/^Saved\. 1 rule of yours in force\./);
  });

  it('refuses an invalid rule, naming line and field, and leaves the saved rules as they were', async () => {
    const { root, storage, saveRules, status } = await mount();
    await saveRules(EXAMPLE_USER_RULE);
    await saveRules(EXAMPLE_USER_RULE.replace('severity: unsupported', 'severity: dire'));
    expect(root.querySelector('.problems li')!.textContent).toBe('line 4: rule "my-salmon-dna", field "severity": must be one of misleading, unsupported, risky, context');
    expect(status()).toContain('The rules in force are unchanged.');
    expect((storage.data.get(SETTINGS_KEY) as { userRules: string }).userRules).toBe(EXAMPLE_USER_RULE);
  });

  it('shows the notice for unreadable settings and keeps the value aside', async () => {
    const { root, storage } = await mount({ [SETTINGS_KEY]: 'garbage' });
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('could not be read');
    expect((storage.data.get(BACKUP_KEY) as { value: unknown }).value).toBe('garbage');
  });

  it('says when saved rules no longer compile, so they are not in force', async () => {
    const clash = EXAMPLE_USER_RULE.replace('my-salmon-dna', rules[0]!.id);
    const { root } = await mount({ [SETTINGS_KEY]: { version: 2, pausedSites: [], threshold: 'context', disabledRules: [], userRules: clash } });
    expect(root.querySelector('.problem-title')!.textContent).toBe('Your saved rules are not in force. Fix these and save again:');
    const problems = [...root.querySelectorAll('.problems li')].map((li) => li.textContent);
    expect(problems).toEqual([`line 2: rule "${rules[0]!.id}", field "id": is already the id of a built-in rule (${rules[0]!.file}): choose another id`]);
  });
});

describe('familyOf', () => {
  it.each([
    ['rules/living-cells.yaml', 'Living cells'],
    ['rules/prp.yaml', 'PRP'],
    ['rules/growth-factors.yml', 'Growth factors'],
  ])('%s → %s', (file, family) => {
    expect(familyOf(file)).toBe(family);
  });
});
