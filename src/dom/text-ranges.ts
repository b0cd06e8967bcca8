/** Maps offsets in extracted text back to DOM Ranges, across however many text nodes a claim spans. */
import type { PageText, TextChunk } from './extract-text.ts';

/**
 * The Range covering [start, end) of the extracted text, or null when the offsets fall outside any text
 * node (a stale finding after the page changed).
 */
export function rangeForOffsets(page: PageText, start: number, end: number, doc: Document): Range | null {
  const from = locate(page.chunks, start, false);
  const to = locate(page.chunks, end, true);
  if (!from || !to) return null;
  const range = doc.createRange();
  try {
    range.setStart(from.chunk.node, from.offset);
    range.setEnd(to.chunk.node, to.offset);
  } catch {
    return null; // The node changed under us since extraction.
  }
  return range;
}

/**
 * The text node holding an offset. At the seam between two nodes an end offset stays in the earlier node and
 * a start offset moves to the later one, so a range never begins or ends on an empty stretch.
 */
function locate(chunks: readonly TextChunk[], offset: number, isEnd: boolean): { chunk: TextChunk; offset: number } | null {
  let lo = 0;
  let hi = chunks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const chunk = chunks[mid]!;
    const chunkEnd = chunk.start + chunk.node.data.length;
    if (isEnd ? offset <= chunk.start : offset < chunk.start) hi = mid - 1;
    else if (isEnd ? offset > chunkEnd : offset >= chunkEnd) lo = mid + 1;
    else {
      found = mid;
      break;
    }
  }
  if (found < 0) return null;
  const chunk = chunks[found]!;
  return { chunk, offset: offset - chunk.start };
}
