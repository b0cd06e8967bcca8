import { describe, expect, it } from 'vitest';
import { verdictLine } from '../../../src/report/build-report.ts';

const counts = (misleading: number, unsupported: number, risky: number, context: number) => ({
  flagged: misleading + unsupported + risky,
  bySeverity: { misleading, unsupported, risky, context },
});

describe('verdictLine', () => {
  it.each([
    [counts(0, 0, 0, 0), 'No claims found that the rules address.'],
    [counts(0, 0, 0, 1), 'No claims flagged; 1 context note.'],
    [counts(0, 0, 0, 3), 'No claims flagged; 3 context notes.'],
    [counts(1, 0, 0, 0), '1 claim flagged: 1 misleading.'],
    [counts(2, 0, 3, 0), '5 claims flagged: 2 misleading, 3 risky.'],
    [counts(0, 4, 1, 2), '5 claims flagged: 4 unsupported, 1 risky; 2 context notes.'],
  ])('%o reads "%s"', (summary, line) => {
    expect(verdictLine(summary)).toBe(line);
  });
});
