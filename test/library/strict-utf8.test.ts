// The store's bytes are read as strict UTF-8, and a refusal names the first bad byte exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoreReadError, storeText } from '@core/library/store/engine/decode.js';

const fatal = new TextDecoder('utf-8', { fatal: true });
const byteAt = (e: unknown) => Number(/第 (\d+) 字节/.exec((e as Error).message)?.[1]);

describe('严格的 UTF-8', () => {
  it('accepts exactly what a strict decoder accepts; a refusal names a byte before which everything is valid', () => {
    // Bytes biased towards UTF-8 lead and continuation bytes, so that near-valid sequences are common.
    const byte = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.integer({ min: 0xc0, max: 0xff }),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), (xs) => {
        const bytes = Uint8Array.from(xs);
        let expected: string | undefined;
        try {
          expected = fatal.decode(bytes);
        } catch {
          expected = undefined;
        }
        if (expected !== undefined) {
          expect(storeText(bytes)).toBe(expected);
          return;
        }
        const err = (() => {
          try {
            storeText(bytes);
          } catch (e) {
            return e;
          }
        })();
        expect(err).toBeInstanceOf(StoreReadError);
        const at = byteAt(err);
        expect(at).toBeLessThan(bytes.length);
        expect(() => fatal.decode(bytes.subarray(0, at))).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });

  it('names overlong forms, surrogates and code points above U+10FFFF as invalid', () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe4, 0xbd],
    ]) {
      const bytes = Uint8Array.from([0x61, ...bad]);
      expect(() => storeText(bytes)).toThrow(/第 1 字节/);
    }
  });
});
