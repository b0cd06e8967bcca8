// Icons at every size the stores and browsers ask for, each exactly the size its name says: 16 and 32 for the
// toolbar (1× and 2×), 48 for the extensions page, 96 for Firefox's add-ons manager at 2×, and 128 for the
// Chrome Web Store, whose artwork must sit inside 16 px of transparent padding. Checked on public/icon/, on
// what wxt.config.ts names, and on the manifests the build wrote.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config.ts';
import { pngRgba, pngSize } from '../../support/png.ts';

const REQUIRED = [16, 32, 48, 96, 128];
const ICONS = 'public/icon';

/** Every icon path a manifest names, with the size its key says: `icons` and `action.default_icon`. */
function namedIcons(manifest: { icons?: Record<string, string>; action?: { default_icon?: Record<string, string> | string } }): [number, string][] {
  const action = manifest.action?.default_icon;
  if (typeof action === 'string') throw new Error(`action.default_icon is one path (${action}); name one per size`);
  return [...Object.entries(manifest.icons ?? {}), ...Object.entries(action ?? {})].map(([size, path]) => [Number(size), path]);
}

describe('icons', () => {
  const files = readdirSync(ICONS).filter((f) => f.endsWith('.png'));

  it('public/icon holds every required size', () => {
    expect(files.map((f) => Number(f.replace('.png', ''))).sort((a, b) => a - b)).toEqual(expect.arrayContaining(REQUIRED));
  });

  it.each(files)('public/icon/%s is the size its name says', (file) => {
    const size = Number(file.replace('.png', ''));
    expect(pngSize(readFileSync(join(ICONS, file)))).toEqual({ width: size, height: size });
  });

  it('128 px keeps its artwork inside 16 px of transparent padding, and fills the 96 px square inside', () => {
    const { width, pixels } = pngRgba(readFileSync(join(ICONS, '128.png')));
    const alpha = (x: number, y: number) => pixels[(y * width + x) * 4 + 3]!;
    let paddingOpaque = 0;
    let innerOpaque = 0;
    const innerRows = new Set<number>();
    const innerCols = new Set<number>();
    for (let y = 0; y < 128; y++) {
      for (let x = 0; x < 128; x++) {
        const inside = x >= 16 && x < 112 && y >= 16 && y < 112;
        if (alpha(x, y) === 0) continue;
        if (!inside) paddingOpaque++;
        else {
          innerOpaque++;
          innerRows.add(y);
          innerCols.add(x);
        }
      }
    }
    expect(paddingOpaque).toBe(0);
    expect(innerOpaque).toBeGreaterThan(96 * 96 * 0.8);
    // The artwork spans the whole 96 px box, edge to edge, not a smaller drawing in a wider margin.
    expect(Math.min(...innerRows)).toBe(16);
    expect(Math.max(...innerRows)).toBe(111);
    expect(Math.min(...innerCols)).toBe(16);
    expect(Math.max(...innerCols)).toBe(111);
  });

  it.each(['chrome', 'firefox'])('the toolbar icons wxt.config.ts names for %s exist at their sizes', (browser) => {
    const manifest = typeof config.manifest === 'function' ? config.manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' } as never) : config.manifest;
    const icons = namedIcons(manifest as never);
    expect(icons.map(([size]) => size).sort((a, b) => a - b)).toEqual([16, 32]);
    for (const [size, path] of icons) expect(pngSize(readFileSync(join('public', path))), path).toEqual({ width: size, height: size });
  });

  const built = ['chrome-mv3', 'firefox-mv3'].filter((dir) => existsSync(join('.output', dir, 'manifest.json')));
  if (built.length === 0) console.warn('icons: no build in .output/, so the built manifests are not checked (npm test builds first)');
  it.each(built)('every icon .output/%s/manifest.json names exists there at the size its key says, all required sizes listed', (dir) => {
    const manifest = JSON.parse(readFileSync(join('.output', dir, 'manifest.json'), 'utf8')) as Parameters<typeof namedIcons>[0];
    const icons = namedIcons(manifest);
    expect(Object.keys(manifest.icons ?? {}).map(Number)).toEqual(expect.arrayContaining(REQUIRED));
    for (const [size, path] of icons) {
      const file = join('.output', dir, path);
      expect(existsSync(file), file).toBe(true);
      expect(pngSize(readFileSync(file)), file).toEqual({ width: size, height: size });
    }
  });
});
