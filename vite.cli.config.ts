// Builds the command-line scanner into dist/cli/claimlens.mjs, with the rules compiled in as for the extension.
import { defineConfig } from 'vite';
import { claimlensRules } from './src/build/rules-plugin.ts';

export default defineConfig({
  plugins: [claimlensRules()],
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'claimlens.mjs' } },
  },
});
