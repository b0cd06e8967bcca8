// The finder reads cytokine names as pages write them: every spelling, separator and Greek letter, whole
// tokens only. Two plain lists, "flags" and "stays quiet"; offsets are computed from the text.
import { describe, expect, it, test } from 'vitest';
import { cytokineLexicon } from 'virtual:claimlens/rules';
import { aliasKey, findCytokines, normaliseAlias } from '../../../src/engine/cytokines/find-cytokines.ts';

/** Each case: the text, the words that name the cytokine (found by position in the text), its entry id. */
const FLAGS: [text: string, named: string, id: string][] = [
  ['Rich in IL-6 and more.', 'IL-6', 'il-6'],
  ['Rich in IL 6 and more.', 'IL 6', 'il-6'],
  ['An IL6-driven response.', 'IL6', 'il-6'],
  ['Contains interleukin-6.', 'interleukin-6', 'il-6'],
  ['Contains Interleukin 6.', 'Interleukin 6', 'il-6'],
  ['lower-case il-6 too', 'il-6', 'il-6'],
  ['(IL-6)', 'IL-6', 'il-6'],
  ['TGF-β3 for scar-free healing', 'TGF-β3', 'tgf-b3'],
  ['TGF-beta3 for scar-free healing', 'TGF-beta3', 'tgf-b3'],
  ['TGF-beta 3 for scar-free healing', 'TGF-beta 3', 'tgf-b3'],
  ['TGFb3 for scar-free healing', 'TGFb3', 'tgf-b3'],
  ['TGF-B3 for scar-free healing', 'TGF-B3', 'tgf-b3'],
  ['TGFβ3 for scar-free healing', 'TGFβ3', 'tgf-b3'],
  ['TGF-β 3 for scar-free healing', 'TGF-β 3', 'tgf-b3'],
  ['TGF\u2010β3 (Unicode hyphen)', 'TGF\u2010β3', 'tgf-b3'],
  ['TGF\u2013β3 (en dash)', 'TGF\u2013β3', 'tgf-b3'],
  ['TGF\u2212β3 (minus sign)', 'TGF\u2212β3', 'tgf-b3'],
  ['TGF-ß3 (sharp s for beta)', 'TGF-ß3', 'tgf-b3'],
  ['Anti-scarring TGF-B3.', 'TGF-B3', 'tgf-b3'],
  ['TGF-β alone names the family', 'TGF-β', 'tgf-b'],
  ['TGF-β1 drives scarring', 'TGF-β1', 'tgf-b1'],
  ['TNF-α levels', 'TNF-α', 'tnf-a'],
  ['TNF\u2011α levels (non-breaking hyphen)', 'TNF\u2011α', 'tnf-a'],
  ['TNF-alpha levels', 'TNF-alpha', 'tnf-a'],
  ['TNFa levels', 'TNFa', 'tnf-a'],
  ['Tumour necrosis factor alpha levels', 'Tumour necrosis factor alpha', 'tnf-a'],
  ['IFN-γ levels', 'IFN-γ', 'ifn-g'],
  ['IFN-gamma levels', 'IFN-gamma', 'ifn-g'],
  ['IFNg levels', 'IFNg', 'ifn-g'],
  ['IL-1β is released', 'IL-1β', 'il-1b'],
  ['IL-1 beta is released', 'IL-1 beta', 'il-1b'],
  ['IL1B is released', 'IL1B', 'il-1b'],
  ['IL-1b is released', 'IL-1b', 'il-1b'],
  ['IL-1α is stored', 'IL-1α', 'il-1a'],
  ['IL-1alpha is stored', 'IL-1alpha', 'il-1a'],
  ['IL-1 a key alarm', 'IL-1', 'il-1'],
  ['IL-1RA blocks it', 'IL-1RA', 'il-1ra'],
  ['the IL-1 receptor antagonist', 'IL-1 receptor antagonist', 'il-1ra'],
  ['IL-8 calls neutrophils', 'IL-8', 'il-8'],
  ['CXCL8 calls neutrophils', 'CXCL8', 'il-8'],
  ['GM-CSF activates neutrophils', 'GM-CSF', 'gm-csf'],
  ['GMCSF activates neutrophils', 'GMCSF', 'gm-csf'],
  ['G-CSF raises neutrophils', 'G-CSF', 'g-csf'],
  ['bFGF for fibroblasts', 'bFGF', 'bfgf'],
  ['BFGF in capitals', 'BFGF', 'bfgf'],
  ['FGF2 for fibroblasts', 'FGF2', 'bfgf'],
  ['FGF-2 for fibroblasts', 'FGF-2', 'bfgf'],
  ['basic fibroblast growth factor', 'basic fibroblast growth factor', 'bfgf'],
  ['fibroblast growth factor 9 in wounds', 'fibroblast growth factor 9', 'fgf9'],
  ['a fibroblast growth factor of some kind', 'fibroblast growth factor', 'fgf'],
  ['KGF for keratinocytes', 'KGF', 'kgf'],
  ['FGF7 for keratinocytes', 'FGF7', 'kgf'],
  ['FGF-7 for keratinocytes', 'FGF-7', 'kgf'],
  ['keratinocyte growth factor', 'keratinocyte growth factor', 'kgf'],
  ['aFGF is acidic', 'aFGF', 'afgf'],
  ['FGF1 is acidic', 'FGF1', 'afgf'],
  ['EGF for the epidermis', 'EGF', 'egf'],
  ['rh-EGF for the epidermis', 'EGF', 'egf'],
  ['rhEGF for the epidermis', 'rhEGF', 'egf'],
  ['Epidermal Growth Factor for the epidermis', 'Epidermal Growth Factor', 'egf'],
  ['Glycerin, sh-Oligopeptide-1, Carbomer', 'sh-Oligopeptide-1', 'egf'],
  ['HB-EGF closes wounds', 'HB-EGF', 'hb-egf'],
  ['IGF-1 keeps follicles growing', 'IGF-1', 'igf-1'],
  ['IGF-II before birth', 'IGF-II', 'igf-2'],
  ['β-NGF for nerves', 'β-NGF', 'ngf'],
  ['Noggin blocks bone signals', 'Noggin', 'noggin'],
  ['NOGGIN in a heading', 'NOGGIN', 'noggin'],
  ['with Cu/Zn SOD inside', 'Cu/Zn SOD', 'sod1'],
  ['with SOD-1 inside', 'SOD-1', 'sod1'],
  ['SOD protects', 'SOD', 'sod'],
  ['MMPs dissolve old proteins', 'MMPs', 'mmp'],
  ['MMP-1 cuts collagen', 'MMP-1', 'mmp-1'],
  ['gelatinase B in chronic wounds', 'gelatinase B', 'mmp-9'],
  ['lots of TIMP’s, which inhibit them', 'TIMP’s', 'timp'],
  ["lots of TIMP's, which inhibit them", "TIMP's", 'timp'],
  ['TIMP-2 is a brake', 'TIMP-2', 'timp-2'],
  ['SDF-1 homes stem cells', 'SDF-1', 'sdf-1'],
  ['MCP-1 calls monocytes', 'MCP-1', 'mcp-1'],
  ['TNF-stimulated gene 6 calms neutrophils', 'TNF-stimulated gene 6', 'tsg-6'],
  ['EPO for red cells', 'EPO', 'epo'],
  ['Eotaxin calls eosinophils', 'Eotaxin', 'eotaxin'],
];

/** Text that names no cytokine, though it comes close. */
const QUIET: string[] = [
  'IL-60 is not in our lexicon.',
  'IL-6R antibodies block the receptor, not the cytokine.',
  'TGF-β34 is no such thing.',
  'bEGF and bEGFs are longer words.',
  'EGFR inhibitors cause rashes.',
  'TNFR2 is a receptor.',
  'Signal factors such as IL were found early.',
  'The sod was freshly laid.',
  'Rub it on your noggin.',
  'mif and epo in lower case are not acronyms.',
  'Our stem cell factors are proprietary.',
  'Interleukins are a large family.',
  'Vitamin B3 and vitamin E.',
  'An episode of tempo and timpani.',
  'IL\n6 across a block boundary.',
];

describe('findCytokines flags', () => {
  test.each(FLAGS)('%j names %j (%s)', (text, named, id) => {
    const start = text.indexOf(named);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(findCytokines(text, cytokineLexicon)).toEqual([{ id, start, end: start + named.length, text: named }]);
  });
});

describe('findCytokines stays quiet', () => {
  test.each(QUIET)('%j', (text) => {
    expect(findCytokines(text, cytokineLexicon)).toEqual([]);
  });
});

describe('findCytokines', () => {
  it('finds every mention in text order, with offsets into the text', () => {
    const text = 'Ingredients: IL-6, IL-10 and IL-12; more IL6, then TGF-beta 3 and bFGF.';
    const found = findCytokines(text, cytokineLexicon);
    expect(found.map((m) => [m.id, m.text])).toEqual([
      ['il-6', 'IL-6'],
      ['il-10', 'IL-10'],
      ['il-12', 'IL-12'],
      ['il-6', 'IL6'],
      ['tgf-b3', 'TGF-beta 3'],
      ['bfgf', 'bFGF'],
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds a name right after a longer token it was inside of', () => {
    const text = 'xIL-6 IL-6';
    expect(findCytokines(text, cytokineLexicon)).toEqual([{ id: 'il-6', start: text.lastIndexOf('IL-6'), end: text.length, text: 'IL-6' }]);
  });

  it('finds every alias of every entry as that entry', () => {
    const wrong = cytokineLexicon.entries.flatMap((entry) =>
      entry.aliases
        .filter((alias) => {
          const found = findCytokines(`Contains ${alias}.`, cytokineLexicon);
          return !(found.length === 1 && found[0]!.id === entry.id && found[0]!.text === alias);
        })
        .map((alias) => `${entry.id}: ${alias}`),
    );
    expect(wrong).toEqual([]);
  });

  it('returns nothing with an empty lexicon', () => {
    expect(findCytokines('IL-6', { matcher: { aliases: [] } })).toEqual([]);
  });
});

describe('normaliseAlias and aliasKey', () => {
  test.each([
    ['IL-6', ['il', '6'], false],
    ['IL 6', ['il', '6'], false],
    ['IL6', ['il', '6'], false],
    ['TGF-beta 3', ['tgf', 'β', '3'], false],
    ['TGF-β3', ['tgf', 'β', '3'], false],
    ['TGFb3', ['tgfb', '3'], false],
    ['IL-12p70', ['il', '12', 'p', '70'], false],
    ['Cu/Zn SOD', ['cu/zn', 'sod'], false],
    ['bFGF', ['bFGF'], true],
    ['Noggin', ['Noggin'], true],
  ])('%j → %j (exact case: %s)', (alias, parts, exactCase) => {
    expect(normaliseAlias(alias)).toEqual({ parts, exactCase });
  });

  test.each([
    ['TGF-β3', 'tgfb3'],
    ['TGF-beta 3', 'tgfb3'],
    ['TGFb3', 'tgfb3'],
    ['TGF\u2212ß3', 'tgfb3'],
    ['IFN-gamma', 'ifng'],
    ['TNF-α', 'tnfa'],
    ['TIMP’s', "timp's"],
  ])('%j reads as %j', (text, key) => {
    expect(aliasKey(text)).toBe(key);
  });
});
