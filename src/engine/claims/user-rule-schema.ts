/**
 * The schema of the shopper's own rules (options page): the built-in rule schema, except that sources may be
 * any citation in the shopper's words, or none (there is no seed document to anchor them in), and examples are
 * optional. The output has the built-in rules' shape, so one compiler and one matcher serve both.
 */
import * as v from 'valibot';
import { RuleSpecSchema } from './rule-schema.ts';
import type { RuleSpec } from '../types.ts';

const citation = v.pipe(v.string('must be text (where the claim is discussed)'), v.trim(), v.minLength(1, 'must not be empty (where the claim is discussed)'));
const sentences = (what: string) => v.optional(v.array(v.pipe(v.string(`must be text (${what})`), v.trim(), v.minLength(1, `must not be empty (${what})`)), `must be a list of ${what}`), []);

const UserRuleSpecSchema = v.pipe(
  v.strictObject(
    {
      ...RuleSpecSchema.entries,
      sources: v.optional(v.array(citation, 'must be a list of citations in your own words, e.g. "Dr Lee, clinic leaflet, 2024"'), []),
      examples: v.optional(
        v.strictObject({ flags: sentences('sentences the rule must flag'), quiet: sentences('sentences the rule must leave alone') }, 'must be an object with flags and quiet lists'),
        { flags: [], quiet: [] },
      ),
    },
    'must be a rule object',
  ),
  // A citation has no seed document: it is kept as the anchor text, and the card shows it as "your rule".
  v.transform((spec): RuleSpec => ({ ...spec, sources: spec.sources.map((text) => ({ seed: '', anchor: text })) })),
);

export const UserRuleFileSchema = v.array(UserRuleSpecSchema, 'your rules must be a list of rules, each starting with "- id:"');
