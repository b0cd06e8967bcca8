/**
 * Windows of about `size` characters over a page's text, each cut just after a line break: in extracted text a
 * line break ends a block, which no sentence, cytokine name or voice cue spans. Long pages are read a window at a
 * time so the work can give the page its main thread back between them.
 */
export interface LineWindow {
  from: number;
  to: number;
  /** The window's own text (the whole text when one window holds it, without copying it). */
  text: string;
  /** Whether this is the text's last window (nothing left to yield before). */
  last: boolean;
}

export function* lineWindows(text: string, size: number): Generator<LineWindow> {
  for (let from = 0; from < text.length; ) {
    const cut = text.indexOf('\n', from + size);
    const to = cut < 0 ? text.length : cut + 1;
    yield { from, to, text: from === 0 && to === text.length ? text : text.slice(from, to), last: to >= text.length };
    from = to;
  }
}
