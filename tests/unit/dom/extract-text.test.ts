// Extraction is shared by the content script and the CLI, so it runs here under both DOMs we use in Node:
// linkedom (the CLI's) and happy-dom. The round trip is the test: each finding's Range reads back its text.
import { describe, expect, it, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { ruleSet } from 'virtual:claimlens/rules';
import { extractText, TextExtractor } from '../../../src/dom/extract-text.ts';
import { rangeForOffsets } from '../../../src/dom/text-ranges.ts';
import nlp from '../../../src/engine/nlp.ts';
import { scanText } from '../../../src/engine/claims/scan-text.ts';

const doms = {
  linkedom: (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document,
  'happy-dom': (html: string) => {
    const window = new Window();
    window.document.body.innerHTML = html;
    return window.document as unknown as Document;
  },
};

describe.each(Object.entries(doms))('extractText under %s', (_name, load) => {
  const textOf = (html: string) => extractText(load(html).body).text;

  it('joins inline elements without a break', () => {
    expect(textOf('<p>Contains <b>live</b> <a href="#">stem <i>cells</i></a>.</p>')).toBe('Contains live stem cells.\n');
  });

  it('breaks lines at block elements and <br>', () => {
    expect(textOf('<h2>Benefits</h2><ul><li>One</li><li>Two<br>Three</li></ul><p>Four</p>')).toBe(
      'Benefits\nOne\nTwo\nThree\nFour\n',
    );
  });

  it('skips scripts, styles, templates, noscript and form fields', () => {
    expect(
      textOf(
        '<p>Kept</p><script>var live = "stem cells"</script><style>p{}</style><template><p>t</p></template>' +
          '<noscript>n</noscript><textarea>typed</textarea><input value="x"><select><option>o</option></select>',
      ),
    ).toBe('Kept\n');
  });

  it('skips editable regions but keeps hidden tabs and accordions', () => {
    expect(
      textOf('<div contenteditable="true">draft</div><div hidden><p>In a tab</p></div><details><summary>More</summary><p>Inside</p></details>'),
    ).toBe('In a tab\nMore\nInside\n');
  });

  it('keeps offsets one to one with the text nodes, white space included', () => {
    const doc = load('<p>line one\n   continues\there</p>');
    const page = extractText(doc.body);
    expect(page.text).toBe('line one    continues here\n');
    expect(page.chunks.map((c) => [c.start, c.node.data.length])).toEqual([[0, 26]]);
  });

  it('leaves out elements the caller excludes', () => {
    const doc = load('<p>Page</p><div id="claimlens-host"><p>Our own card</p></div>');
    expect(extractText(doc.body, { exclude: (e) => e.id === 'claimlens-host' }).text).toBe('Page\n');
  });
});

describe('extraction under happy-dom', () => {
  it('reads an open shadow root before the light children, blocks in reading order', () => {
    const doc = doms['happy-dom']('<h2>Before</h2><div id="host"><span>light</span></div><p>After</p>');
    const host = doc.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow <b>one</b></p><slot></slot><style>p{}</style>';
    expect(extractText(doc.body).text).toBe('Before\nShadow one\nlight\nAfter\n');
  });

  it('goes on after a node the page removes between two slices', () => {
    const paragraphs = Array.from({ length: 600 }, (_, i) => `<p id="p${i}">Line ${i}.</p>`).join('');
    const doc = doms['happy-dom'](`<main>${paragraphs}</main>`);
    const extractor = new TextExtractor(doc.body);
    let slices = 0;
    while (!extractor.step(() => true)) {
      // The page drops the paragraph the walk was just in, and the one it would read next.
      if (slices++ === 0) {
        const chunks = extractor.result().chunks;
        const current = chunks[chunks.length - 1]!.node.parentElement!;
        current.nextElementSibling!.remove();
        current.remove();
      }
    }
    expect(slices).toBeGreaterThan(1);
    const text = extractor.result().text;
    expect(text.startsWith('Line 0.\nLine 1.\n')).toBe(true);
    expect(text).toContain('Line 599.\n');
  });
});

describe('findings map back to Ranges', () => {
  const html = `
    <main>
      <h1>Renewa Serum</h1>
      <p>Our formula contains <b>live</b> <span class="x">stem</span> cells that renew skin.</p>
      <ul><li>Helps the skin <a href="/s">grow new</a> tissue</li></ul>
      <p>Stem cell actives stay <em>active for years</em> — stable at room temperature.</p>
    </main>`;

  test('every finding\'s Range reads back exactly its text (happy-dom)', () => {
    const doc = doms['happy-dom'](html);
    const page = extractText(doc.body);
    const { findings } = scanText(nlp, page.text, ruleSet);
    // Claims split by <b>, <span>, <a> and <em> are each found whole (whatever the rules' exact spans are today).
    for (const split of ['live stem cells', 'grow new tissue', 'active for years', 'stable at room temperature']) {
      expect(findings.some((f) => f.text.includes(split))).toBe(true);
    }
    for (const f of findings) {
      expect(page.text.slice(f.start, f.end)).toBe(f.text);
      expect(rangeForOffsets(page, f.start, f.end, doc)?.toString()).toBe(f.text);
    }
  });

  test('a range ending exactly at a node seam stays in the earlier node', () => {
    const doc = doms['happy-dom']('<p><b>live stem cells</b> here</p>');
    const page = extractText(doc.body);
    const range = rangeForOffsets(page, 0, 'live stem cells'.length, doc)!;
    expect(range.endContainer.textContent).toBe('live stem cells');
    expect(range.toString()).toBe('live stem cells');
  });

  test('offsets outside the text give null instead of throwing', () => {
    const doc = doms['happy-dom']('<p>short</p>');
    expect(rangeForOffsets(extractText(doc.body), 100, 120, doc)).toBeNull();
  });
});
