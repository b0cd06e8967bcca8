/**
 * The claims currently shown on the page, in document order: each finding with its live Range and the rule
 * that explains it (see live-ranges.ts for how rescans replace and prune them).
 */
import type { Finding } from '../engine/types.ts';
import type { CardRule } from '../ui/ClaimCard.tsx';
import { LiveRanges } from './live-ranges.ts';

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

export class PageClaims extends LiveRanges<ClaimEntry> {
  constructor() {
    super({ text: (e) => e.finding.text, kind: (e) => e.finding.ruleId });
  }

  /** Drops entries the shopper hid. */
  without(hidden: ReadonlySet<string>): void {
    this.items = this.items.filter((e) => !hidden.has(e.key));
  }
}
