// The cards' QR encoder (core/cards/qrCode.ts) against pdfmake's, which it was ported from: the same matrix, module
// for module, for texts of every mode, length (versions 1 to 40) and ECC level. The codes on cards made before the
// port and after it are the same codes.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrText } from '@core/cards/qr.js';
import { qrCode } from '@core/cards/qrCode.js';

type QrEnc = { default: { measure(node: object): { _canvas: { x: number; y: number }[]; _width: number } } };
const qrEnc = createRequire(import.meta.url)('pdfmake/js/qrEnc.js') as QrEnc;

/** pdfmake's matrix of a text: its canvas of 5-pt squares, one a dark module. */
function pdfmakeMatrix(text: string, eccLevel: string): boolean[][] {
  const node = qrEnc.default.measure({ qr: text, eccLevel });
  const n = Math.round(node._width / 5);
  const m = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const r of node._canvas.slice(1)) m[Math.round(r.y / 5)]![Math.round(r.x / 5)] = true;
  return m;
}

/** A small deterministic generator, so a failure names a text that can be tried again. */
function* texts(count: number): Generator<string> {
  let seed = 20261207;
  const next = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % k;
  };
  const pools = [
    '0123456789',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $%*+-./:',
    'abcXYZ-_/#:\n 0189',
    '张王李热泵保修卡號碼',
  ];
  for (let i = 0; i < count; i++) {
    const pool = pools[i % pools.length]!;
    const length = i % 25 === 0 ? 100 + next(300) : 1 + next(60);
    yield Array.from({ length }, () => pool[next(pool.length)]).join('');
  }
}

describe('QR encoder', () => {
  it('gives pdfmake’s matrix for card texts and for texts of every mode and size', () => {
    // (ECC levels M, L, Q, H in turn: the large ones at M and L, where they fit)
    const all = [
      qrText('HX2026000003', '400-820-6688'),
      '7'.repeat(5000), // numeric, version 36 or so
      qrText('SN-张三-001', '0571-88888888'),
      '',
      'HX2026-'.repeat(400), // alphanumeric, version 38 or so
      ...texts(400),
    ];
    const sizes = new Set<number>();
    for (const [k, text] of all.entries()) {
      const ecc = ['M', 'L', 'Q', 'H'][k % 4]!;
      const ours = qrCode(text, ecc);
      sizes.add(ours.length);
      expect(ours, `${JSON.stringify(text)} at ${ecc}`).toEqual(pdfmakeMatrix(text, ecc));
    }
    // Versions 1 to past 7 (version information blocks) and past 10 (longer length fields).
    expect(Math.min(...sizes)).toBe(21);
    expect(Math.max(...sizes)).toBeGreaterThan(4 * 27 + 17);
  });

  it('is what the cards print', () => {
    const text = qrText('HX2026000003', '400-820-6688');
    expect(qrMatrix(text)).toEqual(pdfmakeMatrix(text, 'M'));
  });
});
