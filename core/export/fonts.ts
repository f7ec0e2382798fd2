// The CJK fonts embedded in PDFs (OFL-1.1, from npm): Noto Serif SC/TC for body text, Noto Sans SC/TC for headings,
// LXGW WenKai for 楷体; which document uses which: fontFamilies.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { memoizeFonts } from './pdfmakeSpeed.js';
import { isWoff, sfntOfWoff } from './woff.js';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  serifRegular: ['@expo-google-fonts/noto-serif-sc', '400Regular/NotoSerifSC_400Regular.ttf'],
  serifBold: ['@expo-google-fonts/noto-serif-sc', '700Bold/NotoSerifSC_700Bold.ttf'],
  sansBold: ['@expo-google-fonts/noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'],
  serifRegularTC: ['@expo-google-fonts/noto-serif-tc', '400Regular/NotoSerifTC_400Regular.ttf'],
  serifBoldTC: ['@expo-google-fonts/noto-serif-tc', '700Bold/NotoSerifTC_700Bold.ttf'],
  sansBoldTC: ['@expo-google-fonts/noto-sans-tc', '700Bold/NotoSansTC_700Bold.ttf'],
  // Shipped on npm only as WOFF: unwrapped to its TrueType file when read.
  kai: ['@fontsource/lxgw-wenkai', 'files/lxgw-wenkai-latin-500-normal.woff'],
} as const;

export function fontPath(name: keyof typeof FONT_FILES): string {
  const [pkg, file] = FONT_FILES[name];
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

const cache = new Map<string, Buffer>();
/**
 * Font bytes, read once per process (each file is 10–15 MB). The same Buffer each time: fontkit (memoized here) then
 * parses each font once, for the glyph check, the cards' wrapping and pdfkit alike.
 */
export function fontBytes(name: keyof typeof FONT_FILES): Buffer {
  let b = cache.get(name);
  if (!b) {
    memoizeFonts();
    b = readFileSync(fontPath(name));
    if (isWoff(b)) b = sfntOfWoff(b);
    cache.set(name, b);
  }
  return b;
}
