import { defineConfig } from 'wxt';
import { claimlensRules } from './src/build/rules-plugin.ts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 in Firefox too (WXT defaults Firefox to MV2): one manifest model, one background story.
  manifestVersion: 3,
  // No auto-imports: src/engine must run unchanged in Node, and explicit imports keep boundaries visible.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Claimlens',
    description:
      'Highlights and explains doubtful stem-cell, cytokine, growth-factor, exosome and PRP claims on skincare pages. Works offline; sends nothing.',
    // storage: each tab's latest scan lives in storage.session so it survives the service worker stopping.
    permissions: ['storage'],
    // The toolbar button uses the small, simplified icons (public/icon/, drawn by scripts/icons.ts).
    action: { default_title: 'Claimlens', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    commands: {
      'next-claim': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Show the next claim on the page' },
      'previous-claim': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Show the previous claim on the page' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Firefox requires an id for MV3 and a data-collection declaration: Claimlens collects nothing.
            gecko: { id: 'claimlens@claimlens.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [claimlensRules()],
  }),
});
