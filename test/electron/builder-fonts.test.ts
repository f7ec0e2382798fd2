// The installer leaves out the font weights no export embeds (about 400 MB), never one it does: every file
// core/export/fonts.ts reads must survive electron-builder.yml's exclusions and be unpacked from the archive.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '@core/export/fonts.js';

/** electron-builder's globs as regular expressions: **, *, and {a,b}. */
function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',' && re.lastIndexOf('(?:') > re.lastIndexOf(')')) re += '|';
    else re += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const yml = readFileSync('electron-builder.yml', 'utf8');
const listed = (section: string) =>
  (yml.split(`${section}:\n`)[1] ?? '')
    .split('\n')
    .filter((l) => /^\s+- /.test(l))
    .map((l) =>
      l
        .replace(/^\s+- /, '')
        .replace(/^"|"$/g, '')
        .trim(),
    );
const fonts = Object.values(FONT_FILES).map(([pkg, file]) => `node_modules/${pkg}/${file}`);

describe('electron-builder ships the embedded fonts', () => {
  it('excludes unused weights but none of the fonts the exports read', () => {
    const excluded = listed('files')
      .filter((p) => p.startsWith('!node_modules/'))
      .map((p) => globRegex(p.slice(1)));
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded.some((r) => r.test('node_modules/@expo-google-fonts/noto-serif-sc/300Light/x.ttf'))).toBe(true);
    for (const f of fonts) expect(excluded.filter((r) => r.test(f)).map(String), f).toEqual([]);
  });

  it('unpacks every embedded font from the archive (pdfkit reads them as files)', () => {
    const unpacked = listed('asarUnpack').map(globRegex);
    for (const f of fonts)
      expect(
        unpacked.some((r) => r.test(f)),
        f,
      ).toBe(true);
  });
});
