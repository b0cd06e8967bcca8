/** Reads one scanner input (a file, or `-` for standard input) and turns it into extracted text. */
import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import { extractText } from '../dom/extract-text.ts';

export type InputText = { ok: true; input: string; text: string; title: string | null } | { ok: false; input: string; error: string };

export async function readInput(input: string, asText: boolean, stdin: () => Promise<Buffer>): Promise<InputText> {
  let bytes: Buffer;
  try {
    bytes = input === '-' ? await stdin() : await readFile(input);
  } catch (err) {
    return { ok: false, input, error: describeReadError(err) };
  }
  // A NUL byte never occurs in HTML or prose: this is an image, an archive or a PDF.
  if (bytes.subarray(0, 8192).includes(0)) {
    return { ok: false, input, error: 'looks like a binary file, not HTML or text' };
  }
  const source = bytes.toString('utf8');
  return asText ? { ok: true, input, text: plainText(source), title: null } : { ok: true, input, ...htmlText(source) };
}

/** The text a browser would show of an HTML document (or fragment), with its <title>. */
export function htmlText(html: string): { text: string; title: string | null } {
  let { document } = parseHTML(html);
  // A browser puts any input, a fragment or bare text too, inside <html><body>. linkedom does not: a fragment's
  // first element becomes the root and `body` an empty new element, and bare text leaves no root at all.
  if (document.documentElement?.localName !== 'html') {
    ({ document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`));
  }
  const root = document.body ?? document.documentElement;
  // The page's <title>, as the extension's report has it (document.title).
  const title = (document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim() || null;
  return { text: root ? extractText(root).text : '', title };
}

/**
 * Plain text keeps its length (offsets stay true to the input) but a line break followed by a lower-case word
 * is a wrapped line, not a new sentence, so it becomes a space.
 */
export function plainText(source: string): string {
  return source.replace(/\r/g, ' ').replace(/\n(?=[ \t]*[a-z])/g, ' ').replace(/\t/g, ' ');
}

function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return `cannot be read (${(err as Error).message})`;
  }
}
