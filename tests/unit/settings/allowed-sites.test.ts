// Allowed sites are the browser's granted host permissions, less the grants that mean every site.
import { describe, expect, it } from 'vitest';
import { allowedSites } from '../../../src/settings/host-access.ts';

const granting = (origins: string[]) => ({ permissions: { getAll: async () => ({ origins, permissions: [] }) } });

describe('allowed sites', () => {
  it('lists the sites granted one by one, sorted', async () => {
    expect(await allowedSites(granting(['https://b.example/*', 'http://a.example/*']))).toEqual(['http://a.example/*', 'https://b.example/*']);
  });

  it('leaves out every all-sites grant', async () => {
    expect(await allowedSites(granting(['http://*/*', 'https://*/*', '<all_urls>', '*://*/*', 'https://shop.example/*']))).toEqual(['https://shop.example/*']);
  });
});
