// Messages are data until checked: the page-scanned report must say whether the page was scanned or paused.
import { describe, expect, it } from 'vitest';
import { isPageScanned, isUserPrefilterRequest } from '../../src/messages.ts';

const scanned = {
  type: 'claimlens:page-scanned',
  url: 'https://shop.example.com/',
  title: 'Shop',
  version: 'abc',
  findings: [],
  rules: {},
  quiet: [],
  cytokines: [],
  ingredientList: null,
  inList: [],
  named: [],
};

describe('isPageScanned', () => {
  it.each(['title', 'rules', 'quiet', 'cytokines', 'ingredientList', 'inList'])('refuses a report without %s', (field) => {
    const { [field as keyof typeof scanned]: _dropped, ...rest } = scanned;
    expect(isPageScanned({ ...rest, status: 'done' })).toBe(false);
  });

  it.each(['done', 'paused'])('accepts status %s', (status) => {
    expect(isPageScanned({ ...scanned, status })).toBe(true);
  });

  it.each([undefined, 'scanning', 1])('refuses status %j', (status) => {
    expect(isPageScanned({ ...scanned, status })).toBe(false);
  });
});

describe('isUserPrefilterRequest', () => {
  it('recognises the request and nothing else', () => {
    expect(isUserPrefilterRequest({ type: 'claimlens:user-prefilter' })).toBe(true);
    expect(isUserPrefilterRequest({ type: 'claimlens:match' })).toBe(false);
    expect(isUserPrefilterRequest(null)).toBe(false);
  });
});
