// Every cited anchor must occur verbatim in its seed document, so anyone can find the passage. Shared by the
// rules and the lexicon tests; when the seeds folder is absent the tests say so and skip, with the reason.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const SEEDS = resolve(process.env.CLAIMLENS_SEEDS ?? '../shared/seeds');
const haveSeeds = existsSync(SEEDS);

/** One test per anchor: `what` names the anchors in the warning printed when the seeds are missing. */
export function testSeedAnchors(what: string, anchors: readonly { id: string; seed: string; anchor: string }[]): void {
  if (!haveSeeds) console.warn(`${what} not checked: ${SEEDS} is absent (set CLAIMLENS_SEEDS to the seeds folder).`);
  test.skipIf(!haveSeeds).each(anchors)(
    `$id: anchor "$anchor" occurs verbatim in $seed${haveSeeds ? '' : ' (skipped: seeds folder absent)'}`,
    ({ seed, anchor }) => {
      const path = resolve(SEEDS, seed);
      expect(existsSync(path), `${seed} exists in ${SEEDS}`).toBe(true);
      expect(readFileSync(path, 'utf8')).toContain(anchor);
    },
  );
}
