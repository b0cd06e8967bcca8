/**
 * `npm run docs:rules`: writes `docs/rules.md` from the compiled rules. Run it after any rule change; the
 * rules-doc unit test fails while the committed file differs from what this writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { compileRulesDir } from '../src/build/load-rules.ts';
import { RULES_DOC_PATH, rulesDoc } from '../src/build/rules-doc.ts';

const ruleSet = compileRulesDir('rules');
mkdirSync(dirname(RULES_DOC_PATH), { recursive: true });
writeFileSync(RULES_DOC_PATH, rulesDoc(ruleSet));
process.stdout.write(`Wrote ${RULES_DOC_PATH}: ${ruleSet.rules.length} rules, version ${ruleSet.version}\n`);
