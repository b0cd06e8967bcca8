/** The schema the INCI lexicon (`rules/lexicons/inci.yaml`) is checked against at build time. */
import * as v from 'valibot';
import { CLAIM_TOPICS, INCI_CLASSES, INCI_ORIGINS } from './inci-types.ts';

const nonEmpty = (what: string) =>
  v.pipe(v.string(`must be text (${what})`), v.trim(), v.minLength(1, `must not be empty (${what})`));

const ID = v.pipe(
  v.string('must be text'),
  v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by hyphens'),
);

const NOTE = v.pipe(
  nonEmpty('one line in our own words'),
  v.check((s) => !s.includes('\n'), 'must be one line'),
  v.maxLength(240, 'must be one short line (at most 240 characters)'),
);

const SOURCE_SHAPE = 'must be { citation, url } or { general: cosmetic chemistry }';

/** A public reference: what it is, and where to read it (plain text: nothing is fetched). */
const CitedSourceSchema = v.strictObject(
  {
    citation: nonEmpty('what the reference is, e.g. an INCI dictionary entry or a paper'),
    url: v.optional(v.pipe(v.string('must be text'), v.url('must be a URL'), v.startsWith('https://', 'must start with https://'))),
  },
  SOURCE_SHAPE,
);

const GeneralSourceSchema = v.strictObject(
  { general: v.picklist(['cosmetic chemistry'], 'must be cosmetic chemistry (the only general source)') },
  SOURCE_SHAPE,
);

/** Either kind, chosen by its keys, so a mistake is reported against the kind that was meant. */
const InciSourceSchema = v.lazy((input: unknown) =>
  typeof input === 'object' && input !== null && 'general' in input ? GeneralSourceSchema : CitedSourceSchema,
);

const CLASS = v.picklist(INCI_CLASSES, `must be one of ${INCI_CLASSES.join(', ')}`);
const ORIGIN = v.picklist(INCI_ORIGINS, `must be one of ${INCI_ORIGINS.join(', ')}`);

const InciEntrySchema = v.strictObject(
  {
    id: ID,
    name: nonEmpty('the INCI name'),
    aliases: v.pipe(v.array(nonEmpty('an alias'), 'must be a list of aliases'), v.minLength(1, 'needs at least 1 alias')),
    class: CLASS,
    origin: ORIGIN,
    factor: v.optional(ID),
    maxPercent: v.optional(v.pipe(v.number('must be a number'), v.minValue(0, 'must not be negative'), v.maxValue(100, 'must be at most 100'))),
    note: NOTE,
    source: InciSourceSchema,
  },
  'must be an ingredient entry',
);

const InciFamilySchema = v.strictObject(
  {
    id: ID,
    label: nonEmpty('what the family is, in a few words'),
    pattern: nonEmpty('a regular expression over the lookup key'),
    examples: v.pipe(v.array(nonEmpty('an INCI name'), 'must be a list of INCI names'), v.minLength(1, 'needs at least 1 example')),
    class: CLASS,
    origin: ORIGIN,
    note: NOTE,
    source: InciSourceSchema,
  },
  'must be a family entry',
);

export const ClaimTopicSchema = v.strictObject(
  {
    rules: v.pipe(v.array(ID, 'must be a list of rule ids'), v.minLength(1, 'needs at least 1 rule id')),
    terms: v.pipe(v.array(nonEmpty('a term'), 'must be a list of terms'), v.minLength(1, 'needs at least 1 term')),
    cytokines: v.optional(v.boolean('must be true or false'), false),
  },
  'must be { rules, terms, cytokines }',
);

export const InciFileSchema = v.strictObject(
  {
    claims: v.strictObject(
      Object.fromEntries(CLAIM_TOPICS.map((t) => [t, ClaimTopicSchema])) as Record<(typeof CLAIM_TOPICS)[number], typeof ClaimTopicSchema>,
      `must name the rules of each claim: ${CLAIM_TOPICS.join(', ')}`,
    ),
    families: v.array(InciFamilySchema, 'must be a list of families'),
    ingredients: v.pipe(v.array(InciEntrySchema, 'must be a list of ingredients'), v.minLength(1, 'needs at least 1 ingredient')),
  },
  'the INCI lexicon must have claims, families and ingredients',
);
