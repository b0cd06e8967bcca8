/**
 * The quick look, before the first look's walk: the subtree's `textContent` (one native call, one string) and
 * the text of every open shadow root in it, run through an expression that wakes wherever the first look's
 * gate would wake on the extracted text. Where it finds nothing the page has no candidate and no cytokine
 * name, and the walk is not needed at all: on the bench's 1 MB page without claims the walk alone cost about
 * what the whole floor does (docs/performance.md, "The quick look").
 *
 * Why it wakes wherever the first look would: `textContent` holds every text node's data, the extracted text's
 * characters (white space as it is, where extraction makes a space of it: the cytokine names' spaces allow it)
 * plus the text of skipped elements (scripts, styles, buttons, form fields: on a hit, `outsideSkipped` finds
 * where that text sits and the look goes on past hits inside it), but without the line break extraction puts
 * between blocks and without open shadow roots (read here one by one, nested ones too). More text only adds
 * wakes, except where it glues two texts into one word: `<li>skin</li><li>Stem cells` reads "skinStem cells",
 * where a whole-word gate stays asleep. So a trigger word also counts where it touches a letter or digit
 * across a seam told by case (SEAM below): a capital after any letter or digit ("skinStem", "cellsOur",
 * "EXPERIMENTALEXOSOMES"), a letter against a digit ("Exosomes10"). "system" and "formula" stay asleep; a word
 * in capitals with a trigger word inside ("SYSTEM") wakes, and the walk then finds nothing.
 *
 * What it cannot see from the text alone: a trigger word glued to a small letter by a block boundary
 * ("<li>Glycerin</li><li>sh-Oligopeptide" reads "Glycerinsh-Oligopeptide", which is "system" to any
 * expression), a digit to a digit, or a word split in two by a skipped element ("stem<button>…</button>cells"),
 * on a page where no other trigger word or cytokine name stands free. Over every fixture and seed, minified,
 * hit by hit: one such hit, on a page that woke on its other words (tests/unit/content/quick-look.test.ts).
 */

import { SKIPPED_SELECTOR } from '../dom/extract-text.ts';
import { SPACE, SPACE_CHARS } from '../engine/cytokines/find-cytokines.ts';
import { FREE_AFTER, FREE_BEFORE } from './look-for-candidates.ts';

export interface QuickLookDeps {
  /** `quickGate(…)`: the first look's gate widened for `textContent`. */
  gate: QuickGate;
  /** Elements whose shadow roots are not read (our own UI host). */
  exclude: (element: Element) => boolean;
  /** Resolves after the page has had the main thread back for a moment. */
  yieldToPage: () => Promise<void>;
  /** True once the look is no longer wanted. */
  cancelled: () => boolean;
}

const WINDOW = 200_000;
/**
 * Each window also reads this many characters of the next, more than any trigger word or cytokine name plus
 * the characters around it, so a hit across a cut is still seen whole. Where a window starts or ends, the
 * expression sees no neighbour, which only adds wakes.
 */
const OVERLAP = 256;

/**
 * A seam: two letters or digits that touch where two elements' texts may have been joined, told by case: a
 * capital after any letter or digit ("skinStem", "SPFStem", "cellsOur", "EXPERIMENTALEXOSOMES"), or a letter
 * and a digit ("Exosomes10", "50mlStem" has its capital anyway). Not a seam: a small letter after a small letter
 * or a capital ("system", "Formula"), a digit after a digit. Each alternative matches the character after the
 * seam (a capital or a digit, rare in prose, so V8 skips to them); a digit may have a seam on either side.
 */
const SEAM = '[A-Z](?<=[A-Za-z0-9][A-Z])|[0-9](?:(?<=[A-Za-z][0-9])|(?=[a-z]))';

/** After a trigger word: nothing that touches it, or a seam. */
const AFTER_OR_SEAM = '(?:(?![A-Za-z0-9])|(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z]))';

/** The quick look's expressions (`quickGate`), without the `i` flag: seams are told by case. */
export interface QuickGate {
  /** A trigger word as a whole word, or a cytokine name's beginning at a token's start (the first look's gate). */
  words: RegExp;
  /** Seams, in one pass; only where the whole-word pass found nothing. */
  seams: RegExp;
  /** At a seam: a trigger word starting there (free or at a seam after it), or a cytokine name's beginning. */
  startsAt: RegExp;
  /** At a seam: a trigger word ending there, free before it. */
  endsAt: RegExp;
}

/**
 * The first look's gate (`wholeWordGate`) for `textContent`: the trigger expression in either case, the cytokine
 * names' beginnings with the line breaks, tabs and form feeds that extraction turns into spaces allowed where
 * they allow a space; and, at a seam, a trigger word glued to the text before or after it.
 *
 * Two passes rather than one expression with the seams in its look-arounds: that one cost twice the first
 * look's gate on the bench's page (V8 can no longer skip ahead to a possible first letter), where the seams'
 * own pass costs a fraction of it.
 */
export function quickGate(triggerSource: string, cytokinePrefixes = ''): QuickGate {
  const words = `(?:${eitherCase(triggerSource)})`;
  const prefixes = cytokinePrefixes === '' ? '(?!)' : cytokinePrefixes.replaceAll(SPACE, `[${SPACE_CHARS}\\n\\r\\f]`);
  return {
    words: new RegExp(`${FREE_BEFORE}(?:${words}${FREE_AFTER}|${prefixes})`, 'g'),
    seams: new RegExp(SEAM, 'g'),
    startsAt: new RegExp(`(?:${words}${AFTER_OR_SEAM}|${prefixes})`, 'y'),
    endsAt: new RegExp(`(?<=${FREE_BEFORE}${words})`, 'y'),
  };
}

/**
 * Whether `gate` wakes on `text`. `counts(at)` may turn down a hit by the position of its first character (or,
 * for a word that ends at a seam, its last): one inside a skipped element's text, which no extracted text holds.
 */
export function gateWakes(gate: QuickGate, text: string, counts: (at: number) => boolean = () => true): boolean {
  const words = gate.words;
  words.lastIndex = 0;
  for (let hit = words.exec(text); hit !== null; hit = words.exec(text)) {
    if (counts(hit.index)) return true;
    words.lastIndex = hit.index + 1;
  }
  const seams = gate.seams;
  seams.lastIndex = 0;
  for (let seam = seams.exec(text); seam !== null; seam = seams.exec(text)) {
    const at = seam.index;
    if (wakesAt(gate, text, at, counts) || (text.charCodeAt(at) <= 57 && wakesAt(gate, text, at + 1, counts))) return true;
    seams.lastIndex = at + 1;
  }
  return false;
}

/** Whether a trigger word starts or ends at `at`, or a cytokine name starts there. */
function wakesAt(gate: QuickGate, text: string, at: number, counts: (at: number) => boolean): boolean {
  gate.startsAt.lastIndex = at;
  gate.endsAt.lastIndex = at;
  return (counts(at) && gate.startsAt.test(text)) || (counts(at - 1) && gate.endsAt.test(text));
}

/** Whether the subtree may hold a candidate or a cytokine name; null when cancelled on the way. */
export async function quickLookWakes(root: Element, deps: QuickLookDeps): Promise<boolean | null> {
  const wakes = await textWakes(root, root.textContent ?? '', deps);
  if (wakes !== false) return wakes;
  // Open shadow roots, nested ones too: only where the light text found nothing.
  const roots = shadowRootsIn(root, deps.exclude);
  // The page gets its main thread back after each window's worth of text, not after each of many small roots.
  let unyielded = WINDOW;
  for (let i = 0; i < roots.length; i++) {
    const shadow = roots[i]!;
    if (!shadow.host.isConnected) continue;
    if (unyielded >= WINDOW) {
      await deps.yieldToPage();
      if (deps.cancelled()) return null;
      unyielded = 0;
    }
    const text = shadow.textContent ?? '';
    unyielded += text.length;
    const found = await textWakes(shadow, text, deps);
    if (found !== false) return found;
    roots.push(...shadowRootsIn(shadow, deps.exclude));
  }
  return false;
}

/** `text` is `root.textContent`. */
async function textWakes(root: Element | ShadowRoot, text: string, deps: QuickLookDeps): Promise<boolean | null> {
  const counts = outsideSkipped(root, text.length);
  for (let from = 0; from < text.length; from += WINDOW) {
    if (from > 0) {
      await deps.yieldToPage();
      if (deps.cancelled()) return null;
    }
    const window = from === 0 && text.length <= WINDOW + OVERLAP ? text : text.slice(from, from + WINDOW + OVERLAP);
    if (gateWakes(deps.gate, window, (at) => counts(from + at))) return true;
    if (window === text) break;
  }
  return false;
}

/**
 * Whether a position of `root.textContent` (read when it was `length` long) is outside every skipped element's
 * text. Where those texts sit is found on the first question only: most pages without a candidate have no hit
 * to ask about. If the page's text changed length since it was read, positions no longer line up: then every
 * position counts (the page watcher rescans what changed).
 */
export function outsideSkipped(root: Element | ShadowRoot, length: number): (at: number) => boolean {
  let skipped: Int32Array | null | undefined;
  return (at) => {
    skipped ??= skippedTexts(root, length);
    return skipped === null || !isInside(skipped, at);
  };
}

/**
 * The stretches of `root.textContent` that hold the text of elements extraction skips (scripts, styles, form
 * fields, editable regions): start and end, pair after pair, in order. A `Range` from where the last one ended
 * to the next one reads the text between them, so the whole costs about one more `textContent`.
 */
function skippedTexts(root: Element | ShadowRoot, length: number): Int32Array | null {
  const elements = root.querySelectorAll(SKIPPED_SELECTOR);
  const out: number[] = [];
  const range = (root.ownerDocument ?? document).createRange();
  range.setStart(root, 0);
  let offset = 0;
  let last: Element | undefined;
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    if (last?.contains(element)) continue;
    range.setEndBefore(element);
    offset += range.toString().length;
    const length = element.textContent?.length ?? 0;
    if (length > 0) out.push(offset, offset + length);
    offset += length;
    range.setStartAfter(element);
    last = element;
  }
  range.setEnd(root, root.childNodes.length);
  return offset + range.toString().length === length ? Int32Array.from(out) : null;
}

/** Whether `at` falls in one of the stretches (binary search). */
function isInside(stretches: Int32Array, at: number): boolean {
  let low = 0;
  let high = stretches.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (at < stretches[middle * 2]!) high = middle - 1;
    else if (at >= stretches[middle * 2 + 1]!) low = middle + 1;
    else return true;
  }
  return false;
}

/** The open shadow roots of `root` and of the elements in it, not those inside them. */
function shadowRootsIn(root: Element | ShadowRoot, exclude: (element: Element) => boolean): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const own = 'shadowRoot' in root ? root.shadowRoot : null;
  if (own && !exclude(root as Element)) out.push(own);
  // One loop reading a property per element; the hosts cannot be selected (no selector matches a shadow host).
  const elements = root.querySelectorAll('*');
  for (let i = 0, n = elements.length; i < n; i++) {
    const element = elements[i]!;
    const shadow = element.shadowRoot;
    if (shadow && !exclude(element)) out.push(shadow);
  }
  return out;
}

/**
 * Every cased letter as a class of both cases ("stem" as "[sS][tT][eE][mM]"), and a phrase's space as any white
 * space that extraction turns into one (the shopper's own rules may have phrases); escapes and the rest unchanged.
 */
function eitherCase(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === ' ') {
      out += '[ \\t\\n\\r\\f]';
      continue;
    }
    const upper = c.toUpperCase();
    const lower = c.toLowerCase();
    const cases = new Set([c, upper.length === 1 ? upper : c, lower.length === 1 ? lower : c]);
    out += cases.size > 1 ? `[${[...cases].join('')}]` : c;
  }
  return out;
}
