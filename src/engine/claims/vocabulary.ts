/**
 * Named vocabularies: the concepts rules are built from. `rules/vocabulary.yaml` names each concept (living,
 * stem cells, entering cells, room temperature…) with the words and phrases that say it; a pattern writes
 * `<living>` where any of them may stand, so a new phrasing is one word added to a vocabulary, not a new
 * pattern in every rule. A vocabulary may also take every alias of some cytokine-lexicon classes (growth
 * factors, pro-inflammatory cytokines), so factor names are never pasted by hand, and may include other
 * vocabularies. Plain text in, plain text out: no DOM, and compromise only through the inflections.
 */
import * as v from 'valibot';
import { inflections, PatternError } from './pattern-triggers.ts';
import { CYTOKINE_CLASSES, type LexiconEntry } from '../cytokines/lexicon-types.ts';
import { issueProblem, lineOf, parseYaml, RuleSetError, type RuleFileText, type RuleProblem } from '../yaml-problems.ts';

/** Vocabulary name → its choices, each a word or phrase as a compromise pattern writes it (lower case). */
export type Vocabulary = ReadonlyMap<string, readonly string[]>;

const NAME = /^[a-z]+(-[a-z]+)*$/;

const VocabularyEntrySchema = v.strictObject(
  {
    about: v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'must say what the words mean')),
    words: v.optional(v.array(v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'must not be empty')), 'must be a list of words or phrases'), []),
    lexicon: v.optional(v.array(v.picklist(CYTOKINE_CLASSES, `must be a cytokine class (${CYTOKINE_CLASSES.join(', ')})`), 'must be a list of cytokine classes'), []),
    // Every alias of single lexicon entries, by id ("egf"), where a rule is about one factor and not its class.
    entries: v.optional(v.array(v.pipe(v.string('must be text'), v.minLength(1, 'must name a lexicon entry')), 'must be a list of lexicon entry ids'), []),
    include: v.optional(v.array(v.pipe(v.string('must be text'), v.regex(NAME, 'must name a vocabulary')), 'must be a list of vocabulary names'), []),
    // Only the one-word choices (of its words, lexicon aliases and included vocabularies; a hyphen makes two
    // words for compromise), so that the concept may stand after a wildcard or in a meeting without being
    // written out into dozens of patterns.
    'one-word': v.optional(v.boolean('must be true or false'), false),
  },
  'must be an object with about and words (and optionally lexicon, entries, include, one-word)',
);

const VocabularyFileSchema = v.record(
  v.pipe(v.string(), v.regex(NAME, 'vocabulary names must be lower-case words joined by hyphens')),
  VocabularyEntrySchema,
  'the vocabulary file must map names to { about, words }',
);

/** A word or phrase of a vocabulary: letters, digits, spaces, hyphens, apostrophes, `{root}` inflections. */
const PHRASE = /^(?:[\p{L}\p{N}'’%-]+|\{[a-z][a-z-]*\})(?: (?:[\p{L}\p{N}'’%-]+|\{[a-z][a-z-]*\}))*$/u;

/** A lexicon alias as a pattern's choice: lower case, and only if compromise patterns can spell it. */
function aliasChoice(alias: string): string | undefined {
  const lower = alias.toLowerCase().replace(/\s+/g, ' ').trim();
  return /^[\p{L}\p{N}][\p{L}\p{N} -]*$/u.test(lower) ? lower : undefined;
}

/** Each `{root}` of a phrase replaced by each of its forms: "{get} inside" → "get inside", "gets inside", … */
function phraseForms(phrase: string): string[] {
  let forms = [''];
  for (const word of phrase.split(' ')) {
    const root = /^\{([a-z][a-z-]*)\}$/.exec(word)?.[1];
    const options = root ? inflections(root) : [word.toLowerCase()];
    forms = forms.flatMap((f) => options.map((o) => (f ? `${f} ${o}` : o)));
  }
  return forms;
}

/**
 * Validates and compiles the vocabulary file against the cytokine lexicon's entries.
 * @throws RuleSetError naming file, line, vocabulary and field of every problem.
 */
export function compileVocabulary(source: RuleFileText, lexicon: readonly LexiconEntry[]): Vocabulary {
  const problems: RuleProblem[] = [];
  const parsed = parseYaml(source, problems);
  if (!parsed) throw new RuleSetError(problems);
  const result = v.safeParse(VocabularyFileSchema, parsed.value);
  if (!result.success) throw new RuleSetError(result.issues.map((issue) => issueProblem(source.file, parsed, issue, VocabularyFileSchema, 'vocabulary')));
  const specs = result.output;
  const report = (name: string, path: (string | number)[], field: string, message: string) =>
    problems.push({ file: source.file, line: lineOf(parsed, [name, ...path]), ruleId: name, kind: 'vocabulary', field, message });
  const own = new Map<string, string[]>();
  for (const [name, spec] of Object.entries(specs)) {
    const choices: string[] = [];
    spec.words.forEach((word, i) => {
      if (!PHRASE.test(word)) report(name, ['words', i], `words[${i}]`, `"${word}" must be words separated by single spaces (letters, digits, hyphens, {root} inflections)`);
      else choices.push(...phraseForms(word));
    });
    const addAliases = (entry: LexiconEntry) => {
      for (const alias of entry.aliases) {
        const choice = aliasChoice(alias);
        if (choice) choices.push(choice);
      }
    };
    for (const cls of spec.lexicon) for (const entry of lexicon) if (entry.class === cls) addAliases(entry);
    spec.entries.forEach((id, i) => {
      const entry = lexicon.find((e) => e.id === id);
      if (!entry) report(name, ['entries', i], `entries[${i}]`, `names no entry of the cytokine lexicon ("${id}")`);
      else addAliases(entry);
    });
    if (spec.words.length === 0 && spec.lexicon.length === 0 && spec.entries.length === 0 && spec.include.length === 0) report(name, [], 'words', 'needs words, lexicon classes or included vocabularies');
    own.set(name, choices);
  }
  const resolved = new Map<string, string[]>();
  const resolve = (name: string, trail: string[]): string[] => {
    const done = resolved.get(name);
    if (done) return done;
    const spec = specs[name]!;
    const all = [...own.get(name)!];
    spec.include.forEach((other, i) => {
      if (!specs[other]) report(name, ['include', i], `include[${i}]`, `names an unknown vocabulary "${other}"`);
      else if (trail.includes(other)) report(name, ['include', i], `include[${i}]`, `includes itself through ${[...trail, other].join(' → ')}`);
      else all.push(...resolve(other, [...trail, other]));
    });
    const unique = [...new Set(all)].filter((choice) => !spec['one-word'] || !/[ -]/.test(choice));
    if (unique.length === 0) report(name, [], 'words', 'has no one-word choice');
    resolved.set(name, unique);
    return unique;
  };
  for (const name of Object.keys(specs)) resolve(name, [name]);
  if (problems.length > 0) throw new RuleSetError(problems);
  return resolved;
}

const REFERENCE = /<([a-z]+(?:-[a-z]+)*)>/g;

/**
 * Replaces each `<name>` of a pattern with its vocabulary's choices: `(a|b c|d)` where it stands as a term,
 * `a|b c|d` where it is one choice of a (…|…) group.
 * @throws PatternError on an unknown name, or a reference that is only part of a word or choice.
 */
export function expandVocabulary(pattern: string, vocabulary: Vocabulary): string {
  if (!pattern.includes('<')) return pattern;
  let depth = 0;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '<') {
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(pattern);
      if (!m || m.index !== i) throw new PatternError(`has a "<" that does not open a vocabulary name like <living>`);
      const name = m[1]!;
      const choices = vocabulary.get(name);
      if (!choices) {
        const known = [...vocabulary.keys()].sort().map((k) => `<${k}>`).join(', ') || 'none are defined';
        throw new PatternError(`names an unknown vocabulary <${name}> (known: ${known})`);
      }
      const before = pattern[i - 1];
      const after = pattern[i + m[0].length];
      const alone = depth > 0 ? (before === '(' || before === '|') && (after === ')' || after === '|') : (before === undefined || before === ' ') && (after === undefined || after === ' ' || after === '?');
      if (!alone) throw new PatternError(`uses <${name}> as part of a word or choice; it must stand as a whole term or a whole (…|…) choice`);
      out += depth > 0 ? choices.join('|') : `(${choices.join('|')})`;
      i += m[0].length - 1;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    out += ch;
  }
  return out;
}
