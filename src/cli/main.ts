/**
 * `claimlens scan PATH... [--text] [--json] [--format md]`: the engine on files, with the same extraction and
 * rules as the extension. An unreadable input is reported on stderr and skipped; the exit code is then 2.
 */
import { parseArgs } from 'node:util';
import { cytokineLexicon, inciLexicon, ruleSet, sourceTitles } from 'virtual:claimlens/rules';
import type { CompiledRuleSet } from '../engine/types.ts';
import type { CompiledLexicon } from '../engine/cytokines/lexicon-types.ts';
import type { CompiledInciLexicon } from '../engine/ingredients/inci-types.ts';
import { crossCheckList } from '../engine/ingredients/cross-check.ts';
import { findIngredientList } from '../engine/ingredients/find-ingredient-list.ts';
import { quietInIngredientList } from '../engine/ingredients/quiet-in-ingredient-list.ts';
import { listCytokines } from '../engine/cytokines/cytokine-facts.ts';
import { findCytokines } from '../engine/cytokines/find-cytokines.ts';
import { buildReport } from '../report/build-report.ts';
import { formatMarkdown } from '../report/markdown-report.ts';
import { ANSI, formatTerminal, PLAIN } from './format-terminal.ts';
import { readInput } from './read-input.ts';

const USAGE = `Usage: claimlens scan PATH... [--text] [--json] [--format text|json|md] [--rules DIR]

Scans HTML files (or plain text with --text) for doubtful skincare claims, and
sums up the cytokines a page names as a "Cytokine Facts" label. Claims are also
read against the page's own ingredient list, when it has one.
PATH may be - for standard input.

  --text         read inputs as plain text instead of HTML
  --json         print one JSON object per input, one per line (same as --format json)
  --format FMT   text (default, for terminals), json, or md (a Markdown report)
  --rules DIR    use the rules in DIR (same layout as the built-in rules/) instead of the built-in set
  -h, --help     show this help
`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => Promise<Buffer>;
  isTty: boolean;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        text: { type: 'boolean' },
        json: { type: 'boolean' },
        format: { type: 'string' },
        rules: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.stderr(`claimlens: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (command !== 'scan' || inputs.length === 0) {
    io.stderr(`claimlens: ${command === 'scan' ? 'scan needs at least one PATH' : `unknown command ${command ? `"${command}"` : '(none)'}`}\n\n${USAGE}`);
    return 2;
  }
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (format !== 'text' && format !== 'json' && format !== 'md') {
    io.stderr(`claimlens: --format must be text, json or md (got "${format}")\n`);
    return 2;
  }
  const loaded = values.rules === undefined ? builtIn : await loadRulesDir(values.rules, io);
  if (!loaded) return 2;
  const { ruleSet, lexicon, inci, titles } = loaded;
  // compromise takes most of a second to load: only pay for it when there is something to scan.
  const [{ default: nlp }, { scanText }] = await Promise.all([import('../engine/nlp.ts'), import('../engine/claims/scan-text.ts')]);
  const rules = new Map(ruleSet.rules.map((r) => [r.id, r]));
  let failed = false;
  let first = true;
  for (const input of inputs) {
    const read = await readInput(input, values.text ?? false, io.stdin);
    if (!read.ok) {
      io.stderr(`claimlens: ${input}: ${read.error}; skipped\n`);
      failed = true;
      continue;
    }
    const mentions = findCytokines(read.text, lexicon);
    const list = findIngredientList(read.text);
    const result = quietInIngredientList(scanText(nlp, read.text, ruleSet), list);
    // The factors the page's copy names outside its list are claims of them too, whether or not a rule fired.
    const named = mentions.filter((m) => !list || m.end <= list.start || m.start >= list.end).map((m) => m.id);
    const checks = crossCheckList(list, result.findings, inci, lexicon, [...new Set(named)]);
    const report = buildReport(input, result, ruleSet, listCytokines(mentions, lexicon), checks);
    if (format === 'json') {
      io.stdout(`${JSON.stringify(report)}\n`);
    } else {
      const out = format === 'md' ? formatMarkdown(report, rules, titles, { title: read.title, scannedAt: scanTime() }) : formatTerminal(report, rules, io.isTty ? ANSI : PLAIN);
      io.stdout(`${first ? '' : '\n'}${out}`);
    }
    first = false;
  }
  return failed ? 2 : 0;
}

interface LoadedRules {
  ruleSet: CompiledRuleSet;
  lexicon: CompiledLexicon;
  inci: CompiledInciLexicon;
  titles: Record<string, string>;
}

const builtIn: LoadedRules = { ruleSet, lexicon: cytokineLexicon, inci: inciLexicon, titles: sourceTitles };

/** Compiles a rules folder at run time, so a rule author can try rules without rebuilding. */
async function loadRulesDir(dir: string, io: Io): Promise<LoadedRules | undefined> {
  const [{ compileSources, readRuleSources }, { RuleSetError }] = await Promise.all([
    import('../build/load-rules.ts'),
    import('../engine/yaml-problems.ts'),
  ]);
  try {
    const compiled = compileSources(readRuleSources(dir));
    return { ruleSet: compiled.ruleSet, lexicon: compiled.lexicon, inci: compiled.inciLexicon, titles: compiled.sourceTitles };
  } catch (err) {
    if (err instanceof RuleSetError) io.stderr(`claimlens: invalid rules in ${dir}:\n${err.message}\n`);
    else io.stderr(`claimlens: cannot read rules from ${dir}: ${(err as Error).message}\n`);
    return undefined;
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const code = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: readStdin,
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
process.exitCode = code;

/** When the report was made; SOURCE_DATE_EPOCH (seconds) fixes it, for reports that must be reproducible. */
function scanTime(): Date {
  const fixed = process.env.SOURCE_DATE_EPOCH;
  return fixed && /^\d+$/.test(fixed) ? new Date(Number(fixed) * 1000) : new Date();
}
