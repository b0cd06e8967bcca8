/** The schema the cytokine lexicon (`rules/lexicons/cytokines.yaml`) is checked against at build time. */
import * as v from 'valibot';
import { RuleSourceSchema } from '../claims/rule-schema.ts';
import { CYTOKINE_CLASSES } from './lexicon-types.ts';

const nonEmpty = (what: string) =>
  v.pipe(v.string(`must be text (${what})`), v.trim(), v.minLength(1, `must not be empty (${what})`));

const SOURCE_SHAPE = 'must be { seed, anchor } or { general: immunology }';

/** A seed passage that names the cytokine: the same fields, and checks, as a rule's source. */
const SeedSourceSchema = v.strictObject(RuleSourceSchema.entries, SOURCE_SHAPE);

/** Textbook immunology that the seeds do not cover. */
const GeneralSourceSchema = v.strictObject(
  { general: v.picklist(['immunology'], 'must be immunology (the only general source so far)') },
  SOURCE_SHAPE,
);

/** Either kind, chosen by its keys, so a mistake is reported against the kind that was meant. */
const LexiconSourceSchema = v.lazy((input: unknown) =>
  typeof input === 'object' && input !== null && 'general' in input ? GeneralSourceSchema : SeedSourceSchema,
);

const LexiconEntrySchema = v.strictObject(
  {
    id: v.pipe(
      v.string('must be text'),
      v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by hyphens'),
    ),
    name: nonEmpty('the display name'),
    fullName: nonEmpty('the full name'),
    aliases: v.pipe(
      v.array(nonEmpty('an alias'), 'must be a list of aliases'),
      v.minLength(1, 'needs at least 1 alias'),
    ),
    class: v.picklist(CYTOKINE_CLASSES, `must be one of ${CYTOKINE_CLASSES.join(', ')}`),
    note: v.pipe(
      nonEmpty('one line in our own words'),
      v.check((s) => !s.includes('\n'), 'must be one line'),
      v.maxLength(200, 'must be one short line (at most 200 characters)'),
    ),
    source: LexiconSourceSchema,
  },
  'must be a lexicon entry',
);

export const LexiconFileSchema = v.array(LexiconEntrySchema, 'the lexicon must be a list of entries');
