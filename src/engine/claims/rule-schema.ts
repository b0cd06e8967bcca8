/** The schema every rule file is checked against, at build time and when a shopper adds rules of their own. */
import * as v from 'valibot';
import { SEVERITIES } from '../types.ts';

const nonEmpty = (what: string) =>
  v.pipe(v.string(`must be text (${what})`), v.trim(), v.minLength(1, `must not be empty (${what})`));

const patternList = (what: string, min: number) =>
  v.pipe(
    v.array(nonEmpty(what), `must be a list of ${what}`),
    v.minLength(min, `needs at least ${min} ${what}`),
  );

/** At most about a dozen words, so the anchor points at a passage rather than quoting it. */
const MAX_ANCHOR_WORDS = 14;

export const RuleSourceSchema = v.strictObject(
  {
    seed: v.pipe(
      v.string('must be a seed file name'),
      v.regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'must be a seed file name like 001_114ca1963b9cdec9.txt'),
    ),
    anchor: v.pipe(
      nonEmpty('a phrase copied from the seed'),
      v.check(
        (s) => s.split(/\s+/).length <= MAX_ANCHOR_WORDS,
        `must be a short phrase of at most ${MAX_ANCHOR_WORDS} words`,
      ),
    ),
  },
  'must be an object with seed and anchor',
);

export const RuleSpecSchema = v.strictObject(
  {
    id: v.pipe(
      v.string('must be text'),
      v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
    ),
    title: nonEmpty('a short headline'),
    severity: v.picklist(SEVERITIES, `must be one of ${SEVERITIES.join(', ')}`),
    claim: nonEmpty('the claim in plain words'),
    match: patternList('match patterns', 1),
    unless: v.optional(patternList('unless patterns', 0), []),
    requires: v.optional(patternList('requires patterns', 0), []),
    fallback: v.optional(v.boolean('must be true or false'), false),
    explanation: nonEmpty('why the claim is doubtful'),
    ask: nonEmpty('a question for the seller'),
    sources: v.pipe(v.array(RuleSourceSchema, 'must be a list of sources'), v.minLength(1, 'needs at least 1 source')),
    examples: v.strictObject(
      {
        flags: patternList('sentences the rule must flag', 1),
        quiet: patternList('sentences the rule must leave alone', 1),
      },
      'must be an object with flags and quiet lists',
    ),
  },
  'must be a rule object',
);

export const RuleFileSchema = v.array(RuleSpecSchema, 'a rule file must be a list of rules');

const ContextSetSchema = v.strictObject(
  {
    reason: nonEmpty('why a mention stays quiet'),
    patterns: patternList('patterns', 1),
  },
  'must be an object with reason and patterns',
);

export const ContextFileSchema = v.record(
  v.pipe(v.string(), v.regex(/^[a-z]+(-[a-z]+)*$/, 'set names must be lower-case words joined by hyphens')),
  ContextSetSchema,
  'the contexts file must map set names to { reason, patterns }',
);

/** rules/sources.yaml: each seed document the rules cite, with the title shoppers see. */
export const SourcesFileSchema = v.record(
  v.pipe(v.string(), v.regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'keys must be seed file names like 001_114ca1963b9cdec9.txt')),
  v.strictObject({ title: nonEmpty('the document title') }, 'must be an object with a title'),
  'the sources file must map seed file names to { title }',
);
