// The quick look (src/content/quick-look.ts) decides from `textContent` whether the first look's walk runs at
// all, so it must wake wherever the first look's gate wakes on the extracted text. Checked for every element of
// every HTML fixture, as served and with the white space between elements removed (minified HTML, where block
// texts touch), under happy-dom; plus the cases that make it delicate.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { cytokineLexicon, ruleSet } from 'virtual:claimlens/rules';
import { extractText } from '../../../src/dom/extract-text.ts';
import { buildTriggerMatcher } from '../../../src/engine/claims/find-candidates.ts';
import { combinePrefilters } from '../../../src/engine/claims/combine-prefilters.ts';
import { cytokinePrefixSource } from '../../../src/engine/cytokines/find-cytokines.ts';
import { wholeWordGate } from '../../../src/content/look-for-candidates.ts';
import { gateWakes, outsideSkipped, quickGate, quickLookWakes } from '../../../src/content/quick-look.ts';
import { CYTOKINE_PREFIX_DEPTH } from '../../../src/build/rules-plugin.ts';

const triggers = buildTriggerMatcher(ruleSet.prefilter);
const prefixes = cytokinePrefixSource(cytokineLexicon.matcher.aliases, CYTOKINE_PREFIX_DEPTH);
/** The first look's gate, as the eager script builds it: a page it does not wake on gets no candidate and no cytokine hint. */
const firstLookGate = wholeWordGate(triggers, prefixes);
const gate = quickGate(triggers.regex.source, prefixes);

const firstLookWakes = (root: Element) => firstLookGate.test(extractText(root).text);
const quickWakes = async (root: Element) =>
  await quickLookWakes(root, { gate, exclude: () => false, yieldToPage: async () => undefined, cancelled: () => false });

function load(html: string): Document {
  const window = new Window();
  const doc = window.document as unknown as Document;
  doc.write(html);
  return doc;
}

/**
 * Puts a script, a style and a button holding trigger words after the first block and every fifth one after
 * it, as shop pages do: their text is in `textContent`, never in the extracted text, so the quick look must
 * pass over it without losing the rest. (Not after every block: happy-dom's Range, which finds that text, takes
 * time in the square of their number.)
 */
function salt(doc: Document): void {
  for (const [i, block] of [...doc.body.querySelectorAll('p, li, h1, h2, h3, div, td')].entries()) {
    if (i % 5 !== 0) continue;
    const skipped = doc.createElement('template');
    skipped.innerHTML = '<script>\n var top = "stem cells";\n</script><style> .deep-start { } </style><button> Start </button>';
    block.after(skipped.content);
  }
}

/** Removes every text node that is only white space, as a minifier does: block texts then touch. */
function minify(doc: Document): void {
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  const blank: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/^\s*$/.test(n.nodeValue ?? '')) blank.push(n);
  for (const n of blank) n.parentNode?.removeChild(n);
}

const FOLDERS = ['tests/real-pages', 'tests/fixtures'];
const SEEDS = resolve(process.env.CLAIMLENS_SEEDS ?? '../shared/seeds');
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The HTML fixtures, and each seed as a page (a paragraph a line) when the seeds folder is there. */
const pages: { path: string; html: string }[] = [
  ...FOLDERS.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.html'))
      .map((name) => ({ path: join(folder, name), html: readFileSync(join(folder, name), 'utf8') })),
  ),
  ...(existsSync(SEEDS) ? readdirSync(SEEDS) : [])
    .filter((name) => name.endsWith('.txt'))
    .map((name) => {
      const lines = readFileSync(join(SEEDS, name), 'utf8').split('\n').filter((line) => line.trim() !== '');
      return { path: `seed ${name}`, html: `<!doctype html><html><body>${lines.map((line) => `<p>${escape(line)}</p>\n`).join('')}</body></html>` };
    }),
];
if (!existsSync(SEEDS)) console.warn(`The quick look's superset test runs without the seeds: ${SEEDS} is absent (set CLAIMLENS_SEEDS).`);

/** Where each text node's data starts in its root's `textContent` (the element's, or a shadow root's). */
function textContentOffsets(roots: (Element | ShadowRoot)[]): Map<Node, { root: Element | ShadowRoot; at: number }> {
  const out = new Map<Node, { root: Element | ShadowRoot; at: number }>();
  for (const root of roots) {
    let at = 0;
    const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      out.set(n, { root, at });
      at += (n as Text).data.length;
    }
  }
  return out;
}

const ALNUM = /[A-Za-z0-9]/;
/** Two letters or digits touching without a change of case (not a seam in quick-look.ts): "nsh", "ms", "21". */
const sameCase = (a = '', b = '') =>
  ALNUM.test(a) && ALNUM.test(b) && !/[A-Z]/.test(b) && /[0-9]/.test(a) === /[0-9]/.test(b);

/**
 * Every hit of the first look's gate in the element's extracted text, each checked on its own: the quick look's
 * gate must wake on the same characters of `textContent` with their neighbours (one before, two after: all its
 * look-arounds read). Returns the hits it would not wake on: `residual` where the hit is glued to its neighbour
 * without a change of case, spans a shadow root's edge or holds a skipped element's text (the cases the quick
 * look's comment names), `missed` otherwise.
 */
function hitsMissed(element: Element): { hits: number; missed: string[]; residual: string[] } {
  const page = extractText(element);
  const shadowRoots: ShadowRoot[] = [];
  for (const el of [element, ...element.querySelectorAll('*')]) if (el.shadowRoot) shadowRoots.push(el.shadowRoot);
  const offsets = textContentOffsets([element, ...shadowRoots]);
  const chunkAt = (offset: number) => {
    let i = page.chunks.length - 1;
    while (i > 0 && page.chunks[i]!.start > offset) i--;
    return page.chunks[i]!;
  };
  const all = new RegExp(firstLookGate.source, 'gi');
  const missed: string[] = [];
  const residual: string[] = [];
  const countsByRoot = new Map<Element | ShadowRoot, (at: number) => boolean>();
  let hits = 0;
  for (let hit = all.exec(page.text); hit !== null; hit = all.exec(page.text)) {
    all.lastIndex = hit.index + 1;
    hits++;
    const first = chunkAt(hit.index);
    const last = chunkAt(hit.index + hit[0].length - 1);
    const from = offsets.get(first.node)!;
    const to = offsets.get(last.node)!;
    const start = from.at + hit.index - first.start;
    const end = to.at + hit.index + hit[0].length - last.start;
    const text = from.root.textContent ?? '';
    const sliceStart = Math.max(0, start - 1);
    let counts = countsByRoot.get(from.root);
    if (!counts) countsByRoot.set(from.root, (counts = outsideSkipped(from.root, text.length)));
    if (from.root === to.root && gateWakes(gate, text.slice(sliceStart, end + 2), (at) => counts(sliceStart + at))) continue;
    const where = `${JSON.stringify(hit[0])} in ${JSON.stringify(text.slice(Math.max(0, start - 20), end + 20))}`;
    const glued = sameCase(text[start - 1], text[start]) || sameCase(text[end - 1], text[end]);
    if (from.root !== to.root || end - start !== hit[0].length || glued) residual.push(where);
    else missed.push(where);
  }
  return { hits, missed, residual };
}

describe('the quick look wakes wherever the first look would', () => {
  it('on every hit of its gate and in every element of every HTML fixture and seed, as served, minified and with scripts', async () => {
    expect(pages.length).toBeGreaterThan(100);
    const missed: string[] = [];
    const residual: string[] = [];
    let hits = 0;
    let elements = 0;
    let quickQuiet = 0;
    for (const { path, html } of pages) {
      // With scripts added: the product-page fixtures and the seeds.
      const forms = path.startsWith('tests/real-pages/') ? ['as served', 'minified'] : ['as served', 'minified', 'with scripts'];
      for (const form of forms) {
        const minified = form !== 'as served';
        const doc = load(html);
        if (form === 'with scripts') salt(doc);
        if (minified) minify(doc);
        const found = hitsMissed(doc.body);
        hits += found.hits;
        missed.push(...found.missed.map((m) => `${path} (${form}): ${m}`));
        residual.push(...found.residual.map((m) => `${path} (${form}): ${m}`));
        // And whole elements, as the page watcher hands them over (the body alone where scripts were added).
        for (const element of form === 'with scripts' ? [doc.body] : [doc.body, ...doc.body.querySelectorAll('*')]) {
          elements++;
          const quick = await quickWakes(element);
          if (!quick) quickQuiet++;
          if (firstLookWakes(element) && !quick) missed.push(`${path} (${form}): <${element.localName}>`);
        }
      }
    }
    expect(missed).toEqual([]);
    // The residual case, hit by hit (the page still woke on its other words): one trigger word of a minified
    // fixture, in both minified forms.
    expect(residual).toEqual([
      'tests/fixtures/egf-serum.html (minified): "sh" in "ylene GlycolGlycerinsh-Oligopeptide-1Sodiu"',
      'tests/fixtures/egf-serum.html (with scripts): "sh" in " { }  Start Glycerinsh-Oligopeptide-1Sodiu"',
    ]);
    // Not a look that always says yes: many hits were checked, and many elements gave no reason to walk.
    expect(hits).toBeGreaterThan(5_000);
    expect(quickQuiet).toBeGreaterThan(elements / 10);
  }, 60_000);
});

describe('the quick look', () => {
  const page = (body: string) => load(`<!doctype html><html><body>${body}</body></html>`);

  it('stays quiet on product copy with no trigger word, where words hold triggers inside them', async () => {
    const doc = page('<main><p>This fragrance-free formula supports the skin system.</p><p>Formulated in a system of care</p><ul><li>Glycerin</li><li>Squalane</li></ul></main>');
    expect(firstLookWakes(doc.body)).toBe(false);
    expect(await quickWakes(doc.body)).toBe(false);
  });

  it.each([
    ['a capital after a small letter', '<ul><li>Our skin</li><li>Exosomes for all</li></ul>'],
    ['a capitalised word after capitals', '<ul><li>SPF</li><li>Exosomes for all</li></ul>'],
    ['a capital after a trigger word', '<h2>Our exosomes</h2><p>Gentle every day</p>'],
    ['a digit after a trigger word', '<h2>Our exosomes</h2><p>10 ml bottle</p>'],
    ['capitals glued on both sides', '<ul><li>Our skin</li><li>EXOSOMES</li><li>Gentle</li></ul>'],
    ['a cytokine name glued after a small letter', '<ul><li>Contains</li><li>TGF-β3 inside</li></ul>'],
  ])('wakes on a trigger word glued by block boundaries: %s', async (_case, body) => {
    const doc = page(body);
    expect(firstLookWakes(doc.body)).toBe(true);
    // What makes this case: the whole-word gate over textContent would stay asleep.
    expect(firstLookGate.test(doc.body.textContent ?? '')).toBe(false);
    expect(await quickWakes(doc.body)).toBe(true);
  });

  it('wakes on a cytokine name whose parts a line break separates in the page source', async () => {
    const doc = page('<p>With copper\nzinc.</p>');
    expect(firstLookWakes(doc.body)).toBe(true);
    expect(firstLookGate.test(doc.body.textContent ?? '')).toBe(false);
    expect(await quickWakes(doc.body)).toBe(true);
  });

  it('reads open shadow roots, nested ones too', async () => {
    const doc = page('<p>A light lotion.</p><product-card></product-card>');
    const outer = doc.querySelector('product-card')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>Soft on skin.</p><product-claim></product-claim>';
    const inner = outer.querySelector('product-claim')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>Each drop holds living stem cells.</p>';
    expect(doc.body.textContent).not.toContain('stem');
    expect(firstLookWakes(doc.body)).toBe(true);
    expect(await quickWakes(doc.body)).toBe(true);
    // Our own UI host is left out, as the walk leaves it out.
    expect(await quickLookWakes(doc.body, { gate, exclude: (el) => el.localName === 'product-card', yieldToPage: async () => undefined, cancelled: () => false })).toBe(false);
  });

  it('reads many small shadow roots without yielding after each', async () => {
    const doc = page(`<p>A light lotion.</p>${'<rating-stars></rating-stars>'.repeat(300)}`);
    for (const host of doc.querySelectorAll('rating-stars')) host.attachShadow({ mode: 'open' }).innerHTML = '<span>4.5 of 5</span>';
    let yields = 0;
    expect(await quickLookWakes(doc.body, { gate, exclude: () => false, yieldToPage: async () => void yields++, cancelled: () => false })).toBe(false);
    expect(yields).toBe(1);
    doc.querySelectorAll('rating-stars')[299]!.shadowRoot!.innerHTML = '<span>With exosomes</span>';
    expect(await quickWakes(doc.body)).toBe(true);
  });

  it("wakes on the shopper's own trigger words, phrases across a line break of the page source too", async () => {
    const own = buildTriggerMatcher(combinePrefilters(ruleSet.prefilter, { triggers: { sparkleberry: ['mine'], 'moon dust': ['mine'] } }));
    const ownGate = quickGate(own.regex.source, prefixes);
    for (const body of ['<p>With Sparkleberry oil.</p>', '<p>With moon\ndust.</p>', '<ul><li>Gentle</li><li>Moon dust</li></ul>']) {
      const doc = page(body);
      expect(wholeWordGate(own).test(extractText(doc.body).text), body).toBe(true);
      expect(await quickLookWakes(doc.body, { gate: ownGate, exclude: () => false, yieldToPage: async () => undefined, cancelled: () => false }), body).toBe(true);
      expect(await quickWakes(doc.body), body).toBe(false);
    }
  });

  it('does not wake on trigger words that only skipped elements hold: scripts, styles, SVG titles, buttons, fields', async () => {
    const skipped =
      '<script>var copy = "stem cells";</script><style>.top-bar { display: none }</style><svg><title>Top</title></svg>' +
      '<button>Start now</button><textarea>stem</textarea><div contenteditable>living cells</div>';
    const doc = page(`<p>A light lotion.</p>${skipped}<p>Gentle.</p>`);
    expect(doc.body.textContent).toContain('stem cells');
    expect(firstLookWakes(doc.body)).toBe(false);
    expect(await quickWakes(doc.body)).toBe(false);
    // Around, between and after them, the page's own words still count.
    for (const [before, between, after] of [
      ['<p>Exosomes inside.</p>', '', ''],
      ['', '<p>Exosomes inside.</p>', ''],
      ['', '', '<p>Exosomes inside.</p>'],
      ['', '', '<div contenteditable="false">Exosomes inside.</div>'],
    ]) {
      const woke = page(`${before}<p>A light lotion.</p>${skipped.replace('<button>', `${between}<button>`)}${after}`);
      expect(firstLookWakes(woke.body)).toBe(true);
      expect(await quickWakes(woke.body)).toBe(true);
    }
  });

  it('counts every hit, skipped text included, when the page changed the length of its text since it was read', () => {
    const doc = page('<p>A light lotion.</p><script>var copy = "stem cells";</script><p>Gentle.</p>');
    const text = doc.body.textContent ?? '';
    const inScript = text.indexOf('stem');
    expect(outsideSkipped(doc.body, text.length)(inScript)).toBe(false);
    expect(outsideSkipped(doc.body, text.length)(0)).toBe(true);
    doc.querySelector('p')!.textContent = 'A light lotion, now with more.';
    expect(outsideSkipped(doc.body, text.length)(inScript)).toBe(true);
  });

  it('reads a long text in windows, yielding between them, and a hit across a cut is still seen', async () => {
    const filler = 'Soft and smooth all day long. '.repeat(20_000);
    // The trigger word straddles the first window's end (200,000 characters): the window reads on past its end.
    const doc = page(`<p>${filler.slice(0, 199_997)} exosomes ${filler}</p>`);
    let yields = 0;
    const found = await quickLookWakes(doc.body, { gate, exclude: () => false, yieldToPage: async () => void yields++, cancelled: () => false });
    expect(found).toBe(true);
    expect(yields).toBe(0);
    // One in the third window.
    const later = page(`<p>${filler.slice(0, 450_000)} exosomes ${filler}</p>`);
    yields = 0;
    expect(await quickLookWakes(later.body, { gate, exclude: () => false, yieldToPage: async () => void yields++, cancelled: () => false })).toBe(true);
    expect(yields).toBe(2);
    const quiet = page(`<p>${filler}</p>`);
    yields = 0;
    expect(await quickLookWakes(quiet.body, { gate, exclude: () => false, yieldToPage: async () => void yields++, cancelled: () => false })).toBe(false);
    expect(yields).toBe(Math.ceil(filler.length / 200_000) - 1);
  });

  it('stops when cancelled between windows', async () => {
    const doc = page(`<p>${'Soft and smooth all day long. '.repeat(20_000)}</p>`);
    expect(await quickLookWakes(doc.body, { gate, exclude: () => false, yieldToPage: async () => undefined, cancelled: () => true })).toBeNull();
  });

  // The residual case (docs/performance.md): a seam without a change of case cannot be told from "system".
  it('does not see a lower-case trigger word glued to the block before it', async () => {
    const doc = page('<ul><li>skin</li><li>exosomes</li></ul>');
    expect(firstLookWakes(doc.body)).toBe(true);
    expect(await quickWakes(doc.body)).toBe(false);
  });

  it('holds the seams to a change of case', () => {
    for (const text of ['skinExosomes', 'SPFExosomes', 'exosomesOur', 'EXOSOMESOur', 'Exosomes10', '10exosomes', 'xyzEXOSOMES', 'EXPERIMENTALEXOSOMES', 'PRPA', 'a1il6']) {
      expect(gateWakes(gate, text), text).toBe(true);
    }
    for (const text of ['system', 'ecosystem', 'formula', 'Formulated', 'Item 12.Formula', 'Topical', 'Tendon', 'skinexosomes', 'exosomesare', '2100%']) {
      expect(gateWakes(gate, text), text).toBe(false);
    }
    // Capitals touching capitals are seams: a word in capitals wakes on a trigger word inside it (the walk then finds nothing).
    expect(gateWakes(gate, 'SYSTEM')).toBe(true);
  });
});
