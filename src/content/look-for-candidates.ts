/**
 * The first look at one subtree, the only work every page and frame pays for: extract its text in slices
 * (yielding to the page between them) and run the prefilter's one expression over it in windows. The eager
 * content script does this alone; the rest of Claimlens loads only where it finds a candidate sentence or a
 * cytokine name, and takes this result over rather than extracting again.
 */
import { TextExtractor, type ExtractOptions, type PageText } from '../dom/extract-text.ts';
import { findCandidates, type TriggerMatcher } from '../engine/claims/find-candidates.ts';
import type { CandidateSentence } from '../engine/types.ts';

export interface FirstLook {
  page: PageText;
  candidates: CandidateSentence[];
}

export interface LookDeps {
  triggers: TriggerMatcher;
  exclude: ExtractOptions['exclude'];
  /** Resolves after the page has had the main thread back for a moment. */
  yieldToPage: () => Promise<void>;
  /** True once the scan is no longer wanted (navigation, extension unloaded). */
  cancelled: () => boolean;
}

/** A slice of work on the main thread stays well under the 50 ms that makes a long task. */
const SLICE_MS = 8;
const WINDOW = 200_000;

const gates = new WeakMap<TriggerMatcher, RegExp>();

/**
 * The prefilter's expression held to whole words: no ASCII letter or digit touches a hit. A page with no
 * candidate has no hit, where the bare expression stops inside every "formula" and "blend" for
 * `findCandidates` to turn down (11,000 times on the bench's 1 MB page, three quarters of the first look's
 * regex time). It only answers yes more often than `findCandidates` finds a candidate, never less (a letter
 * or digit next to a hit rules it out there too), so a window without a hit needs no `findCandidates`.
 */
export function wholeWordGate(triggers: TriggerMatcher): RegExp {
  let gate = gates.get(triggers);
  if (!gate) {
    gate = new RegExp(`(?<![A-Za-z0-9])(?:${triggers.regex.source})(?![A-Za-z0-9])`, triggers.regex.flags.replace('g', ''));
    gates.set(triggers, gate);
  }
  return gate;
}

/** The subtree's text and candidate sentences; null when cancelled on the way. */
export async function lookForCandidates(root: Node, deps: LookDeps): Promise<FirstLook | null> {
  const extractor = new TextExtractor(root, { exclude: deps.exclude });
  for (;;) {
    const deadline = performance.now() + SLICE_MS;
    if (extractor.step(() => performance.now() > deadline)) break;
    await deps.yieldToPage();
    if (deps.cancelled()) return null;
  }
  const page = extractor.result();
  const gate = wholeWordGate(deps.triggers);
  const candidates: CandidateSentence[] = [];
  for (let from = 0; from < page.text.length; ) {
    // Windows of about 200 KB, cut at a line break (a sentence never spans one): a few ms of regex each.
    const cut = page.text.indexOf('\n', from + WINDOW);
    const to = cut < 0 ? page.text.length : cut + 1;
    // The window's own text, so the gate never reads past it; a line break or the text's end bounds both sides.
    if (gate.test(from === 0 && to === page.text.length ? page.text : page.text.slice(from, to))) {
      candidates.push(...findCandidates(page.text, deps.triggers, from, to));
    }
    from = to;
    if (from < page.text.length) {
      await deps.yieldToPage();
      if (deps.cancelled()) return null;
    }
  }
  return { page, candidates };
}
