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

/** Extracts the text of `root` and its open shadow roots, in document order. */
export function extractText(root: Node, options: ExtractOptions = {}): PageText {
  const parts: string[] = [];
  const chunks: TextChunk[] = [];
  let length = 0;
  let atLineStart = true;

  const breakLine = () => {
    if (!atLineStart) {
      parts.push('\n');
      length += 1;
      atLineStart = true;
    }
  };

  // An explicit stack rather than recursion: product pages nest deep enough to matter.
  const stack: { node: Node; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      chunks.push({ node: node as Text, start: length });
      parts.push(data.replace(/[\n\r\t\f]/g, ' '));
      length += data.length;
      if (/\S/.test(data)) atLineStart = false;
      continue;
    }
    const isElement = node.nodeType === ELEMENT_NODE;
    const tag = isElement ? (node as Element).tagName.toUpperCase() : '';
    if (leaving) {
      if (BLOCKS.has(tag)) breakLine();
      continue;
    }
    if (isElement) {
      const element = node as Element;
      if (SKIPPED.has(tag) || isEditable(element) || options.exclude?.(element)) continue;
      if (BLOCKS.has(tag)) breakLine();
      stack.push({ node, leaving: true });
    }
    const children: Node[] = [];
    const shadow = isElement ? (node as Element).shadowRoot : null;
    if (shadow) for (let c = shadow.firstChild; c; c = c.nextSibling) children.push(c);
    for (let c = node.firstChild; c; c = c.nextSibling) children.push(c);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
  return { text: parts.join(''), chunks };
}

function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}
