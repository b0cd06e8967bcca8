import { defineConfig } from 'wxt';
import { claimlensRules } from './src/build/rules-plugin.ts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  modules: ['@wxt-dev/webextension-polyfill'],
  // No auto-imports: src/engine must run unchanged in Node, and explicit imports keep boundaries visible.
  imports: false,
  manifest: {
    name: 'Claimlens',
    description:
      'Highlights and explains doubtful stem-cell, cytokine, growth-factor, exosome and PRP claims on skincare pages. Works offline; sends nothing.',
    // storage: each tab's latest scan lives in storage.session so it survives the service worker stopping.
    permissions: ['storage'],
    action: { default_title: 'Claimlens' },
    commands: {
      'next-claim': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Show the next claim on the page' },
      'previous-claim': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Show the previous claim on the page' },
    },
  },
  vite: () => ({
    plugins: [claimlensRules()],
  }),
});
