/**
 * `npm run lint:firefox`: Mozilla's addons-linter (the validator addons.mozilla.org runs on upload) on the
 * Firefox package from `npm run zip:firefox`. Fails on any error, and on any warning or notice whose code is
 * not explained in docs/store/addons-linter.md, so a new warning is either fixed or explained for the reviewer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Message {
  code: string;
  message: string;
  description: string;
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
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const zip = join('.output', `claimlens-${version}-firefox.zip`);
  if (!existsSync(zip)) {
    console.error(`No Firefox package at ${zip}: run \`npm run zip:firefox\` first.`);
    return 2;
  }
  // addons-linter exits non-zero when it finds errors; the JSON report is what we judge, so read it either way.
  const run = spawnSync(join('node_modules', '.bin', 'addons-linter'), ['--output', 'json', zip], { encoding: 'utf8' });
  let report: LinterReport;
  try {
    report = JSON.parse(run.stdout) as LinterReport;
  } catch {
    console.error(`addons-linter gave no report (exit ${run.status}):\n${run.stderr || run.stdout}`);
    return 2;
  }
  const explained = readFileSync(EXPLAINED, 'utf8');
  const where = (m: Message) => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''}${m.column ? `:${m.column}` : ''})` : '');
  console.log(`addons-linter on ${zip}: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
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
