// The first look skips `findCandidates` where its whole-word gate finds nothing. The gate may only ever say yes
// more often: here every rule example, in a page and in windows of a large one, gives exactly the candidates
// of `findCandidates` over the whole extracted text.
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { cytokineLexicon, ruleSet } from 'virtual:claimlens/rules';
import { extractText } from '../../../src/dom/extract-text.ts';
import { buildTriggerMatcher, findCandidates } from '../../../src/engine/claims/find-candidates.ts';
import { lookForCandidates, wholeWordGate, type CytokineHint } from '../../../src/content/look-for-candidates.ts';
import { cytokineHint } from '../../../src/engine/cytokines/cytokine-hint.ts';
import { cytokinePrefixSource } from '../../../src/engine/cytokines/find-cytokines.ts';
import { CYTOKINE_PREFIX_DEPTH } from '../../../src/build/rules-plugin.ts';

const triggers = buildTriggerMatcher(ruleSet.prefilter);

function pageOf(paragraphs: string[]): Document {
  const window = new Window();
  const doc = window.document as unknown as Document;
  for (const text of paragraphs) {
    const p = doc.createElement('p');
    p.textContent = text;
    doc.body.appendChild(p);
  }
  return doc;
}

const prefixes = cytokinePrefixSource(cytokineLexicon.matcher.aliases, CYTOKINE_PREFIX_DEPTH);
const hint: CytokineHint = { prefixes, test: cytokineHint(prefixes) };

async function look(doc: Document, withHint?: CytokineHint) {
  let yields = 0;
  const found = await lookForCandidates(doc.body, {
    triggers,
    cytokineHint: withHint,
    exclude: () => false,
    yieldToPage: async () => {
      yields++;
    },
    cancelled: () => false,
  });
  return { found: found!, yields };
}

const examples = ruleSet.rules.flatMap((rule) => [...rule.examples.flags, ...rule.examples.quiet]);

describe('the first look', () => {
  it('finds the same candidates as findCandidates in every rule example', async () => {
    expect(examples.length).toBeGreaterThan(20);
    for (const example of examples) {
      const doc = pageOf([example]);
      const { found } = await look(doc);
      expect(found.candidates, example).toEqual(findCandidates(extractText(doc.body).text, triggers));
    }
  });

  it('finds them in every window of a large page, at the offsets of the whole text', async () => {
    const filler = 'A light lotion, reformulated and blended to leave skin soft all day long without a greasy feel.';
    const paragraphs = Array.from({ length: 9000 }, (_, i) => (i % 997 === 500 ? examples[i % examples.length]! : `${filler} Item ${i}.`));
    const doc = pageOf(paragraphs);
    const { found, yields } = await look(doc);
    // Over 200 KB of text: several windows, with the page given its main thread back between them.
    expect(found.page.text.length).toBeGreaterThan(800_000);
    expect(yields).toBeGreaterThan(3);
    const expected = findCandidates(found.page.text, triggers);
    expect(expected.length).toBeGreaterThan(0);
    expect(found.candidates).toEqual(expected);
  });

  // A trigger word of plain letters, taken from the rules so the test follows them.
  const word = Object.keys(ruleSet.prefilter.triggers).find((w) => /^[a-z]{4,}$/.test(w))!;

  it('wakes on no trigger word inside a longer word', async () => {
    const doc = pageOf([`Reformulated with zq${word}zq and ${word}zq for a soft feel.`]);
    const text = extractText(doc.body).text;
    // The bare expression stops inside the longer words; the gate does not.
    expect(new RegExp(triggers.regex.source, 'gi').test(text)).toBe(true);
    expect(wholeWordGate(triggers).test(text)).toBe(false);
    expect((await look(doc)).found.candidates).toEqual([]);
  });

  it('leaves a hit touched by a non-ASCII letter to findCandidates, which turns it down', async () => {
    // The gate only knows ASCII letters, so "é" + word passes it; findCandidates sees a letter before the word.
    const doc = pageOf([`Une crème é${word} pour la peau.`]);
    const text = extractText(doc.body).text;
    expect(wholeWordGate(triggers).test(text)).toBe(true);
    expect(findCandidates(text, triggers)).toEqual([]);
    expect((await look(doc)).found.candidates).toEqual([]);
  });

  describe('with the cytokine hint in the same pass', () => {
    it('wakes wherever the hint says yes: every alias of every entry, as pages write them', () => {
      const gate = wholeWordGate(triggers, prefixes);
      const missed: string[] = [];
      for (const entry of cytokineLexicon.entries) {
        for (const alias of [entry.name, ...entry.aliases]) {
          for (const text of [alias, `Rich in ${alias}.`, `(${alias})`, `${alias.toLowerCase()} inside`, `${alias.toUpperCase()} inside`]) {
            if (hint.test(text) && !gate.test(text)) missed.push(text);
          }
        }
      }
      expect(missed).toEqual([]);
    });

    it('answers the hint for a large page from the window that names a cytokine, and no for one that names none', async () => {
      const filler = 'A light lotion, reformulated and blended to leave skin soft all day long without a greasy feel.';
      const alias = cytokineLexicon.entries.find((e) => /^[A-Z]/.test(e.name))!.name;
      const paragraphs = Array.from({ length: 9000 }, (_, i) => `${filler} Item ${i}.`);
      const plain = await look(pageOf(paragraphs), hint);
      expect(plain.found.candidates).toEqual([]);
      expect(plain.found.mayNameCytokine).toBe(false);
      paragraphs[6000] = `Made with ${alias} from a lab.`;
      const doc = pageOf(paragraphs);
      const named = await look(doc, hint);
      expect(named.yields).toBeGreaterThan(3);
      expect(hint.test(extractText(doc.body).text)).toBe(true);
      expect(named.found.mayNameCytokine).toBe(true);
    });

    it('does not ask the hint when not given one', async () => {
      const alias = cytokineLexicon.entries.find((e) => /^[A-Z]/.test(e.name))!.name;
      const { found } = await look(pageOf([`Made with ${alias} from a lab.`]));
      expect(found.mayNameCytokine).toBe(false);
    });
  });
});
