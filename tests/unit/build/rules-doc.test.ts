// docs/rules.md is generated from the rules; a rule change without regenerating it must not go unnoticed.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleSet } from 'virtual:claimlens/rules';
import { RULES_DOC_COMMAND, RULES_DOC_PATH, rulesDoc } from '../../../src/build/rules-doc.ts';

const STALE = `${RULES_DOC_PATH} is stale: run ${RULES_DOC_COMMAND}`;

describe('docs/rules.md', () => {
  it('matches what the generator writes from the current rules', () => {
    expect(existsSync(RULES_DOC_PATH), `${RULES_DOC_PATH} is missing: run ${RULES_DOC_COMMAND}`).toBe(true);
    // A boolean rather than toBe on the texts: the fix is one command, so the message matters more than a
    // page-long diff; the first differing line says where the file drifted.
    const written = readFileSync(RULES_DOC_PATH, 'utf8');
    const generated = rulesDoc(ruleSet);
    expect(written === generated, `${STALE} (first difference at line ${firstDifferentLine(written, generated)})`).toBe(true);
  });

  it('is deterministic and covers every rule', () => {
    const doc = rulesDoc(ruleSet);
    expect(rulesDoc(structuredClone(ruleSet))).toBe(doc);
    expect(doc).toContain(`\`${ruleSet.version}\``);
    for (const rule of ruleSet.rules) expect(doc, rule.id).toContain(`<a id="${rule.id}"></a>`);
  });
});

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  return i + 1;
}
