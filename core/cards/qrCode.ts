// The QR encoder of the cards: pdfmake's (pdfmake/js/qrEnc.js, qr.js by Kang Seonghoon, public domain / CC0), the
// same steps and so the same code, bit for bit (test/cards/qr.test.ts compares them), on flat typed arrays. pdfmake's
// keeps its matrix as arrays of arrays and scores the eight masks with many small arrays: a third of a 1,000-card
// batch's time once the cards were stamped (pdfStamp.ts), ~0.5 ms a code.

/** Per version 1–40: EC codewords per block and number of blocks (by ECC index M, L, H, Q), alignment positions. */
// biome-ignore format: a table, two versions a line
const VERSIONS: [number[], number[], number[]][] = [
  [[10,7,17,13],[1,1,1,1],[]], [[16,10,28,22],[1,1,1,1],[4,16]],
  [[26,15,22,18],[1,1,2,2],[4,20]], [[18,20,16,26],[2,1,4,2],[4,24]],
  [[24,26,22,18],[2,1,4,4],[4,28]], [[16,18,28,24],[4,2,4,4],[4,32]],
  [[18,20,26,18],[4,2,5,6],[4,20,36]], [[22,24,26,22],[4,2,6,6],[4,22,40]],
  [[22,30,24,20],[5,2,8,8],[4,24,44]], [[26,18,28,24],[5,4,8,8],[4,26,48]],
  [[30,20,24,28],[5,4,11,8],[4,28,52]], [[22,24,28,26],[8,4,11,10],[4,30,56]],
  [[22,26,22,24],[9,4,16,12],[4,32,60]], [[24,30,24,20],[9,4,16,16],[4,24,44,64]],
  [[24,22,24,30],[10,6,18,12],[4,24,46,68]], [[28,24,30,24],[10,6,16,17],[4,24,48,72]],
  [[28,28,28,28],[11,6,19,16],[4,28,52,76]], [[26,30,28,28],[13,6,21,18],[4,28,54,80]],
  [[26,28,26,26],[14,7,25,21],[4,28,56,84]], [[26,28,28,30],[16,8,25,20],[4,32,60,88]],
  [[26,28,30,28],[17,8,25,23],[4,26,48,70,92]], [[28,28,24,30],[17,9,34,23],[4,24,48,72,96]],
  [[28,30,30,30],[18,9,30,25],[4,28,52,76,100]], [[28,30,30,30],[20,10,32,27],[4,26,52,78,104]],
  [[28,26,30,30],[21,12,35,29],[4,30,56,82,108]], [[28,28,30,28],[23,12,37,34],[4,28,56,84,112]],
  [[28,30,30,30],[25,12,40,34],[4,32,60,88,116]], [[28,30,30,30],[26,13,42,35],[4,24,48,72,96,120]],
  [[28,30,30,30],[28,14,45,38],[4,28,52,76,100,124]], [[28,30,30,30],[29,15,48,40],[4,24,50,76,102,128]],
  [[28,30,30,30],[31,16,51,43],[4,28,54,80,106,132]], [[28,30,30,30],[33,17,54,45],[4,32,58,84,110,136]],
  [[28,30,30,30],[35,18,57,48],[4,28,56,84,112,140]], [[28,30,30,30],[37,19,60,51],[4,32,60,88,116,144]],
  [[28,30,30,30],[38,19,63,53],[4,28,52,76,100,124,148]], [[28,30,30,30],[40,20,66,56],[4,22,48,74,100,126,152]],
  [[28,30,30,30],[43,21,70,59],[4,26,52,78,104,130,156]], [[28,30,30,30],[45,22,74,62],[4,30,56,82,108,134,160]],
  [[28,30,30,30],[47,24,77,65],[4,24,52,80,108,136,164]], [[28,30,30,30],[49,25,81,68],[4,28,56,84,112,140,168]],
];

const MODE = { numeric: 1, alphanumeric: 2, octet: 4 } as const;
type Mode = (typeof MODE)[keyof typeof MODE];
/** pdfmake's ECC indices: M 0, L 1, H 2, Q 3. */
const ECC: Record<string, number> = { L: 1, M: 0, Q: 3, H: 2 };

const GF_EXP: number[] = [];
const GF_LOG: number[] = [-1];
for (let i = 0, v = 1; i < 255; ++i) {
  GF_EXP.push(v);
  GF_LOG[v] = i;
  v = (v * 2) ^ (v >= 128 ? 0x11d : 0);
}
/** Generator polynomials by degree, as logs. */
const GENPOLY: number[][] = [[]];
for (let i = 0; i < 30; ++i) {
  const prev = GENPOLY[i]!;
  const poly: number[] = [];
  for (let j = 0; j <= i; ++j) {
    const a = j < i ? GF_EXP[prev[j]!]! : 0;
    const b = GF_EXP[(i + (prev[j - 1] ?? 0)) % 255]!;
    poly.push(GF_LOG[a ^ b]!);
  }
  GENPOLY.push(poly);
}
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const versionInfo = (ver: number) => VERSIONS[ver - 1]!;
function fullBits(ver: number): number {
  const aligns = versionInfo(ver)[2].length;
  let bits = 16 * ver * ver + 128 * ver + 64;
  if (ver > 6) bits -= 36;
  if (aligns) bits -= 25 * aligns * aligns - 10 * aligns - 55;
  return bits;
}
const dataBits = (ver: number, ecc: number) =>
  (fullBits(ver) & ~7) - 8 * versionInfo(ver)[0][ecc]! * versionInfo(ver)[1][ecc]!;
function lengthBits(ver: number, mode: Mode): number {
  if (mode === MODE.numeric) return ver < 10 ? 10 : ver < 27 ? 12 : 14;
  if (mode === MODE.alphanumeric) return ver < 10 ? 9 : ver < 27 ? 11 : 13;
  return ver < 10 ? 8 : 16;
}
function maxLength(ver: number, mode: Mode, ecc: number): number {
  const bits = dataBits(ver, ecc) - 4 - lengthBits(ver, mode);
  if (mode === MODE.numeric) return Math.floor(bits / 10) * 3 + (bits % 10 < 4 ? 0 : bits % 10 < 7 ? 1 : 2);
  if (mode === MODE.alphanumeric) return Math.floor(bits / 11) * 2 + (bits % 11 < 6 ? 0 : 1);
  return Math.floor(bits / 8);
}

/** Octets as pdfmake makes them: UTF-8 of each UTF-16 code unit. */
function octets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; ++i) {
    const ch = text.charCodeAt(i);
    if (ch < 0x80) out.push(ch);
    else if (ch < 0x800) out.push(0xc0 | (ch >> 6), 0x80 | (ch & 0x3f));
    else out.push(0xe0 | (ch >> 12), 0x80 | ((ch >> 6) & 0x3f), 0x80 | (ch & 0x3f));
  }
  return out;
}

function encodeData(ver: number, mode: Mode, data: string | number[], maxLen: number): number[] {
  const buf: number[] = [];
  let bits = 0;
  let remaining = 8;
  const pack = (x: number, n: number) => {
    if (n >= remaining) {
      n -= remaining;
      buf.push(bits | (x >> n));
      while (n >= 8) {
        n -= 8;
        buf.push((x >> n) & 255);
      }
      bits = 0;
      remaining = 8;
    }
    if (n > 0) {
      remaining -= n;
      bits |= (x & ((1 << n) - 1)) << remaining;
    }
  };
  const len = data.length;
  pack(mode, 4);
  pack(len, lengthBits(ver, mode));
  if (mode === MODE.numeric) {
    const s = data as string;
    let i = 2;
    for (; i < len; i += 3) pack(Number.parseInt(s.substring(i - 2, i + 1), 10), 10);
    pack(Number.parseInt(s.substring(i - 2), 10), [0, 4, 7][len % 3]!);
  } else if (mode === MODE.alphanumeric) {
    const s = data as string;
    let i = 1;
    for (; i < len; i += 2) pack(ALNUM.indexOf(s.charAt(i - 1)) * 45 + ALNUM.indexOf(s.charAt(i)), 11);
    if (len % 2 === 1) pack(ALNUM.indexOf(s.charAt(i - 1)), 6);
  } else for (const b of data as number[]) pack(b, 8);
  pack(0, 4);
  if (remaining < 8) buf.push(bits);
  while (buf.length + 1 < maxLen) buf.push(0xec, 0x11);
  if (buf.length < maxLen) buf.push(0xec);
  return buf;
}

function ecc(poly: number[], gen: number[]): number[] {
  const m = [...poly, ...new Array<number>(gen.length).fill(0)];
  for (let i = 0; i < poly.length; ) {
    const q = GF_LOG[m[i++]!]!;
    if (q >= 0) for (let j = 0; j < gen.length; ++j) m[i + j]! ^= GF_EXP[(q + gen[j]!) % 255]!;
  }
  return m.slice(poly.length);
}

/** Data split into blocks, each block's error correction added, all interleaved. */
function withEcc(poly: number[], blocks: number, gen: number[]): number[] {
  const starts: number[] = [];
  const size = Math.floor(poly.length / blocks);
  const pivot = blocks - (poly.length % blocks);
  let at = 0;
  for (let i = 0; i < pivot; ++i) {
    starts.push(at);
    at += size;
  }
  for (let i = pivot; i < blocks; ++i) {
    starts.push(at);
    at += size + 1;
  }
  starts.push(at);
  const eccs = Array.from({ length: blocks }, (_, i) => ecc(poly.slice(starts[i], starts[i + 1]), gen));
  const out: number[] = [];
  for (let i = 0; i < size; ++i) for (let j = 0; j < blocks; ++j) out.push(poly[starts[j]! + i]!);
  for (let j = pivot; j < blocks; ++j) out.push(poly[starts[j + 1]! - 1]!);
  for (let i = 0; i < gen.length; ++i) for (let j = 0; j < blocks; ++j) out.push(eccs[j]![i]!);
  return out;
}

function bch(poly: number, p: number, gen: number, q: number): number {
  let m = poly << q;
  for (let i = p - 1; i >= 0; --i) if ((m >> (q + i)) & 1) m ^= gen << i;
  return (poly << q) | m;
}

/** n × n modules (1 dark) and which of them are function patterns (not data). */
function baseMatrix(ver: number): { n: number; matrix: Uint8Array; reserved: Uint8Array } {
  const n = 4 * ver + 17;
  const matrix = new Uint8Array(n * n);
  const reserved = new Uint8Array(n * n);
  const blit = (y: number, x: number, h: number, w: number, bits: number[]) => {
    for (let i = 0; i < h; ++i)
      for (let j = 0; j < w; ++j) {
        matrix[(y + i) * n + x + j] = (bits[i]! >> j) & 1;
        reserved[(y + i) * n + x + j] = 1;
      }
  };
  blit(0, 0, 9, 9, [0x7f, 0x41, 0x5d, 0x5d, 0x5d, 0x41, 0x17f, 0x00, 0x40]);
  blit(n - 8, 0, 8, 9, [0x100, 0x7f, 0x41, 0x5d, 0x5d, 0x5d, 0x41, 0x7f]);
  blit(0, n - 8, 9, 8, [0xfe, 0x82, 0xba, 0xba, 0xba, 0x82, 0xfe, 0x00, 0x00]);
  for (let i = 9; i < n - 8; ++i) {
    matrix[6 * n + i] = matrix[i * n + 6] = ~i & 1;
    reserved[6 * n + i] = reserved[i * n + 6] = 1;
  }
  const aligns = versionInfo(ver)[2];
  const m = aligns.length;
  for (let i = 0; i < m; ++i) {
    const minj = i === 0 || i === m - 1 ? 1 : 0;
    const maxj = i === 0 ? m - 1 : m;
    for (let j = minj; j < maxj; ++j) blit(aligns[i]!, aligns[j]!, 5, 5, [0x1f, 0x11, 0x15, 0x11, 0x1f]);
  }
  if (ver > 6) {
    const code = bch(ver, 6, 0x1f25, 12);
    let k = 0;
    for (let i = 0; i < 6; ++i)
      for (let j = 0; j < 3; ++j) {
        matrix[i * n + n - 11 + j] = matrix[(n - 11 + j) * n + i] = (code >> k++) & 1;
        reserved[i * n + n - 11 + j] = reserved[(n - 11 + j) * n + i] = 1;
      }
  }
  return { n, matrix, reserved };
}

function putData(n: number, matrix: Uint8Array, reserved: Uint8Array, buf: number[]): void {
  let k = 0;
  let dir = -1;
  for (let i = n - 1; i >= 0; i -= 2) {
    if (i === 6) --i;
    let jj = dir < 0 ? n - 1 : 0;
    for (let j = 0; j < n; ++j) {
      for (let ii = i; ii > i - 2; --ii)
        if (!reserved[jj * n + ii]) {
          matrix[jj * n + ii] = ((buf[k >> 3] ?? 0) >> (~k & 7)) & 1;
          ++k;
        }
      jj += dir;
    }
    dir = -dir;
  }
}

const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (((i / 2) | 0) + ((j / 3) | 0)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];
/** Each mask's pattern for a size (1 where it flips a module), made once per size. */
const patterns = new Map<number, Uint8Array[]>();
function maskPatterns(n: number): Uint8Array[] {
  let p = patterns.get(n);
  if (!p) {
    p = MASKS.map((f) => {
      const a = new Uint8Array(n * n);
      for (let i = 0; i < n; ++i) for (let j = 0; j < n; ++j) a[i * n + j] = f(i, j) ? 1 : 0;
      return a;
    });
    patterns.set(n, p);
  }
  return p;
}

/** `out` = the data modules of `matrix` flipped by a mask's pattern, the function patterns as they are. */
function applyMask(matrix: Uint8Array, reserved: Uint8Array, pattern: Uint8Array, out: Uint8Array): void {
  for (let k = 0; k < matrix.length; ++k) out[k] = reserved[k] ? matrix[k]! : matrix[k]! ^ pattern[k]!;
}

function putFormat(n: number, matrix: Uint8Array, ecc: number, mask: number): void {
  const code = bch((ecc << 3) | mask, 5, 0x537, 10) ^ 0x5412;
  const rows = [0, 1, 2, 3, 4, 5, 7, 8, n - 7, n - 6, n - 5, n - 4, n - 3, n - 2, n - 1];
  const cols = [n - 1, n - 2, n - 3, n - 4, n - 5, n - 6, n - 7, n - 8, 7, 5, 4, 3, 2, 1, 0];
  for (let i = 0; i < 15; ++i) matrix[rows[i]! * n + 8] = matrix[8 * n + cols[i]!] = (code >> i) & 1;
}

/**
 * The penalty of one row (`step` 1) or column (`step` n), as pdfmake scores it: runs of five or more, and finder-like
 * runs (JIS X 0510:2004 8.8.2, its finder-like rule as pdfmake wrote it). `groups` gets the runs: [0, dark, light, …].
 */
function linePenalty(m: Uint8Array, start: number, step: number, n: number, groups: Int32Array): number {
  let len = 0;
  groups[len++] = 0;
  for (let j = 0, at = start; j < n; ) {
    let k = 0;
    for (; j < n && m[at]; ++j, at += step) ++k;
    groups[len++] = k;
    k = 0;
    for (; j < n && !m[at]; ++j, at += step) ++k;
    groups[len++] = k;
  }
  let s = 0;
  for (let i = 0; i < len; ++i) if (groups[i]! >= 5) s += 3 + (groups[i]! - 5);
  for (let i = 5; i < len; i += 2) {
    const p = groups[i]!;
    if (
      groups[i - 1] === p &&
      groups[i - 2] === 3 * p &&
      groups[i - 3] === p &&
      groups[i - 4] === p &&
      (groups[i - 5]! >= 4 * p || (i + 1 < len && groups[i + 1]! >= 4 * p))
    )
      s += 40;
  }
  return s;
}

/** A masked matrix's penalty (lower is better): its rows and columns, 2 × 2 blocks, distance from half dark. */
function penalty(n: number, m: Uint8Array, groups: Int32Array): number {
  let total = 0;
  let dark = 0;
  for (let i = 0; i < n; ++i) {
    total += linePenalty(m, i * n, 1, n, groups) + linePenalty(m, i, n, n, groups);
    const row = i * n;
    dark += m[row]!;
    for (let j = 1; j < n; ++j) {
      const p = m[row + j]!;
      dark += p;
      if (i + 1 < n && m[row + j - 1] === p && m[row + n + j] === p && m[row + n + j - 1] === p) total += 3;
    }
  }
  return total + 10 * ((Math.abs(dark / n / n - 0.5) / 0.05) | 0);
}

/** The QR module matrix of a text (true = dark): smallest version, mode as pdfmake picks it, best mask. */
export function qrCode(text: string, eccLevel = 'M'): boolean[][] {
  const level = ECC[eccLevel.toUpperCase()]!;
  const mode: Mode = /^\d*$/.test(text)
    ? MODE.numeric
    : /^[A-Z0-9 $%*+\-./:]*$/.test(text)
      ? MODE.alphanumeric
      : MODE.octet;
  const data = mode === MODE.octet ? octets(text) : text;
  let ver = 1;
  while (ver <= 40 && data.length > maxLength(ver, mode, level)) ver++;
  if (ver > 40) throw new Error('too large data for the Qr format');
  const v = versionInfo(ver);
  const buf = withEcc(encodeData(ver, mode, data, dataBits(ver, level) >> 3), v[1][level]!, GENPOLY[v[0][level]!]!);
  const { n, matrix, reserved } = baseMatrix(ver);
  putData(n, matrix, reserved, buf);
  const groups = new Int32Array(2 * n + 2);
  const masks = maskPatterns(n);
  const work = new Uint8Array(n * n);
  let best = 0;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 8; ++mask) {
    applyMask(matrix, reserved, masks[mask]!, work);
    putFormat(n, work, level, mask);
    const s = penalty(n, work, groups);
    if (s < bestScore) {
      bestScore = s;
      best = mask;
    }
  }
  applyMask(matrix, reserved, masks[best]!, work);
  putFormat(n, work, level, best);
  const rows: boolean[][] = [];
  for (let i = 0; i < n; ++i) {
    const row = new Array<boolean>(n);
    for (let j = 0; j < n; ++j) row[j] = work[i * n + j] === 1;
    rows.push(row);
  }
  return rows;
}
