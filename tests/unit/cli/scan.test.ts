// The command-line contract, tested on the built bin as a user runs it: exact output, exit codes, stderr.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { ruleSet as builtInRules } from 'virtual:claimlens/rules';
import { compileSources, readRuleSources } from '../../../src/build/load-rules.ts';
import { extractText } from '../../../src/dom/extract-text.ts';
import { FACTS_NOTE } from '../../../src/engine/cytokines/cytokine-facts.ts';
import type { PageReport } from '../../../src/report/build-report.ts';

const FIXTURE = 'tests/fixtures/stem-cell-serum.html';
const RULES_DIR = 'tests/fixtures/rules';
const ruleSet = compileSources(readRuleSources(RULES_DIR)).ruleSet;
/** A conditioned-media serum that lists a dozen cytokines, most of them inflammatory (as in seed 003). */
const CYTOKINES = 'tests/fixtures/cytokine-serum.html';
/** A cream claiming live stem cells at 10% whose list names only an apple cell culture extract, after Phenoxyethanol. */
const APPLE = 'tests/fixtures/apple-stem-cell-cream.html';
/** A serum claiming EGF whose list supports it with sh-Oligopeptide-1. */
const EGF = 'tests/fixtures/egf-serum.html';
// Each case starts Node and loads compromise (about a second); several cases run the bin more than once.
vi.setConfig({ testTimeout: 30_000 });

/** One line of `scan --json`: the page report, as the bin serialises it. */
const parseReport = (line: string) => JSON.parse(line) as PageReport;

/**
 * Runs the built bin. Exact-output cases use a frozen rule set (tests/fixtures/rules) so they test the
 * scanner, not today's rules; `builtIn` runs the rules compiled into the bin.
 */
function scan(args: string[], input?: string, options: { builtIn?: boolean } = {}) {
  const rules = options.builtIn || args[0] !== 'scan' ? [] : ['--rules', RULES_DIR];
  const result = spawnSync(process.execPath, ['bin/claimlens.mjs', ...args, ...rules], {
    input: input ?? '',
    encoding: 'utf8',
    // A fixed clock, so a report's "Scanned" line is exact.
    env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1796120100' },
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
        // The page's own ingredient list names only an apple cell culture extract.
        '  INGREDIENT LIST (1 mismatch)',
        '    Living stem cells in the product [living-stem-cells] stem-cells-only-plant-culture',
        '      The page claims stem cells, but the only cell-derived ingredient it lists is a plant cell',
        '      culture extract (Malus Domestica Fruit Cell Culture Extract): it holds no living cells and no',
        '      human stem cells.',
        '',
      ].join('\n'),
    );
  });

  it('prints one JSON object per input with the contract fields, offsets into the extracted text', () => {
    const { code, stdout } = scan(['scan', '--json', FIXTURE, 'tests/fixtures/plain-moisturiser.html']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map(parseReport);
    expect(lines).toHaveLength(2);
    const [serum, plain] = lines as [PageReport, PageReport];
    expect(Object.keys(serum)).toEqual(['input', 'findings', 'cytokines', 'crossChecks', 'summary']);
    expect(serum.input).toBe(FIXTURE);
    const text = extractText(parseHTML(readFileSync(FIXTURE, 'utf8')).document.body).text;
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
      cytokineFacts: null,
    });
    // The page names no cytokine: an empty list and no label, not a label of zeros.
    expect(serum.cytokines).toEqual([]);
    expect(serum.crossChecks).toEqual([
      {
        ruleId: 'living-stem-cells',
        kind: 'stem-cells-only-plant-culture',
        ingredients: ['Malus Domestica Fruit Cell Culture Extract'],
        message:
          'The page claims stem cells, but the only cell-derived ingredient it lists is a plant cell culture extract (Malus Domestica Fruit Cell Culture Extract): it holds no living cells and no human stem cells.',
      },
    ]);
    expect(plain.crossChecks).toEqual([]);
    expect(plain.findings).toEqual([]);
    expect(plain.cytokines).toEqual([]);
    expect(plain.summary.worst).toBeNull();
    expect(plain.summary.cytokineFacts).toBeNull();
  });

  it('prints the Cytokine Facts label after the claims when a page names cytokines', () => {
    const { code, stdout, stderr } = scan(['scan', CYTOKINES]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^${CYTOKINES}: \\d+ claims? flagged, 0 context notes \\(rules ${ruleSet.version}\\)\n`));
    expect(stdout.slice(stdout.indexOf('\n  CYTOKINE FACTS'))).toBe(
      [
        '',
        '  CYTOKINE FACTS (13 listed)',
        '    Pro-inflammatory (8)   GM-CSF ×2, TNF-α ×2, IL-6 ×2, IL-1β ×2, IL-8 ×2, IFN-γ, IL-12, IL-17',
        '    Anti-inflammatory (1)  IL-10',
        '    Growth factors (3)     VEGF, HGF, EGF',
        '    Chemokines (1)         MCP-1',
        '    Balance: 8 pro-inflammatory, 1 anti-inflammatory: net inflammatory (score +0.78 from -1 to +1)',
        '    A listing is not a measurement: this counts the cytokines the page names, not how much of each',
        '    the product holds or whether they are still active. Classes come from the Claimlens cytokine',
        '    lexicon (textbook immunology and the seed documents); only pro- and anti-inflammatory entries',
        '    count towards the balance.',
        '',
      ].join('\n'),
    );
  });

  it('lists the cytokines and the label in the JSON report', () => {
    const { code, stdout } = scan(['scan', '--json', CYTOKINES]);
    expect(code).toBe(0);
    const report = parseReport(stdout);
    expect(Object.keys(report)).toEqual(['input', 'findings', 'cytokines', 'crossChecks', 'summary']);
    // Each cytokine once, in order of first mention; the review in the <textarea> is not page text.
    expect(report.cytokines).toEqual([
      { id: 'gm-csf', name: 'GM-CSF', class: 'pro-inflammatory', mentions: 2 },
      { id: 'tnf-a', name: 'TNF-α', class: 'pro-inflammatory', mentions: 2 },
      { id: 'il-6', name: 'IL-6', class: 'pro-inflammatory', mentions: 2 },
      { id: 'il-1b', name: 'IL-1β', class: 'pro-inflammatory', mentions: 2 },
      { id: 'il-8', name: 'IL-8', class: 'pro-inflammatory', mentions: 2 },
      { id: 'ifn-g', name: 'IFN-γ', class: 'pro-inflammatory', mentions: 1 },
      { id: 'il-12', name: 'IL-12', class: 'pro-inflammatory', mentions: 1 },
      { id: 'il-17', name: 'IL-17', class: 'pro-inflammatory', mentions: 1 },
      { id: 'mcp-1', name: 'MCP-1', class: 'chemokine', mentions: 1 },
      { id: 'vegf', name: 'VEGF', class: 'growth-factor', mentions: 1 },
      { id: 'hgf', name: 'HGF', class: 'growth-factor', mentions: 1 },
      { id: 'il-10', name: 'IL-10', class: 'anti-inflammatory', mentions: 1 },
      // From the ingredient list: sh-Oligopeptide-1 is the INCI name of EGF.
      { id: 'egf', name: 'EGF', class: 'growth-factor', mentions: 1 },
    ]);
    const { summary } = report;
    expect(Object.keys(summary)).toEqual(['rulesVersion', 'flagged', 'bySeverity', 'quietMentions', 'worst', 'cytokineFacts']);
    expect(summary.rulesVersion).toBe(ruleSet.version);
    const facts = summary.cytokineFacts!;
    expect(Object.keys(facts)).toEqual(['groups', 'balance', 'note']);
    expect(facts.groups.map((g) => [g.class, g.label, g.cytokines.map((c) => c.id)])).toEqual([
      ['pro-inflammatory', 'Pro-inflammatory', ['gm-csf', 'tnf-a', 'il-6', 'il-1b', 'il-8', 'ifn-g', 'il-12', 'il-17']],
      ['anti-inflammatory', 'Anti-inflammatory', ['il-10']],
      ['growth-factor', 'Growth factors', ['vegf', 'hgf', 'egf']],
      ['chemokine', 'Chemokines', ['mcp-1']],
    ]);
    // The groups hold the same entries as the flat list, nothing added or lost.
    expect(facts.groups.flatMap((g) => g.cytokines).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...report.cytokines].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(facts.balance).toEqual({ proInflammatory: 8, antiInflammatory: 1, net: 0.78, verdict: 'net inflammatory' });
    expect(facts.note).toBe(FACTS_NOTE);
    // The page's marketing claims are still flagged, with offsets into the extracted text.
    const text = extractText(parseHTML(readFileSync(CYTOKINES, 'utf8')).document.body).text;
    for (const f of report.findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(report.findings.some((f) => f.sentence.includes('stay active for years'))).toBe(true);
    expect(report.findings.some((f) => f.sentence.includes('grow new tissue'))).toBe(true);
    expect(summary.flagged).toBe(report.findings.filter((f) => f.severity !== 'context').length);
  });

  it('writes the Cytokine Facts label into the Markdown report', () => {
    const { code, stdout } = scan(['scan', '--format', 'md', CYTOKINES]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n- \*\*Mentioned, not flagged:\*\* \d+\n- \*\*Cytokines named:\*\* 13 \(net inflammatory\)\n\n/);
    expect(stdout.slice(stdout.indexOf('## Cytokine Facts'))).toBe(
      [
        '## Cytokine Facts',
        '',
        '| Class | Named on the page |',
        '| --- | --- |',
        '| Pro-inflammatory (8) | GM-CSF ×2, TNF-α ×2, IL-6 ×2, IL-1β ×2, IL-8 ×2, IFN-γ, IL-12, IL-17 |',
        '| Anti-inflammatory (1) | IL-10 |',
        '| Growth factors (3) | VEGF, HGF, EGF |',
        '| Chemokines (1) | MCP-1 |',
        '',
        '**Balance:** 8 pro-inflammatory, 1 anti-inflammatory: net inflammatory (score +0.78 from -1 to +1)',
        '',
        `*${FACTS_NOTE}*`,
        '',
      ].join('\n'),
    );
    // A page without cytokines gets no label at all.
    const plain = scan(['scan', '--format', 'md', FIXTURE]).stdout;
    expect(plain).not.toContain('## Cytokine Facts');
    expect(plain).not.toContain('Cytokines named');
  });

  it('writes a Markdown report with --format md', () => {
    const { code, stdout } = scan(['scan', '--format', 'md', FIXTURE]);
    expect(code).toBe(0);
    const rule = ruleSet.rules.find((r) => r.id === 'living-stem-cells')!;
    expect(stdout.startsWith(`# Claimlens report\n\n- **Page:** tests/fixtures/stem-cell-serum.html\n- **Title:** Renewa Stem Cell Serum – Lumière Labs\n- **Scanned:** 2026-12-01 10:15 UTC\n- **Rules version:** \`${ruleSet.version}\`\n- **Claims flagged:** 4 (1 misleading, 2 unsupported, 1 risky)\n`)).toBe(true);
    expect(stdout).toContain('## Misleading\n\n### Living stem cells in the product (`living-stem-cells`)\n\n> Our breakthrough formula contains **live stem cells** that renew your skin overnight.\n');
    expect(stdout).toContain(`**Ask the seller:** ${rule.ask.replace(/([?()])/g, (c) => (c === '?' ? c : `\\${c}`))}`);
    expect(stdout).toContain(
      "**Sources:** “Cytokine Facts” & Actual Products \\(Part 5 of a series, with readers' comments\\) (003_072484d7e9901298.txt): “there are no cells in the cream”",
    );
  });

  it('reports the cross-checks of a page against its own ingredient list in the JSON contract', () => {
    const { code, stdout, stderr } = scan(['scan', '--json', APPLE, EGF, 'tests/fixtures/plain-moisturiser.html']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [apple, egf, plain] = stdout.trimEnd().split('\n').map(parseReport) as [PageReport, PageReport, PageReport];
    expect(Object.keys(apple)).toEqual(['input', 'findings', 'cytokines', 'crossChecks', 'summary']);
    for (const c of apple.crossChecks) expect(Object.keys(c)).toEqual(['ruleId', 'kind', 'ingredients', 'message']);
    expect(apple.crossChecks.map((c) => [c.ruleId, c.kind, c.ingredients])).toEqual([
      ['living-stem-cells', 'stem-cells-only-plant-culture', ['Malus Domestica Fruit Cell Culture Extract']],
      ['living-stem-cells', 'concentration-unlikely', ['Malus Domestica Fruit Cell Culture Extract']],
    ]);
    expect(apple.crossChecks[1]!.message).toContain('"10% stem cell extract"');
    expect(apple.crossChecks[1]!.message).toContain('listed after Phenoxyethanol, which the EU allows at no more than 1%');
    // Each cross-check's rule is one of the page's findings, and each ingredient is written so in the page's list.
    const text = extractText(parseHTML(readFileSync(APPLE, 'utf8')).document.body).text;
    for (const c of apple.crossChecks) {
      expect(apple.findings.map((f) => f.ruleId)).toContain(c.ruleId);
      for (const name of c.ingredients) expect(text).toContain(name);
    }
    // The EGF serum's list holds sh-Oligopeptide-1, the EGF its claim names: nothing to report.
    expect(egf.findings.length).toBeGreaterThan(0);
    expect(egf.crossChecks).toEqual([]);
    expect(plain.crossChecks).toEqual([]);
  });

  it('writes the cross-checks into the Markdown report, and leaves the section out when there are none', () => {
    const { code, stdout } = scan(['scan', '--format', 'md', APPLE]);
    expect(code).toBe(0);
    expect(stdout).toContain('- **Mentioned, not flagged:** 0\n- **Ingredient-list cross-checks:** 2\n');
    expect(stdout).toContain(
      '## Claims against the ingredient list\n\n- **Living stem cells in the product** (`living-stem-cells`, `stem-cells-only-plant-culture`): The page claims stem cells, but the only cell-derived ingredient it lists is a plant cell culture extract \\(Malus Domestica Fruit Cell Culture Extract\\): it holds no living cells and no human stem cells. Ingredients: Malus Domestica Fruit Cell Culture Extract.\n- **Living stem cells in the product** (`living-stem-cells`, `concentration-unlikely`): The page claims "10% stem cell extract"',
    );
    const egf = scan(['scan', '--format', 'md', EGF]).stdout;
    expect(egf).not.toContain('## Claims against the ingredient list');
    expect(egf).not.toContain('Ingredient-list cross-checks');
  });

  it('finds no cross-checks with a rules folder that has no INCI lexicon', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlens-cli-noinci-'));
    try {
      cpSync(RULES_DIR, dir, { recursive: true });
      rmSync(join(dir, 'lexicons', 'inci.yaml'));
      const { code, stdout } = scan(['scan', '--json', APPLE, '--rules', dir], undefined, { builtIn: true });
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as { findings: unknown[]; crossChecks: unknown[] };
      expect(report.findings.length).toBeGreaterThan(0);
      expect(report.crossChecks).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

  it('reads an HTML fragment, bare text and an empty file as a browser would, without crashing', () => {
    const claim = 'This cream contains live stem cells.';
    const dir = mkdtempSync(join(tmpdir(), 'claimlens-fragment-'));
    try {
      const files = {
        fragment: join(dir, 'fragment.html'),
        bare: join(dir, 'bare.txt'),
        empty: join(dir, 'empty.html'),
      };
      writeFileSync(files.fragment, `<title>Fragment</title><div><p>${claim}</p></div>`);
      writeFileSync(files.bare, `${claim}\n`);
      writeFileSync(files.empty, '');
      const { code, stdout, stderr } = scan(['scan', '--json', files.fragment, files.bare, files.empty]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const reports = stdout.trimEnd().split('\n').map(parseReport);
      expect(reports.map((r) => r.findings.map((f) => f.text))).toEqual([['live stem cells'], ['live stem cells'], []]);
      // The fragment's <title> still names the report.
      expect(scan(['scan', '--format', 'md', files.fragment]).stdout).toMatch(/Fragment/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('scans with the rules built into the bin', () => {
    const { code, stdout } = scan(['scan', '--json', FIXTURE], undefined, { builtIn: true });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { findings: { ruleId: string }[]; summary: { rulesVersion: string } };
    // The bin is a build product: after a rule edit it holds the old rules until `npm run build:cli`.
    expect(report.summary.rulesVersion, 'dist/cli was built from other rules: run `npm run build:cli`').toBe(builtInRules.version);
    expect(report.findings.map((f) => f.ruleId)).toContain('living-stem-cells');
  });

  it('refuses an invalid rules folder, naming file, line, rule and field, and scans nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlens-cli-rules-'));
    try {
      cpSync(RULES_DIR, dir, { recursive: true });
      const file = join(dir, 'stability.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('severity: unsupported', 'severity: alarming'));
      const { code, stdout, stderr } = scan(['scan', FIXTURE, '--rules', dir], undefined, { builtIn: true });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `claimlens: invalid rules in ${dir}:\n${relative('.', file)}:4: rule "stability-room-temperature", field "severity": must be one of misleading, unsupported, risky, context\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains its usage on a wrong command or format', () => {
    expect(scan(['lint', FIXTURE])).toMatchObject({ code: 2, stdout: '' });
    expect(scan(['lint', FIXTURE]).stderr).toMatch(/^claimlens: unknown command "lint"\n\nUsage: claimlens scan PATH/);
    expect(scan(['scan', '--format', 'xml', FIXTURE]).stderr).toBe('claimlens: --format must be text, json or md (got "xml")\n');
    expect(scan(['scan']).stderr).toMatch(/^claimlens: scan needs at least one PATH/);
    expect(scan(['--help'])).toMatchObject({ code: 0, stderr: '' });
  });
});
