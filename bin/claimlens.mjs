#!/usr/bin/env node
// The published entry point; the scanner itself is built (rules compiled in) by `npm run build`.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/claimlens.mjs', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('claimlens: the scanner is not built yet; run `npm run build` in the Claimlens folder first.\n');
  process.exit(2);
}
await import(built.href);
