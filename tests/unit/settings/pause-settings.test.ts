// The eager script's settings reader (no valibot) must pause exactly where the full reader pauses, and see the
// shopper's own rules exactly when it does: the same stored values, the same answers.
import { describe, expect, it } from 'vitest';
import { loadSettings, SETTINGS_KEY } from '../../../src/settings/settings.ts';
import { readPauseSettings } from '../../../src/settings/pause-settings.ts';
import { fakeStorage } from './fake-storage.ts';

const V2 = { version: 2, pausedSites: ['shop.example.com'], threshold: 'risky', disabledRules: ['x'], userRules: 'rules: []' };
const V1 = { version: 1, pausedOrigins: ['https://shop.example.com', 'http://shop.example.com'], showContext: false, disabledRules: [] };

const STORED: [string, unknown][] = [
  ['nothing stored', undefined],
  ['null', null],
  ['current version', V2],
  ['version 1, migrated', V1],
  ['a newer version', { ...V2, version: 3 }],
  ['no version', { pausedSites: ['shop.example.com'], threshold: 'risky', disabledRules: [], userRules: '' }],
  ['an extra key', { ...V2, extra: true }],
  ['a missing key', { version: 2, pausedSites: ['shop.example.com'], threshold: 'risky', disabledRules: [] }],
  ['a paused site that is no hostname', { ...V2, pausedSites: ['https://shop.example.com/'] }],
  ['a paused site in capitals', { ...V2, pausedSites: ['Shop.example.com'] }],
  ['an unknown threshold', { ...V2, threshold: 'loud' }],
  ['a rule id that is no string', { ...V2, disabledRules: [1] }],
  ['user rules that are no string', { ...V2, userRules: ['x'] }],
  ['a list', [V2]],
  ['a string', 'paused'],
  ['version 1 with an origin that is no URL', { ...V1, pausedOrigins: ['shop'] }],
  ['version 1 with an ftp origin', { ...V1, pausedOrigins: ['ftp://shop.example.com'] }],
  ['version 1 without showContext', { version: 1, pausedOrigins: [], disabledRules: [] }],
  ['an IPv6 site', { ...V2, pausedSites: ['[::1]'] }],
];

describe('readPauseSettings', () => {
  it.each(STORED)('agrees with loadSettings: %s', async (_name, raw) => {
    const { browser } = fakeStorage(raw === undefined ? {} : { [SETTINGS_KEY]: raw });
    const { settings } = await loadSettings(browser);
    expect(readPauseSettings(raw)).toEqual({ pausedSites: settings.pausedSites, userRules: settings.userRules });
  });
});
