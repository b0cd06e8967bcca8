/**
 * Turns a document into the text the engine reads, and remembers which text node each stretch came from so
 * findings map back to the page. The same rules serve the content script and the command-line scanner:
 * scripts, styles, templates, form fields and editable regions are skipped; text in hidden tabs and
 * accordions is kept; inline elements join without a break; block elements and <br> end a line, which
 * the engine reads as a sentence boundary. Every character of a text node maps to one character of the
 * text (white space becomes a plain space), so offsets convert with one subtraction.
 */

/** One text node's share of the extracted text. */
export interface TextChunk {
  node: Text;
  /** Offset of the node's first character in the extracted text. */
  start: number;
}

export interface PageText {
  text: string;
  /** In text order, so a binary search finds the node for an offset. */
  chunks: TextChunk[];
}

/** Elements whose content is never page prose, by `localName` (lower case in HTML, SVG and XHTML alike). */
const SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'textarea', 'input', 'select', 'option', 'button',
  'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'head', 'title', 'meta', 'link',
]);

/** Elements that start a new line of text (a sentence never runs across them). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

export interface ExtractOptions {
  /** Elements to leave out with their subtree (the extension's own UI host). */
  exclude?: (element: Element) => boolean;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** On the walk's stack: "a block ends here", where the old walk kept a { node, leaving } record per node. */
const BLOCK_END = null;
/** White space other than the plain space; each becomes one space, so offsets stay one to one. */
const LINE_SPACE = /[\n\r\t\f]/g;
const NON_SPACE = /\S/;

/** Extracts the text of `root` and its open shadow roots, in document order, in one go. */
export function extractText(root: Node, options: ExtractOptions = {}): PageText {
  const extractor = new TextExtractor(root, options);
  extractor.step(() => false);
  return extractor.result();
}

/**
 * Extracts in slices: `step` works until `shouldPause()` says the slice is used up, so a caller can give the
 * page its main thread back between slices on very large pages.
 *
 * Every page and frame pays for this walk (the eager content script runs it), so it allocates nothing per
 * node but the chunk it must keep: one flat stack of nodes, children pushed last-first straight from
 * `lastChild`/`previousSibling`. The stack holds a parent's children as they were when it was entered, so a
 * node the page removes between two slices is still read and the walk goes on after it (the page watcher
 * rescans what changed).
 */
export class TextExtractor {
  private readonly parts: string[] = [];
  private readonly chunks: TextChunk[] = [];
  private length = 0;
  private atLineStart = true;
  // An explicit stack rather than recursion: product pages nest deep enough to matter.
  private readonly stack: (Node | typeof BLOCK_END)[];

  constructor(root: Node, private readonly options: ExtractOptions = {}) {
    this.stack = [root];
  }

  /**
   * Walks on until done (returns true) or until `shouldPause()` is true, checked every 256 nodes.
   *
   * One loop over locals, with nothing called per node: the walk runs cold on every page and frame, mostly in
   * V8's interpreter, where a field read or a method call per node costs more than the DOM does (measured in
   * Chromium on the bench's 1 MB page, in CPU time: 14 ms as one loop, 25 ms as methods over fields).
   */
  step(shouldPause: () => boolean): boolean {
    const { stack, parts, chunks } = this;
    const exclude = this.options.exclude;
    let length = this.length;
    let atLineStart = this.atLineStart;
    let visited = 0;
    let done = true;
    while (stack.length > 0) {
      if ((++visited & 255) === 0 && shouldPause()) {
        done = false;
        break;
      }
      const node = stack.pop()!;
      if (node === BLOCK_END) {
        // A line break, once, where a block ends and text came before it.
        if (!atLineStart) {
          parts.push('\n');
          length += 1;
          atLineStart = true;
        }
        continue;
      }
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        const data = (node as Text).data;
        if (data.length === 0) continue;
        chunks.push({ node: node as Text, start: length });
        length += data.length;
        parts.push(data.replace(LINE_SPACE, ' '));
        // Only a line's first text needs the look for a non-space (whether a block break is due), and most text
        // starts with a printable ASCII character, which answers it without a regex.
        if (atLineStart) {
          const first = data.charCodeAt(0);
          if ((first > 32 && first < 127) || NON_SPACE.test(data)) atLineStart = false;
        }
        continue;
      }
      if (type === ELEMENT_NODE) {
        const element = node as Element;
        const tag = element.localName;
        if (SKIPPED.has(tag) || isEditable(element.getAttribute('contenteditable')) || exclude?.(element)) continue;
        if (BLOCKS.has(tag)) {
          if (!atLineStart) {
            parts.push('\n');
            length += 1;
            atLineStart = true;
          }
          stack.push(BLOCK_END);
        }
        for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
        // An open shadow root's content comes before the light children (which it may slot in).
        const shadow = element.shadowRoot;
        if (shadow) for (let c = shadow.lastChild; c; c = c.previousSibling) stack.push(c);
        continue;
      }
      // The document, a fragment or a shadow root given as the root.
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
    this.length = length;
    this.atLineStart = atLineStart;
    return done;
  }

  result(): PageText {
    return { text: this.parts.join(''), chunks: this.chunks };
  }
}

/**
 * The elements extraction skips with their subtree (SKIPPED, and editable regions), as a selector: for a caller
 * that reads `textContent`, which holds their text, and must tell it apart (src/content/quick-look.ts).
 */
export const SKIPPED_SELECTOR = `${[...SKIPPED].join(',')},[contenteditable]:not([contenteditable="false"])`;

/** Block-level tags, for callers that widen a changed node to the block holding its sentences. */
export function isBlockElement(element: Element): boolean {
  return BLOCKS.has(element.localName);
}

/** `contenteditable`'s value: any but "false" makes the element editable. */
function isEditable(value: string | null): boolean {
  return value !== null && value !== 'false';
}
