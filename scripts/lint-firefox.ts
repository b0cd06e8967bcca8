/**
 * `npm run lint:firefox`: judges the JSON report of Mozilla's addons-linter (the validator
 * addons.mozilla.org runs on upload) on the Firefox package from `npm run zip:firefox`, read from standard
 * input. Fails on any error, and on any warning or notice whose code is not explained in
 * docs/store/addons-linter.md, so a new warning is either fixed or explained for the reviewer.
 *
 *   addons-linter --output json PACKAGE.zip | tsx scripts/lint-firefox.ts PACKAGE.zip
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Message {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

interface LinterReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: Message[];
  warnings: Message[];
  notices: Message[];
}

const EXPLAINED = join('docs', 'store', 'addons-linter.md');

function main(): number {
  const target = process.argv[2] ?? 'the Firefox package';
  // addons-linter exits non-zero when it finds errors; the report is what we judge, whatever its exit code.
  const input = readFileSync(0, 'utf8');
  let report: LinterReport;
  try {
    report = JSON.parse(input) as LinterReport;
  } catch {
    console.error(`addons-linter gave no JSON report for ${target}${input.trim() ? `:\n${input}` : ' (is the package built? run `npm run zip:firefox`)'}`);
    return 2;
  }
  const explained = readFileSync(EXPLAINED, 'utf8');
  const where = (m: Message) => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''}${m.column ? `:${m.column}` : ''})` : '');
  console.log(`addons-linter on ${target}: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
  let failed = false;
  for (const m of report.errors) {
    console.log(`  ERROR    ${m.code}: ${m.message}${where(m)}`);
    failed = true;
  }
  for (const [kind, list] of [['warning', report.warnings], ['notice', report.notices]] as const) {
    for (const m of list) {
      const known = explained.includes(`\`${m.code}\``);
      console.log(`  ${kind.toUpperCase().padEnd(8)} ${m.code}: ${m.message}${where(m)}${known ? ` — explained in ${EXPLAINED}` : ''}`);
      if (!known) {
        console.log(`           not explained in ${EXPLAINED}: fix it, or say there what it is and why it is safe.`);
        failed = true;
      }
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
