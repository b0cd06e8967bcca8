/**
 * Things found on the page, each held by a live Range, in document order. Rescanning a changed subtree
 * replaces the items inside it, so nothing is counted twice, and items whose text has left the page are
 * dropped, so nothing stale is painted or reported. Claims, cytokine names and quiet mentions all live in one.
 */
export interface Located {
  range: Range;
}

export interface LiveRangesOptions<T extends Located> {
  /** What the range must still read for the item to be live. */
  text: (item: T) => string;
  /** Items of one kind on the same words are one item, however they were found. */
  kind: (item: T) => string;
}

export class LiveRanges<T extends Located> {
  protected items: T[] = [];

  constructor(private readonly options: LiveRangesOptions<T>) {}

  list(): readonly T[] {
    return this.items;
  }

  clear(): void {
    this.items = [];
  }

  /** Replaces whatever was found inside `roots` with `fresh`, dropping stale items anywhere. */
  replaceWithin(roots: readonly Node[], fresh: readonly T[]): void {
    const kept = this.items.filter((e) => this.isLive(e) && !roots.some((root) => intersects(e.range, root)));
    const seen = new Set(kept.map((e) => this.positionKey(e)));
    for (const item of fresh) {
      const k = this.positionKey(item);
      if (!seen.has(k)) {
        seen.add(k);
        kept.push(item);
      }
    }
    kept.sort(documentOrder);
    this.items = kept;
  }

  /** Drops items whose text changed or left the page; returns whether any did. */
  prune(): boolean {
    const before = this.items.length;
    this.items = this.items.filter((e) => this.isLive(e));
    return this.items.length !== before;
  }

  private isLive(item: T): boolean {
    const { range } = item;
    return range.startContainer.isConnected && !range.collapsed && range.toString() === this.options.text(item);
  }

  private positionKey(item: T): string {
    const r = item.range;
    return `${this.options.kind(item)}@${nodeId(r.startContainer)}:${r.startOffset}`;
  }
}

function intersects(range: Range, root: Node): boolean {
  try {
    return range.intersectsNode(root);
  } catch {
    return false;
  }
}

const ids = new WeakMap<Node, number>();
let nextId = 0;
function nodeId(node: Node): number {
  let id = ids.get(node);
  if (id === undefined) {
    id = nextId++;
    ids.set(node, id);
  }
  return id;
}

function documentOrder(a: Located, b: Located): number {
  try {
    return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
  } catch {
    // Ranges in different shadow trees cannot be compared directly; order their hosts instead.
    const pos = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
    return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : pos & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
  }
}
