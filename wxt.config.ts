import { defineConfig } from 'wxt';
import { claimlensRules } from './src/build/rules-plugin.ts';
import { checkContentScriptBudget } from './src/build/content-script-size.ts';
import { ALL_SITES } from './src/settings/host-access.ts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // No @wxt-dev/webextension-polyfill module: it would put the polyfill (3 KiB gzipped) under WXT's own content-script
  // context, in the eager script. Pages that need the polyfill import 'webextension-polyfill' themselves.
  // MV3 in Firefox too (WXT defaults Firefox to MV2): one manifest model, one background story.
  manifestVersion: 3,
  // No auto-imports: src/engine must run unchanged in Node, and explicit imports keep boundaries visible.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Claimlens',
    description:
      'Highlights and explains doubtful stem-cell, cytokine, growth-factor, exosome and PRP claims on skincare pages. Works offline; sends nothing.',
    // storage: each tab's latest scan lives in storage.session so it survives the service worker stopping.
    // scripting: the background registers the eager content script for the sites the shopper allowed, and injects
    // the full content script into a frame whose first look found a candidate.
    // activeTab: "Check this page" in the popup checks the tab the shopper is looking at, once, with no host grant.
    permissions: ['storage', 'scripting', 'activeTab'],
    // No host permission at install (issue 15): the shopper grants all sites, or site by site, from the first-run
    // page, the options page or the popup (src/settings/host-access.ts); docs/store/permissions.md says why.
    optional_host_permissions: [...ALL_SITES],
    // The toolbar button uses the small, simplified icons (public/icon/, drawn by scripts/icons.ts).
    action: { default_title: 'Claimlens', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    commands: {
      'next-claim': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Show the next claim on the page' },
      'previous-claim': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Show the previous claim on the page' },
      // Reading mode: H for highlights; neither Chrome nor Firefox binds Alt+Shift+H itself.
      'toggle-highlights': { suggested_key: { default: 'Alt+Shift+H' }, description: 'Hide or show Claimlens highlights on this tab' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Firefox requires an id for MV3 and a data-collection declaration: Claimlens collects nothing.
            gecko: { id: 'claimlens@claimlens.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            // data_collection_permissions arrived in Firefox for Android 142 (addons-linter warns otherwise).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    // What Mozilla's reviewer needs to rebuild .output/firefox-mv3 byte for byte (`npm ci && npm run
    // build:firefox`), and nothing else: no tests, screenshots, CLI, docs or build output. WXT already leaves
    // out node_modules, dot-files and .output.
    excludeSources: [
      'tests/**', 'docs/**', 'dist/**', 'bin/**', 'src/cli/**', 'vite.cli.config.ts', 'vitest.config.ts', '*.log',
      // Scripts for people (bench, corpus evaluation, rules doc, linting); scripts/icons.ts stays, it drew public/icon.
      'scripts/bench.ts', 'scripts/eval.ts', 'scripts/rules-doc.ts', 'scripts/lint-firefox.ts',
      'src/build/evaluate-corpus.ts', 'src/build/rules-doc.ts',
    ],
  },
  hooks: {
    // The eager content script is registered at runtime (entrypoints/content): no empty manifest entry left behind.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.content_scripts?.length === 0) delete manifest.content_scripts;
    },
    // The eager content script runs on every page it is allowed on: a build over its size budget fails (src/build/content-script-size.ts).
    'build:done': (wxt) => void checkContentScriptBudget(wxt.config.outDir),
  },
  vite: () => ({
    plugins: [claimlensRules()],
    // Vite's module-preload polyfill fetch()es chunks; extension pages load their modules from the package
    // itself, where the browser's own preloading is enough, and no fetch() should ship at all.
    build: { modulePreload: { polyfill: false } },
  }),
});
