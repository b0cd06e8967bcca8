/**
 * Whether a text may name a cytokine, for the eager content script, which decides from this (and the
 * prefilter) whether the rest of Claimlens loads. It looks for the beginnings of the names the lexicon's
 * expression accepts (`cytokinePrefixSource`, built at build time) at the start of a token, as `findCytokines`
 * requires: it can only answer yes more often than `findCytokines` finds a name, never less, so a page naming
 * cytokines always gets its Cytokine Facts label.
 */
const TOKEN_CHAR = /[\p{L}\p{N}]/u;

/** `prefixes`: `cytokinePrefixSource(aliases, depth)`. */
export function cytokineHint(prefixes: string): (text: string) => boolean {
  const regex = new RegExp(prefixes, 'g');
  return (text) => {
    regex.lastIndex = 0;
    for (let hit = regex.exec(text); hit !== null; hit = regex.exec(text)) {
      if (hit.index === 0 || !TOKEN_CHAR.test(text[hit.index - 1]!)) return true;
      regex.lastIndex = hit.index + 1;
    }
    return false;
  };
}
