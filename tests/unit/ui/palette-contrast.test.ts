// The severity palette, read from the stylesheets as shipped: every badge's text on its background reaches
// WCAG AA for text (4.5:1), and every accent (the card's top border, the popup's rule bars, the options page's
// choice bars) reaches 3:1 against the surface it is drawn on, a non-text indicator (WCAG 1.4.11), in the
// light and the dark scheme. The e2e axe audits see only the severities a fixture happens to show.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColour } from '../../support/contrast.ts';

const SEVERITIES = ['misleading', 'unsupported', 'risky', 'context'] as const;
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

const css = (path: string) => readFileSync(path, 'utf8');
const SEVERITY_CSS = css('src/ui/severity.css');
const OPTIONS_CSS = css('src/ui/options.css');
const CARD_CSS = css('src/ui/claim-card.css');
const POPUP_CSS = css('src/ui/theme.css');

/** The stylesheet's rules for one scheme: outside every dark @media block, or only inside them. */
function forScheme(sheet: string, scheme: Scheme): string {
  const opener = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{/g;
  const inside: string[] = [];
  let outside = '';
  let from = 0;
  for (let m = opener.exec(sheet); m; m = opener.exec(sheet)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; depth > 0 && i < sheet.length; i++) depth += sheet[i] === '{' ? 1 : sheet[i] === '}' ? -1 : 0;
    outside += sheet.slice(from, m.index);
    inside.push(sheet.slice(m.index + m[0].length, i - 1));
    from = i;
    opener.lastIndex = i;
  }
  outside += sheet.slice(from);
  return scheme === 'light' ? outside : inside.join('\n');
}

/** The custom properties `selector` declares in `sheet` for `scheme`; a dark scheme inherits what it does not override. */
function properties(sheet: string, selector: string, scheme: Scheme): Record<string, string> {
  const read = (text: string) => {
    const out: Record<string, string> = {};
    const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const block of text.matchAll(new RegExp(`(?:^|[}\\s])${escaped}\\s*\\{([^}]*)\\}`, 'g'))) {
      for (const [, name, value] of block[1]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[name!] = value!.trim();
    }
    return out;
  };
  const light = read(forScheme(sheet, 'light'));
  return scheme === 'light' ? light : { ...light, ...read(forScheme(sheet, 'dark')) };
}

function colour(props: Record<string, string>, name: string, where: string) {
  const value = props[name];
  if (!value) throw new Error(`${where} declares no ${name}`);
  return parseColour(value);
}

/** The surface each accent is drawn on: the card's top border, the popup's rule bars, the threshold choices' bars in their panel. */
const SURFACES: { name: string; sheet: string; selector: string; props: string[] }[] = [
  { name: 'claim card', sheet: CARD_CSS, selector: '.claimlens-root', props: ['--bg'] },
  { name: 'popup and report', sheet: POPUP_CSS, selector: ':root', props: ['--bg'] },
  { name: 'options page', sheet: OPTIONS_CSS, selector: ':root', props: ['--panel'] },
];

describe.each(SCHEMES)('severity palette, %s scheme', (scheme) => {
  it.each(SEVERITIES)('%s: badge text on badge background reaches 4.5:1', (severity) => {
    const where = `severity.css .severity-${severity} (${scheme})`;
    const props = properties(SEVERITY_CSS, `.severity-${severity}`, scheme);
    const ratio = contrastRatio(colour(props, '--badge-fg', where), colour(props, '--badge-bg', where));
    expect(ratio, `${where}: ${props['--badge-fg']} on ${props['--badge-bg']} is ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
  });

  it.each(SEVERITIES)('%s: the accent reaches 3:1 against every surface it is drawn on', (severity) => {
    const accent = colour(properties(SEVERITY_CSS, `.severity-${severity}`, scheme), '--accent', `severity.css .severity-${severity}`);
    const ratios = SURFACES.flatMap(({ name, sheet, selector, props }) => {
      const surface = properties(sheet, selector, scheme);
      return props.map((prop) => ({ on: `${name} ${prop} ${surface[prop]}`, ratio: contrastRatio(accent, colour(surface, prop, `${name} ${selector}`)) }));
    });
    expect(ratios.length).toBeGreaterThan(0);
    for (const { on, ratio } of ratios) expect(ratio, `accent on ${on}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(3);
  });

  it('the options page takes the one palette, so it stays measured by these tests', () => {
    expect(OPTIONS_CSS).toContain("@import './severity.css';");
    for (const severity of SEVERITIES) expect(properties(OPTIONS_CSS, `.severity-${severity}`, scheme), severity).toEqual({});
  });
});
