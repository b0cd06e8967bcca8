// The command-line contract, tested on the built bin as a user runs it: exact output, exit codes, stderr.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { ruleSet } from 'virtual:claimlens/rules';
import { extractText } from '../../../src/dom/extract-text.ts';

const FIXTURE = 'tests/fixtures/stem-cell-serum.html';
// Each case starts Node and loads compromise (about a second); several cases run the bin more than once.
vi.setConfig({ testTimeout: 30_000 });

function scan(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['bin/claimlens.mjs', ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  // `npm test` builds first; a lone `vitest` run builds the scanner here so the test still exercises the bin.
  if (!existsSync('dist/cli/claimlens.mjs')) execFileSync('npm', ['run', 'build:cli'], { stdio: 'ignore' });
}, 120_000);

describe('claimlens scan', () => {
  it('prints a readable report grouped by severity', () => {
    const { code, stdout, stderr } = scan(['scan', FIXTURE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `${FIXTURE}: 4 claims flagged, 0 context notes (rules ${ruleSet.version})`,
        '',
        '  MISLEADING',
        '    Living stem cells in the product [living-stem-cells]',
        '      › Our breakthrough formula contains [live stem cells] that renew your skin overnight.',
        '',
        '  UNSUPPORTED',
        '    Potent for years at room temperature [stability-room-temperature]',
        '      › Thanks to our patented capsule, the stem cell actives [stay active for years] — every drop is stable at room temperature.',
        '      › Thanks to our patented capsule, the stem cell actives stay active for years — every drop is [stable at room temperature].',
        '',
        '  RISKY',
        '    Grows new tissue [grows-new-tissue]',
        '      › Helps the skin [grow new tissue] for visible volume',
        '',
      ].join('\n'),
    );
  });

  it('prints one JSON object per input with the contract fields, offsets into the extracted text', () => {
    const { code, stdout } = scan(['scan', '--json', FIXTURE, 'tests/fixtures/plain-moisturiser.html']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    const [serum, plain] = lines as [any, any];
    expect(Object.keys(serum)).toEqual(['input', 'findings', 'cytokines', 'crossChecks', 'summary']);
    expect(serum.input).toBe(FIXTURE);
    const text = extractText(parseHTML(readFileSync(FIXTURE, 'utf8')).document.body as unknown as Node).text;
    expect(serum.findings).toHaveLength(4);
    for (const f of serum.findings) {
      expect(Object.keys(f)).toEqual(['ruleId', 'severity', 'text', 'start', 'end', 'sentence', 'why']);
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(f.sentence).toContain(f.text);
      expect(['misleading', 'unsupported', 'risky', 'context']).toContain(f.severity);
    }
    expect(serum.summary).toEqual({
      rulesVersion: ruleSet.version,
      flagged: 4,
      bySeverity: { misleading: 1, unsupported: 2, risky: 1, context: 0 },
      quietMentions: 1,
      worst: 'misleading',
    });
    expect(plain.findings).toEqual([]);
    expect(plain.summary.worst).toBeNull();
  });

  it('writes a Markdown report with --format md', () => {
    const { code, stdout } = scan(['scan', '--format', 'md', FIXTURE]);
    expect(code).toBe(0);
    const rule = ruleSet.rules.find((r) => r.id === 'living-stem-cells')!;
    expect(stdout.startsWith(`# Claimlens report\n\n- **Page:** tests/fixtures/stem-cell-serum.html\n- **Rules version:** \`${ruleSet.version}\`\n- **Claims flagged:** 4 (1 misleading, 2 unsupported, 1 risky)\n`)).toBe(true);
    expect(stdout).toContain('## Misleading\n\n### Living stem cells in the product (`living-stem-cells`)\n\n> Our breakthrough formula contains **live stem cells** that renew your skin overnight.\n');
    expect(stdout).toContain(`**Ask the seller:** ${rule.ask.replace(/([?()])/g, (c) => (c === '?' ? c : `\\${c}`))}`);
    expect(stdout).toContain('**Sources:** 003_072484d7e9901298.txt, “there are no cells in the cream”');
  });

  it('reads plain text from standard input with --text -', () => {
    const { code, stdout } = scan(['scan', '--text', '--json', '-'], 'Our cream contains live\nstem cells.\nDoes it contain live stem cells?\n');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { input: string; findings: { text: string; start: number }[] };
    expect(report.input).toBe('-');
    expect(report.findings.map((f) => [f.text, f.start])).toEqual([['live\nstem cells'.replace('\n', ' '), 19]]);
  });

  it('reports unreadable inputs on stderr, scans the others, and exits 2', () => {
    const { code, stdout, stderr } = scan(['scan', '--json', 'missing.html', FIXTURE, '/usr/bin/env', 'tests']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      [
        'claimlens: missing.html: no such file; skipped',
        'claimlens: /usr/bin/env: looks like a binary file, not HTML or text; skipped',
        'claimlens: tests: is a directory, not a file; skipped',
        '',
      ].join('\n'),
    );
    expect(stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { input: string }).input)).toEqual([FIXTURE]);
  });

  it('explains its usage on a wrong command or format', () => {
    expect(scan(['lint', FIXTURE])).toMatchObject({ code: 2, stdout: '' });
    expect(scan(['lint', FIXTURE]).stderr).toMatch(/^claimlens: unknown command "lint"\n\nUsage: claimlens scan PATH/);
    expect(scan(['scan', '--format', 'xml', FIXTURE]).stderr).toBe('claimlens: --format must be text, json or md (got "xml")\n');
    expect(scan(['scan']).stderr).toMatch(/^claimlens: scan needs at least one PATH/);
    expect(scan(['--help'])).toMatchObject({ code: 0, stderr: '' });
  });
});
