// The background's rules: the built-in set, plus the shopper's own from the settings, with cards for both.
import { describe, expect, it } from 'vitest';
import { contextsFile, ruleSet, sourceTitles, vocabulary } from 'virtual:claimlens/rules';
import { rulesInForce } from '../../../src/background/rules-in-force.ts';
import { saveSettings, DEFAULT_SETTINGS } from '../../../src/settings/settings.ts';
import { EXAMPLE_USER_RULE } from '../../../src/settings/example-user-rule.ts';
import { fakeStorage } from '../settings/fake-storage.ts';

describe('rulesInForce', () => {
  it('is the built-in set alone when the shopper has no rules', async () => {
    const { browser } = fakeStorage();
    const rules = await rulesInForce({ ruleSet, sourceTitles, contextsFile, vocabulary })(browser);
    expect(rules.ruleSet).toBe(ruleSet);
    expect(rules.userRules.rules).toEqual([]);
    expect(rules.cardRules.size).toBe(ruleSet.rules.length);
  });

  it('adds the shopper\'s rules, with a card naming the source as theirs, and follows edits', async () => {
    const { browser } = fakeStorage();
    const load = rulesInForce({ ruleSet, sourceTitles, contextsFile, vocabulary });
    await saveSettings(browser, { ...DEFAULT_SETTINGS, userRules: EXAMPLE_USER_RULE });
    const rules = await load(browser);
    expect(rules.ruleSet.rules.map((r) => r.id)).toContain('my-salmon-dna');
    expect(rules.ruleSet.version).not.toBe(ruleSet.version);
    expect(Object.keys(rules.userRules.prefilter.triggers)).toContain('salmon');
    expect(rules.cardRules.get('my-salmon-dna')!.sources).toEqual([{ title: 'Your rule', seed: '', anchor: 'A note from my dermatologist, 2025' }]);
    expect(await load(browser)).toBe(rules);
    await saveSettings(browser, DEFAULT_SETTINGS);
    expect((await load(browser)).ruleSet).toBe(ruleSet);
  });

  it('leaves out saved rules that no longer compile, keeping the built-in ones running', async () => {
    const { browser } = fakeStorage();
    await saveSettings(browser, { ...DEFAULT_SETTINGS, userRules: EXAMPLE_USER_RULE.replace('my-salmon-dna', ruleSet.rules[0]!.id) });
    const rules = await rulesInForce({ ruleSet, sourceTitles, contextsFile, vocabulary })(browser);
    expect(rules.ruleSet).toBe(ruleSet);
  });
});
