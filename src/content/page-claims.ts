/**
 * The claims currently shown on the page, in document order: each finding with its live Range and the rule
 * that explains it. Rescanning a changed subtree replaces the entries inside it, so nothing is duplicated,
 * and entries whose text has left the page are dropped, so nothing stale is painted.
 */
import type { Finding } from '../engine/types.ts';
import type { CardRule } from '../ui/ClaimCard.tsx';

export interface ClaimEntry {
  finding: Finding;
  range: Range;
  rule: CardRule;
  /** Identifies the claim across rescans and reloads, for "hide it". */
  key: string;
}

export function claimKey(finding: Pick<Finding, 'ruleId' | 'text' | 'sentence'>): string {
  return `${finding.ruleId}|${finding.text.toLowerCase()}|${finding.sentence}`;
}

export class PageClaims {
  private entries: ClaimEntry[] = [];

  list(): readonly ClaimEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }

  /** Replaces whatever was found inside `roots` with `fresh`, dropping stale entries anywhere. */
  replaceWithin(roots: readonly Node[], fresh: readonly ClaimEntry[]): void {
    const kept = this.entries.filter((e) => isLive(e) && !roots.some((root) => intersects(e.range, root)));
    const seen = new Set(kept.map(positionKey));
    for (const entry of fresh) {
      const k = positionKey(entry);
      if (!seen.has(k)) {
        seen.add(k);
        kept.push(entry);
      }
    }
    kept.sort(documentOrder);
    this.entries = kept;
  }

  /** Drops entries the shopper hid. */
  without(hidden: ReadonlySet<string>): void {
    this.entries = this.entries.filter((e) => !hidden.has(e.key));
  }

  /** Drops entries whose text changed or left the page; returns whether any did. */
  prune(): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter(isLive);
    return this.entries.length !== before;
  }
}

function isLive(entry: ClaimEntry): boolean {
  const { range, finding } = entry;
  return range.startContainer.isConnected && !range.collapsed && range.toString() === finding.text;
}

function intersects(range: Range, root: Node): boolean {
  try {
    return range.intersectsNode(root);
  } catch {
    return false;
  }
}

/** Two findings of one rule on the same words are one claim, however they were found. */
function positionKey(entry: ClaimEntry): string {
  const r = entry.range;
  return `${entry.finding.ruleId}@${nodePath(r.startContainer)}:${r.startOffset}`;
}

const ids = new WeakMap<Node, number>();
let nextId = 0;
function nodePath(node: Node): number {
  let id = ids.get(node);
  if (id === undefined) {
    id = nextId++;
    ids.set(node, id);
  }
  return id;
}

function documentOrder(a: ClaimEntry, b: ClaimEntry): number {
  try {
    return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
  } catch {
    // Ranges in different shadow trees cannot be compared directly; order their hosts instead.
    const pos = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
    return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : pos & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
  }
}
