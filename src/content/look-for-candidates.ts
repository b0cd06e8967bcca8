/**
 * The first look at one subtree, the only work every page and frame pays for: extract its text in slices
 * (yielding to the page between them) and run the prefilter's one expression over it in windows. The eager
 * content script does this alone; the rest of Claimlens loads only where it finds a candidate sentence or a
 * cytokine name, and takes this result over rather than extracting again.
 */
import { TextExtractor, type ExtractOptions, type PageText } from '../dom/extract-text.ts';
import { findCandidates, type TriggerMatcher } from '../engine/find-candidates.ts';
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
  const candidates: CandidateSentence[] = [];
  for (let from = 0; from < page.text.length; ) {
    // Windows of about 200 KB, cut at a line break (a sentence never spans one): a few ms of regex each.
    const cut = page.text.indexOf('\n', from + WINDOW);
    const to = cut < 0 ? page.text.length : cut + 1;
    candidates.push(...findCandidates(page.text, deps.triggers, from, to));
    from = to;
    if (from < page.text.length) {
      await deps.yieldToPage();
      if (deps.cancelled()) return null;
    }
  }
  return { page, candidates };
}
