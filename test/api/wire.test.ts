// The envelope as an HTTP body (core/api/wire.ts): plain JSON without file bytes, a small binary frame with them.
import { describe, expect, it } from 'vitest';
import { failure, success, type Envelope } from '@core/api/envelope.js';
import { decodeEnvelope, encodeEnvelope, FRAMED_TYPE, JSON_TYPE } from '@core/api/wire.js';

const roundTrip = (e: Envelope) => {
  const { contentType, body } = encodeEnvelope(e);
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return { contentType, decoded: decodeEnvelope(contentType, bytes.slice().buffer, 200) };
};

describe('HTTP body of an envelope', () => {
  it('a result without file bytes is plain JSON, and an error keeps its code, message and params', () => {
    expect(roundTrip(success({ a: [1, '二'] }))).toEqual({
      contentType: JSON_TYPE,
      decoded: success({ a: [1, '二'] }),
    });
    const err = failure('check_failed', '导出前检查发现 1 个错误', {
      problems: [{ severity: 'error', code: 'x', message: '😀' }],
    });
    expect(roundTrip(err).decoded).toEqual(err);
  });

  it('file bytes travel after the JSON, byte for byte, wherever they sit in the result, with every problem intact', () => {
    const pdf = new Uint8Array(30_000).map((_, i) => i % 251);
    const problems = Array.from({ length: 500 }, (_, i) => ({
      severity: 'warning',
      code: 'unused_value',
      message: `变量 备注😀${i} 没有被任何条款使用`,
    }));
    const value = { fileName: '方案.pdf', bytes: pdf, problems, parts: [{ bytes: Buffer.from('PK') }] };
    const { contentType, decoded } = roundTrip(success(value));
    expect(contentType).toBe(FRAMED_TYPE);
    expect(decoded).toEqual(success({ ...value, parts: [{ bytes: new Uint8Array([0x50, 0x4b]) }] }));
    expect((decoded as { value: { bytes: Uint8Array } }).value.bytes).toBeInstanceOf(Uint8Array);
  });

  it('a frame that would write outside the result (a __proto__ path) or past its end is a bad_response', () => {
    const header = new TextEncoder().encode(
      JSON.stringify({
        envelope: { ok: true, value: {} },
        parts: [{ path: ['value', '__proto__', 'polluted'], length: 1 }],
      }),
    );
    const body = new Uint8Array(4 + header.length + 1);
    new DataView(body.buffer).setUint32(0, header.length);
    body.set(header, 4);
    expect(decodeEnvelope(FRAMED_TYPE, body.buffer, 200)).toMatchObject({ ok: false, error: { code: 'bad_response' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const short = encodeEnvelope(success({ bytes: new Uint8Array(10) })).body as Uint8Array;
    expect(decodeEnvelope(FRAMED_TYPE, short.slice(0, short.length - 5).buffer, 200)).toMatchObject({
      ok: false,
      error: { code: 'bad_response' },
    });
  });

  it('a proxy’s HTML error page is a bad_response naming the status, not a SyntaxError', () => {
    expect(decodeEnvelope('text/html', new TextEncoder().encode('<html>502</html>').buffer, 502)).toEqual(
      failure('bad_response', 'the host answered 502 without a readable body'),
    );
  });
});
