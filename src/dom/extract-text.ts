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

/** Elements whose content is never page prose. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK',
]);

/** Elements that start a new line of text (a sentence never runs across them). */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL',
  'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

export interface ExtractOptions {
  /** Elements to leave out with their subtree (the extension's own UI host). */
  exclude?: (element: Element) => boolean;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Extracts the text of `root` and its open shadow roots, in document order, in one go. */
export function extractText(root: Node, options: ExtractOptions = {}): PageText {
  const extractor = new TextExtractor(root, options);
  extractor.step(() => false);
  return extractor.result();
}

/**
 * Extracts in slices: `step` works until `shouldPause()` says the slice is used up, so a caller can give the
 * page its main thread back between slices on very large pages.
 */
export class TextExtractor {
  private readonly parts: string[] = [];
  private readonly chunks: TextChunk[] = [];
  private length = 0;
  private atLineStart = true;
  // An explicit stack rather than recursion: product pages nest deep enough to matter.
  private readonly stack: { node: Node; leaving: boolean }[];

  constructor(root: Node, private readonly options: ExtractOptions = {}) {
    this.stack = [{ node: root, leaving: false }];
  }

  /** Walks on until done (returns true) or until `shouldPause()` is true, checked every 256 nodes. */
  step(shouldPause: () => boolean): boolean {
    let visited = 0;
    while (this.stack.length > 0) {
      if ((++visited & 255) === 0 && shouldPause()) return false;
      this.visit(this.stack.pop()!);
    }
    return true;
  }

  result(): PageText {
    return { text: this.parts.join(''), chunks: this.chunks };
  }

  private breakLine(): void {
    if (!this.atLineStart) {
      this.parts.push('\n');
      this.length += 1;
      this.atLineStart = true;
    }
  }

  private visit({ node, leaving }: { node: Node; leaving: boolean }): void {
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      this.chunks.push({ node: node as Text, start: this.length });
      this.parts.push(data.replace(/[\n\r\t\f]/g, ' '));
      this.length += data.length;
      if (/\S/.test(data)) this.atLineStart = false;
      return;
    }
    const isElement = node.nodeType === ELEMENT_NODE;
    const tag = isElement ? (node as Element).tagName.toUpperCase() : '';
    if (leaving) {
      if (BLOCKS.has(tag)) this.breakLine();
      return;
    }
    if (isElement) {
      const element = node as Element;
      if (SKIPPED.has(tag) || isEditable(element) || this.options.exclude?.(element)) return;
      if (BLOCKS.has(tag)) this.breakLine();
      this.stack.push({ node, leaving: true });
    }
    const children: Node[] = [];
    const shadow = isElement ? (node as Element).shadowRoot : null;
    if (shadow) for (let c = shadow.firstChild; c; c = c.nextSibling) children.push(c);
    for (let c = node.firstChild; c; c = c.nextSibling) children.push(c);
    for (let i = children.length - 1; i >= 0; i--) this.stack.push({ node: children[i]!, leaving: false });
  }
}

/** Block-level tags, for callers that widen a changed node to the block holding its sentences. */
export function isBlockElement(element: Element): boolean {
  return BLOCKS.has(element.tagName.toUpperCase());
}

function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}
