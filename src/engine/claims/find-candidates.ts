/**
 * The cheap pass: one combined regular expression over the whole text finds the rules' trigger words, and
 * each hit is widened to its sentence. Only these candidate sentences ever reach compromise. This module
 * must stay free of compromise: it runs in the eager content script.
 */
import type { CandidateSentence, Prefilter } from '../types.ts';
import { OPENING, PRODUCT_HEADS } from './sentence-opening.ts';

/** A compiled prefilter: the combined expression and the rules each trigger wakes. */
export interface TriggerMatcher {
  regex: RegExp;
  rulesByWord: Map<string, readonly string[]>;
}

/** Sentences longer than this (minified text, run-on lists) are cut to a window around the hit. */
const MAX_SENTENCE = 600;
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'dr', 'mr', 'mrs', 'ms', 'prof', 'etc', 'approx', 'fig', 'inc', 'ltd']);

/**
 * `source`: `triggerSource(prefilter)` when already known (the build computes it for the eager content script,
 * where building the trie took 15–50 ms of the page's main thread).
 */
export function buildTriggerMatcher(prefilter: Prefilter, source = triggerSource(prefilter)): TriggerMatcher {
  const rulesByWord = new Map(Object.entries(prefilter.triggers));
  return { regex: new RegExp(source, 'gi'), rulesByWord };
}

/**
 * One trie-shaped alternation, no look-arounds and no `u` flag: V8 then scans a page in a few ms, where a flat
 * 800-word list with Unicode look-behinds took 60 ms per MB. Word boundaries are checked on the hits.
 */
export function triggerSource(prefilter: Prefilter): string {
  const words = Object.keys(prefilter.triggers).sort();
  return words.length > 0 ? trieSource(words) : '(?!)';
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

function trieSource(words: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const alternatives = [...node.next].map(([ch, child]) => escapeRegex(ch) + emit(child));
    if (alternatives.length === 0) return '';
    const group = alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
    // Greedy: the longest word wins, which is the only one that can end on a word boundary.
    return node.end ? `(?:${group})?` : group;
  };
  return emit(root);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The triggers that start the hit and stand as whole words there, lower-cased, longest first. */
function wholeWordsAt(text: string, index: number, hit: string, words: ReadonlyMap<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (let length = hit.length; length > 0; length--) {
    const word = hit.slice(0, length).toLowerCase();
    if ((length === hit.length || words.has(word)) && isWholeWord(text, index, index + length)) out.push(word);
  }
  return out;
}

/** Whether the hit is a whole word: no letter or digit touches it on either side. */
function isWholeWord(text: string, start: number, end: number): boolean {
  return !WORD_CHAR.test(text[start - 1] ?? '') && !WORD_CHAR.test(text[end] ?? '');
}

/**
 * Candidate sentences in text order, each listing the rules whose triggers it holds. `from`/`to` limit the
 * scan to a window (for slicing a huge page); a window should end at a line break, a sentence boundary.
 */
export function findCandidates(text: string, matcher: TriggerMatcher, from = 0, to = text.length): CandidateSentence[] {
  const out: CandidateSentence[] = [];
  let current: { start: number; end: number; ruleIds: Set<string> } | undefined;
  const regex = new RegExp(matcher.regex.source, matcher.regex.flags);
  regex.lastIndex = from;
  for (let hit = regex.exec(text); hit !== null && hit.index < to; hit = regex.exec(text)) {
    // The trie takes the longest trigger; shorter ones at the same place may stand as whole words too ("tnf"
    // in "TNF-alpha" when "tnf-a" is also a trigger), and compromise may split the hyphen: wake them all.
    const words = wholeWordsAt(text, hit.index, hit[0], matcher.rulesByWord);
    if (words.length === 0) {
      regex.lastIndex = hit.index + 1;
      continue;
    }
    const word = words[0]!;
    const ruleIds = words.flatMap((w) => matcher.rulesByWord.get(w) ?? []);
    if (current && hit.index < current.end) {
      for (const id of ruleIds) current.ruleIds.add(id);
      continue;
    }
    if (current) out.push(toCandidate(text, current));
    const [start, end] = sentenceBounds(text, hit.index, hit.index + word.length);
    current = { start, end, ruleIds: new Set(ruleIds) };
    // Triggers later in this sentence only add rules; jump past it.
    regex.lastIndex = Math.max(regex.lastIndex, hit.index + word.length);
  }
  if (current) out.push(toCandidate(text, current));
  return withTaglines(text, out, to);
}

function toCandidate(text: string, c: { start: number; end: number; ruleIds: Set<string> }): CandidateSentence {
  return { start: c.start, end: c.end, text: text.slice(c.start, c.end), ruleIds: [...c.ruleIds].sort() };
}

/** A headline and its tagline are both short; a lead-in longer than this is a sentence of its own. */
const SHORT_LEAD = 8;
const SHORT_SENTENCE = 12;

/**
 * A sentence whose subject is a pronoun, "these/this …" or the product or treatment the page is about ("They
 * regenerate and repair it", "These tiny cells are changing…", "The treatment aims to…"), also after a short
 * connective ("Specifically, they…", "As a result, it…"), speaks of what the sentence before it named.
 */
export const ANAPHOR = new RegExp(`${OPENING}(?:(?:and|so|but|plus|also|now)\\s+|\\p{L}+(?:\\s+\\p{L}+){0,3},\\s*)?(?:it|they|these|this|those|both|such|the ${PRODUCT_HEADS})\\b`, 'iu');

/** How many sentences in a row may go on about what a candidate named ("They… It… This…"). */
const MAX_FOLLOWERS = 3;

/**
 * A candidate lends its rules and its text to the sentence right after it, in the same block or the next,
 * which then becomes a candidate too: a short one ("One MSC session.") to a short tagline ("Results for
 * life.") or the short bullets on the lines under it, whose claim is about what the headline names; any one
 * to sentences that go on about it with a pronoun ("They regenerate your skin. It works overnight."); up to
 * MAX_FOLLOWERS in a row.
 */
function withTaglines(text: string, candidates: CandidateSentence[], to: number): CandidateSentence[] {
  const out: CandidateSentence[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    out.push(c);
    // A sentence that itself goes on about what its own lead named passes that lead on with it.
    const lead = c.lead && ANAPHOR.test(c.text) ? `${c.lead} ${c.text}` : c.text;
    let end = c.end;
    for (let step = 0; step < MAX_FOLLOWERS; step++) {
      const next = nextSentence(text, end, to);
      if (!next) break;
      const nextText = text.slice(next[0], next[1]);
      // Past the first, a tagline is a bullet of its own line under a short headline, not the next sentence of a paragraph.
      const ownLine = step === 0 || text.slice(end, next[0]).includes('\n');
      const tagline = ownLine && wordCount(c.text) <= SHORT_LEAD && wordCount(nextText) <= SHORT_SENTENCE;
      if (!tagline && !ANAPHOR.test(nextText)) break;
      const own = candidates[i + 1];
      if (own && own.start === next[0]) {
        candidates[i + 1] = { ...own, ruleIds: [...new Set([...own.ruleIds, ...c.ruleIds])].sort(), lead };
        break;
      }
      if (own && own.start < next[0]) break;
      out.push({ start: next[0], end: next[1], text: nextText, ruleIds: c.ruleIds, lead });
      end = next[1];
    }
  }
  return out;
}

/** The bounds of the sentence after `end`, in the same block or the next; undefined past `to` or a blank line. */
function nextSentence(text: string, end: number, to: number): [number, number] | undefined {
  let i = end;
  let breaks = 0;
  while (i < to && isSpace(text.charCodeAt(i))) {
    if (text[i] === '\n') breaks++;
    i++;
  }
  if (i >= to || breaks > 1) return undefined;
  const bounds = sentenceBounds(text, i, i + 1);
  return bounds[1] > bounds[0] && /[\p{L}\p{N}]/u.test(text.slice(bounds[0], bounds[1])) ? bounds : undefined;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The sentence around [from, to): bounded by line breaks (block boundaries in extracted text), bullets and
 * sentence-ending punctuation followed by a space, trimmed of surrounding white space.
 */
export function sentenceBounds(text: string, from: number, to: number): [number, number] {
  let start = from;
  while (start > 0 && !endsSentenceAt(text, start - 1) && from - start < MAX_SENTENCE) start--;
  let end = to;
  while (end < text.length && !endsSentenceAt(text, end) && end - to < MAX_SENTENCE) end++;
  if (end < text.length && /[.!?…]/.test(text[end] ?? '')) end++;
  // A cut run-on sentence should not start or end inside a word.
  if (from - start >= MAX_SENTENCE) start = nextSpace(text, start, from);
  if (end - to >= MAX_SENTENCE) end = previousSpace(text, end, to);
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** Whether the character at i closes a sentence (the terminator is kept with the sentence before it). */
function endsSentenceAt(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '\n' || ch === '•' || ch === '·' || ch === '|') return true;
  if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') {
    return false;
  }
  const next = text.charCodeAt(i + 1);
  if (!(i + 1 >= text.length || isSpace(next) || next === 0x22 || next === 0x27 || next === 0x201d || next === 0x29)) {
    return false;
  }
  if (ch !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 8), i))?.[1]?.toLowerCase() ?? '';
  // "e.g." and "Dr." do not end a sentence; neither does a lone initial such as "J."
  if (ABBREVIATIONS.has(word)) return false;
  const initial = /^\p{Lu}$/u.test(text[i - 1] ?? '') && !/\p{L}/u.test(text[i - 2] ?? '');
  return !initial;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || code === 0x2009 || code === 0x202f;
}

function nextSpace(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (isSpace(text.charCodeAt(i))) return i + 1;
  return from;
}

function previousSpace(text: string, from: number, limit: number): number {
  for (let i = from; i > limit; i--) if (isSpace(text.charCodeAt(i))) return i;
  return from;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
