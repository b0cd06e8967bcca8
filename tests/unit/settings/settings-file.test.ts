// The settings file: what a good one holds, every way a bad one is refused (naming the field), and that a
// refused file writes nothing while a good one round-trips everything.
import { describe, expect, it } from 'vitest';
import { contextsFile, rules, vocabulary } from 'virtual:claimlens/rules';
import { compileUserRules } from '../../../src/engine/claims/compile-user-rules.ts';
import nlp from '../../../src/engine/nlp.ts';
import { EXAMPLE_USER_RULE } from '../../../src/settings/example-user-rule.ts';
import { applySettingsFile, currentSettingsFile, readSettingsFile, type SettingsFile } from '../../../src/settings/settings-file.ts';
import { loadSettings, type Settings } from '../../../src/settings/settings.ts';
import { fakeStorage } from './fake-storage.ts';

const userRuleProblems = (text: string) => {
  const result = compileUserRules({ text, contexts: contextsFile, vocabulary, builtIn: rules, nlp });
  return result.ok ? [] : result.message.split('\n');
};
const read = (text: string) => readSettingsFile(text, { userRuleProblems });

const SETTINGS: Settings = { pausedSites: ['shop.example.com'], threshold: 'unsupported', disabledRules: ['living-stem-cells'], userRules: EXAMPLE_USER_RULE };
const STORED = { version: 2, ...SETTINGS };
const HIDDEN = { 'https://shop.example.com/serum': ['living-stem-cells|live stem cells|It has live stem cells.'] };

function goodFile(): SettingsFile {
  return {
    format: 'claimlens-settings',
    version: 1,
    exportedAt: '2025-01-02T03:04:05.000Z',
    pausedSites: ['other.example.org'],
    allowedSites: ['https://other.example.org/*'],
    threshold: 'misleading',
    disabledRules: ['exosome-promises'],
    userRules: '',
    hiddenClaims: { 'https://other.example.org/cream': ['k1', 'k2'] },
  };
}

const withField = (changes: Record<string, unknown>) => JSON.stringify({ ...goodFile(), ...changes });

describe('reading a settings file', () => {
  it('accepts a good file as it is', () => {
    expect(read(JSON.stringify(goodFile()))).toEqual({ ok: true, file: goodFile() });
  });

  it.each([
    ['not JSON', '{"format": "claimlens-settings",', /^The file is not JSON \(/],
    ['a JSON list', '[1, 2]', /^The file holds no settings: it is not a JSON object\.$/],
    ['another format', JSON.stringify({ ...goodFile(), format: 'dark-reader' }), /^format: "dark-reader": this is not a Claimlens settings file/],
    ['no format', JSON.stringify({ version: 1 }), /^format: missing: this is not a Claimlens settings file/],
    ['a newer version', withField({ version: 2 }), /^version: 2: the file was written by a newer version of Claimlens; this one reads settings files up to version 1\./],
    ['a version that is text', withField({ version: '1' }), /^version: must be 1$/],
    ['a paused site that is not a hostname', withField({ pausedSites: ['ok.example', 'not a host'] }), /^pausedSites\[1\]: must be a hostname, e\.g\. shop\.example\.com$/],
    ['paused sites that are not a list', withField({ pausedSites: 'everywhere' }), /^pausedSites: must be a list of hostnames$/],
    ['an allowed site that is no pattern', withField({ allowedSites: ['shop.example.com'] }), /^allowedSites\[0\]: must be a site pattern/],
    ['an unknown threshold', withField({ threshold: 'dire' }), /^threshold: must be one of misleading, unsupported, risky, context$/],
    ['a rule id that is a number', withField({ disabledRules: [42] }), /^disabledRules\[0\]: must be a rule id$/],
    ['user rules that are a list', withField({ userRules: [] }), /^userRules: must be text \(your rules as YAML\)$/],
    ['a hidden-claims page with a query', withField({ hiddenClaims: { 'https://shop.example.com/a?b=1': ['k'] } }), /^hiddenClaims\["https:\/\/shop\.example\.com\/a\?b=1"\]: must be a page address/],
    ['hidden claims that are not text', withField({ hiddenClaims: { 'https://shop.example.com/a': [1] } }), /^hiddenClaims\["https:\/\/shop\.example\.com\/a"\]\[0\]: must be text$/],
    ['an unknown field', withField({ colour: 'blue' }), /^colour: is not a field of a Claimlens settings file$/],
    ['a missing field', JSON.stringify({ ...goodFile(), threshold: undefined }), /^threshold: is missing$/],
    ['an invalid rule of the shopper\'s', withField({ userRules: EXAMPLE_USER_RULE.replace('severity: unsupported', 'severity: dire') }), /^userRules: line 4: rule "my-salmon-dna", field "severity": must be one of/],
  ])('refuses %s, naming what is wrong', (_name, text, problem) => {
    const result = read(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(problem);
  });

  it('lists every problem, not only the first', () => {
    const result = read(withField({ threshold: 'dire', pausedSites: [''] }));
    expect(result.ok ? [] : result.problems).toEqual([
      'pausedSites[0]: must be a hostname, e.g. shop.example.com',
      'threshold: must be one of misleading, unsupported, risky, context',
    ]);
  });
});

describe('writing a settings file', () => {
  it('round-trips every setting and hidden claim, and drops hidden claims the file does not hold', async () => {
    const storage = fakeStorage({ settings: STORED, ...Object.fromEntries(Object.entries(HIDDEN).map(([p, k]) => [`hidden:${p}`, k])), 'corner:x': 'top-left' });
    const exported = await currentSettingsFile(storage.browser, SETTINGS, ['https://shop.example.com/*']);
    expect(exported).toMatchObject({ format: 'claimlens-settings', version: 1, ...SETTINGS, allowedSites: ['https://shop.example.com/*'], hiddenClaims: HIDDEN });
    const text = JSON.stringify(exported);

    // Another browser, with settings of its own.
    const other = fakeStorage({ settings: { version: 2, pausedSites: ['x.example'], threshold: 'context', disabledRules: [], userRules: '' }, 'hidden:https://x.example/p': ['old'] });
    const result = read(text);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    await applySettingsFile(other.browser, result.file);
    expect((await loadSettings(other.browser)).settings).toEqual(SETTINGS);
    expect(other.data.get('hidden:https://shop.example.com/serum')).toEqual(HIDDEN['https://shop.example.com/serum']);
    expect(other.data.has('hidden:https://x.example/p')).toBe(false);
    const again = await currentSettingsFile(other.browser, SETTINGS, ['https://shop.example.com/*']);
    expect({ ...again, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
  });
});
