// The envelope as an HTTP body. Without file bytes it is plain JSON. With them (an export), a small binary frame:
//   [4 bytes: header length, big-endian] [header: UTF-8 JSON {envelope, parts}] [the parts' bytes, one after another]
// where the envelope has null in place of each Uint8Array and `parts` says where each one goes back and how long it is.
// Why not base64 in JSON: a 20 MB PDF would grow by a third and be encoded and decoded on the UI thread; why not
// headers: they are size-limited (the cause of the 6,000-character warning cut). File name and problems stay in the
// JSON envelope, like every other result, so nothing is cut and the client needs no channel-specific code.
import { failure, type Envelope } from './envelope.js';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const FRAMED_TYPE = 'application/vnd.bidforge.envelope';

type Path = (string | number)[];
type Part = { path: Path; length: number };
type Encoded = { contentType: string; body: Uint8Array | string };

/** A copy of `v` with each Uint8Array replaced by null (the same object where there is none); the arrays go to `found`. */
function withoutBytes(v: unknown, path: Path, found: { part: Part; bytes: Uint8Array }[]): unknown {
  if (v instanceof Uint8Array) {
    found.push({ part: { path: [...path], length: v.byteLength }, bytes: v });
    return null;
  }
  if (!v || typeof v !== 'object') return v;
  const isArray = Array.isArray(v);
  if (!isArray && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
  let copy: Record<string, unknown> | unknown[] | undefined;
  for (const [k, x] of Object.entries(v)) {
    path.push(isArray ? Number(k) : k);
    const y = withoutBytes(x, path, found);
    path.pop();
    if (y !== x) {
      copy ??= isArray ? [...(v as unknown[])] : { ...(v as Record<string, unknown>) };
      (copy as Record<string, unknown>)[k] = y;
    }
  }
  return copy ?? v;
}

export function encodeEnvelope(envelope: Envelope): Encoded {
  const found: { part: Part; bytes: Uint8Array }[] = [];
  const stripped = withoutBytes(envelope, [], found);
  if (!found.length) return { contentType: JSON_TYPE, body: JSON.stringify(envelope) };
  const header = new TextEncoder().encode(JSON.stringify({ envelope: stripped, parts: found.map((f) => f.part) }));
  const body = new Uint8Array(4 + header.byteLength + found.reduce((n, f) => n + f.bytes.byteLength, 0));
  new DataView(body.buffer).setUint32(0, header.byteLength);
  body.set(header, 4);
  let at = 4 + header.byteLength;
  for (const { bytes } of found) {
    body.set(bytes, at);
    at += bytes.byteLength;
  }
  return { contentType: FRAMED_TYPE, body };
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The envelope from a response body; a body that is neither form (a proxy's error page) becomes bad_response. */
export function decodeEnvelope(contentType: string | null, body: ArrayBuffer, status: number): Envelope {
  const unreadable = () => failure('bad_response', `the host answered ${status} without a readable body`);
  try {
    if (contentType?.startsWith(FRAMED_TYPE)) {
      const view = new DataView(body);
      const headerLength = view.getUint32(0);
      const { envelope, parts } = JSON.parse(new TextDecoder().decode(new Uint8Array(body, 4, headerLength))) as {
        envelope: Envelope;
        parts: Part[];
      };
      let at = 4 + headerLength;
      for (const { path, length } of parts) {
        if (!path.length || path.some((k) => UNSAFE_KEYS.has(String(k))) || at + length > body.byteLength)
          return unreadable();
        let target = envelope as unknown as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) target = target[k] as Record<string | number, unknown>;
        target[path[path.length - 1]!] = new Uint8Array(body, at, length);
        at += length;
      }
      return envelope;
    }
    const parsed = JSON.parse(new TextDecoder().decode(body)) as unknown;
    return parsed && typeof parsed === 'object' && 'ok' in parsed ? (parsed as Envelope) : unreadable();
  } catch {
    return unreadable();
  }
}
