// The example the options page offers must compile as a user rule and keep its own examples.
import { expect, it } from 'vitest';
import { contextsFile, rules, vocabulary } from 'virtual:claimlens/rules';
import nlp from '../../../src/engine/nlp.ts';
import { compileUserRules } from '../../../src/engine/claims/compile-user-rules.ts';
import { EXAMPLE_USER_RULE } from '../../../src/settings/example-user-rule.ts';

it('compiles, with its examples holding', () => {
  const result = compileUserRules({ text: EXAMPLE_USER_RULE, contexts: contextsFile, vocabulary, builtIn: rules, nlp });
  expect(result.ok ? result.ruleSet.rules.map((r) => r.id) : result.message).toEqual(['my-salmon-dna']);
});
