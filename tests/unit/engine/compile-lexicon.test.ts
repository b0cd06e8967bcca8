// A broken lexicon entry must fail with a message its author can act on: file, line, entry id and field.
import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../../src/engine/cytokines/compile-lexicon.ts';
import { RuleSetError } from '../../../src/engine/claims/compile-rules.ts';

const FILE = 'rules/lexicons/cytokines.yaml';
const GOOD = `
- id: il-6
  name: IL-6
  fullName: interleukin 6
  aliases: [IL-6, IL6, IL 6, interleukin 6]
  class: pro-inflammatory
  note: Keeps inflammation going.
  source: { seed: 001_114ca1963b9cdec9.txt, anchor: "HGF, VEGF, IL-6, G-CSF" }
- id: il-10
  name: IL-10
  fullName: interleukin 10
  aliases:
    - IL-10
    - interleukin 10
  class: anti-inflammatory
  note: Damps inflammation.
  source:
    general: immunology
`;

function errorOf(text: string): string {
  try {
    compileLexicon({ file: FILE, text });
  } catch (err) {
    expect(err).toBeInstanceOf(RuleSetError);
    return (err as Error).message;
  }
  throw new Error('expected the lexicon to be refused');
}

describe('compileLexicon', () => {
  it('compiles entries in file order and one alias list for the matcher, spellings of one form merged', () => {
    const lexicon = compileLexicon({ file: FILE, text: GOOD });
    expect(lexicon.entries.map((e) => [e.id, e.class])).toEqual([
      ['il-6', 'pro-inflammatory'],
      ['il-10', 'anti-inflammatory'],
    ]);
    expect(lexicon.entries[1]?.source).toEqual({ general: 'immunology' });
    // "IL-6", "IL6" and "IL 6" are one form: the expression allows a hyphen, a space or nothing there.
    expect(lexicon.matcher.aliases).toEqual([
      { id: 'il-6', parts: ['il', '6'], exactCase: false },
      { id: 'il-6', parts: ['interleukin', '6'], exactCase: false },
      { id: 'il-10', parts: ['il', '10'], exactCase: false },
      { id: 'il-10', parts: ['interleukin', '10'], exactCase: false },
    ]);
    expect(lexicon.version).toMatch(/^[0-9a-f]{12}$/);
    expect(compileLexicon({ file: FILE, text: GOOD.replace('Damps', 'Dampens') }).version).not.toBe(lexicon.version);
  });

  it('names file, line, entry and field for a bad class', () => {
    expect(errorOf(GOOD.replace('class: pro-inflammatory', 'class: inflammatory'))).toBe(
      `${FILE}:6: entry "il-6", field "class": must be one of pro-inflammatory, anti-inflammatory, growth-factor, chemokine, protease, protease-inhibitor, antagonist, antioxidant-enzyme`,
    );
  });

  it('names the entry and field of a value a #Tag cut short', () => {
    expect(errorOf(GOOD.replace('  note: Damps inflammation.', '  note: Damps #Inflammation everywhere.'))).toBe(
      `${FILE}:16: entry "il-10", field "note": "Damps #Inflammation…" is cut short: YAML reads " #" as the start of a comment, so quote the whole value`,
    );
  });

  it('names a missing field at the entry that lacks it', () => {
    expect(errorOf(GOOD.replace('  note: Keeps inflammation going.\n', ''))).toBe(`${FILE}:2: entry "il-6", field "note": is missing`);
  });

  it('names a misspelt field and suggests the right one', () => {
    expect(errorOf(GOOD.replace('  fullName: interleukin 6', '  fullname: interleukin 6')).split('\n')).toEqual([
      `${FILE}:2: entry "il-6", field "fullName": is missing`,
      `${FILE}:4: entry "il-6", field "fullname": is not a known field; did you mean "fullName"?`,
    ]);
  });

  it('lists the known fields when a stray one is nothing like them', () => {
    expect(errorOf(GOOD.replace('  note: Damps inflammation.', '  note: Damps inflammation.\n  colour: red'))).toBe(
      `${FILE}:17: entry "il-10", field "colour": is not a known field (known: id, name, fullName, aliases, class, note, source)`,
    );
  });

  it('checks a seed source as a rule source is checked', () => {
    expect(errorOf(GOOD.replace('001_114ca1963b9cdec9.txt', 'seed-one.txt'))).toBe(
      `${FILE}:8: entry "il-6", field "source.seed": must be a seed file name like 001_114ca1963b9cdec9.txt`,
    );
  });

  it('reads a source as the kind its keys say, and names the fields of that kind', () => {
    expect(errorOf(GOOD.replace('anchor: "HGF', 'anchr: "HGF')).split('\n')).toEqual([
      `${FILE}:8: entry "il-6", field "source.anchor": is missing`,
      `${FILE}:8: entry "il-6", field "source.anchr": is not a known field; did you mean "anchor"?`,
    ]);
    expect(errorOf(GOOD.replace('general: immunology', 'general: biology'))).toBe(
      `${FILE}:18: entry "il-10", field "source.general": must be immunology (the only general source so far)`,
    );
    expect(errorOf(GOOD.replace('    general: immunology', '    general: immunology\n    anchor: x'))).toBe(
      `${FILE}:19: entry "il-10", field "source.anchor": is not a known field (known: general)`,
    );
  });

  it('refuses a note of more than one line', () => {
    expect(errorOf(GOOD.replace('note: Damps inflammation.', 'note: "Damps\\ninflammation."'))).toBe(
      `${FILE}:16: entry "il-10", field "note": must be one line`,
    );
  });

  it('refuses duplicate ids', () => {
    expect(errorOf(GOOD.replace('id: il-10', 'id: il-6'))).toBe(
      `${FILE}:9: entry "il-6", field "id": duplicates the id of the entry at line 2`,
    );
  });

  it('refuses an alias that reads as another entry once separators and case are set aside', () => {
    expect(errorOf(GOOD.replace('    - interleukin 10', '    - interleukin 10\n    - il‑6'))).toBe(
      `${FILE}:15: entry "il-10", field "aliases[2]": alias "il‑6" collides with "IL-6" of entry "il-6" (both read as "il6")`,
    );
  });

  it('refuses an alias that reads as another entry once Greek spellings are set aside', () => {
    const text = GOOD.replace('[IL-6, IL6, IL 6, interleukin 6]', '[IL-6, TGF-beta3]').replace('    - interleukin 10', '    - interleukin 10\n    - TGFb3');
    expect(errorOf(text)).toBe(
      `${FILE}:15: entry "il-10", field "aliases[2]": alias "TGFb3" collides with "TGF-beta3" of entry "il-6" (both read as "tgfb3")`,
    );
  });

  it('refuses aliases that would match ordinary words', () => {
    expect(errorOf(GOOD.replace('[IL-6, IL6, IL 6, interleukin 6]', '[IL-6, IL, sod]')).split('\n')).toEqual([
      `${FILE}:5: entry "il-6", field "aliases[1]": alias "IL" is too short to find safely: it would match ordinary text`,
      `${FILE}:5: entry "il-6", field "aliases[2]": alias "sod" is a lower-case word of fewer than 5 letters; write it in capitals as pages do (an acronym), so the ordinary word never matches`,
    ]);
  });

  it('refuses an alias the matcher would not find as written', () => {
    // Next to a lone letter only a hyphen or nothing is allowed, so "IL-1 a" is never read as IL-1α.
    expect(errorOf(GOOD.replace('[IL-6, IL6, IL 6, interleukin 6]', '[IL-6, IL-1 a]'))).toBe(
      `${FILE}:5: entry "il-6", field "aliases[1]": alias "IL-1 a" is not found as written (nothing found)`,
    );
  });

  it('wants the display name among the aliases', () => {
    expect(errorOf(GOOD.replace('name: IL-10', 'name: IL-10 (human)'))).toBe(
      `${FILE}:10: entry "il-10", field "name": "IL-10 (human)" is not among the aliases`,
    );
  });

  it('reports every problem at once', () => {
    const text = GOOD.replace('class: pro-inflammatory', 'class: inflammatory').replace('fullName: interleukin 10', 'fullName: ""');
    expect(errorOf(text).split('\n')).toEqual([
      `${FILE}:6: entry "il-6", field "class": must be one of pro-inflammatory, anti-inflammatory, growth-factor, chemokine, protease, protease-inhibitor, antagonist, antioxidant-enzyme`,
      `${FILE}:11: entry "il-10", field "fullName": must not be empty (the full name)`,
    ]);
  });

  it('names an entry without an id by its position', () => {
    expect(errorOf(GOOD.replace('- id: il-10\n  name', '- name'))).toBe(`${FILE}:9: entry "#2", field "id": is missing`);
  });

  it('reports YAML syntax errors with their line, and a file that is not a list', () => {
    expect(errorOf(GOOD.replace('  name: IL-6', '  name: [IL-6'))).toMatch(/^rules\/lexicons\/cytokines\.yaml:\d+: is not valid YAML: /);
    expect(errorOf('id: lonely\n')).toBe(`${FILE}:1: the lexicon must be a list of entries`);
  });
});
