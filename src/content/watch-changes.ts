/**
 * Watches the page for content that appears or changes later (reviews loading, tabs rendering, SPA views).
 * The observer callback only queues the changed nodes (STYLE.md; uBlock's domWatcher); a debounced flush
 * hands the caller the smallest set of block-level subtrees that cover them, so only those are rescanned.
 */
import { isBlockElement } from '../dom/extract-text.ts';

export interface WatchOptions {
  /** Nodes to ignore (our own UI). */
  ignore: (node: Node) => boolean;
  /** Quiet time before a flush, and the longest a busy page can postpone one. */
  delayMs?: number;
  maxWaitMs?: number;
  signal: AbortSignal;
}

/** Returns a function that takes the changes queued but not yet flushed, for a caller handing over to another watcher. */
export function watchChanges(target: Node, onChange: (roots: Element[]) => void, options: WatchOptions): () => Element[] {
  const pending = new Set<Node>();
  const delay = options.delayMs ?? 250;
  const maxWait = options.maxWaitMs ?? 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstQueuedAt = 0;

  const flush = () => {
    timer = undefined;
    const roots = coveringBlocks([...pending]);
    pending.clear();
    if (roots.length > 0) onChange(roots);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (options.ignore(record.target)) continue;
      if (record.type === 'childList' && ![...record.addedNodes].some((n) => !options.ignore(n)) && record.removedNodes.length === 0) {
        continue;
      }
      pending.add(record.target);
    }
    if (pending.size === 0) return;
    const now = performance.now();
    if (timer === undefined) firstQueuedAt = now;
    else clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(delay, firstQueuedAt + maxWait - now)));
  });
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    pending.clear();
  });
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const roots = coveringBlocks([...pending]);
    pending.clear();
    return roots;
  };
}

/** The block-level ancestors of the changed nodes, without any that another one already contains. */
function coveringBlocks(nodes: Node[]): Element[] {
  const blocks = new Set<Element>();
  for (const node of nodes) {
    if (!node.isConnected) continue;
    let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    while (el && !isBlockElement(el) && el.parentElement) el = el.parentElement;
    if (el) blocks.add(el);
  }
  const list = [...blocks];
  return list.filter((el) => !list.some((other) => other !== el && other.contains(el)));
}
