// Library packs (.bfpack.json): the envelope, its checksum, and validation. Classification and merging live in store.ts.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { BidForgeError } from '@core/model/problem.js';
import { forbiddenConstruct, MAX_TEMPLATE_CHARS, TemplateError, validateTemplate } from '@core/assemble/template.js';
import { lookalikeProblem, nameError, nameKey, nameSchema, showInvisible } from '@core/text/names.js';
import { problemText } from '@core/i18n/problemText.js';
import { bilingual, jsonWhere, zodDetail } from '../../model/zodDetail.js';
import { clauseHeaderShape, isoTime, storedBlueprintSchema, storedVersionSchema, type StoreData } from './schema.js';

export const PACK_FORMAT = 'bidforge-pack';
export const PACK_SCHEMA_VERSION = 1;
export const PACK_EXTENSION = '.bfpack.json';

/** One version per variant travels: the latest approved (or the latest, when asked to include unapproved work). */
// A body longer than any template may be is refused here, before the conflict preview diffs it (an O(N·D) diff of a
// huge body would stall the import screen).
export const packVersionSchema = storedVersionSchema.omit({ origin: true }).extend({
  body: z.string().max(MAX_TEMPLATE_CHARS, `条款正文过长（上限 ${MAX_TEMPLATE_CHARS} 字符）`),
});
export type PackVersion = z.infer<typeof packVersionSchema>;

/** Longest author or reviewer name an import preview shows (a longer one is cut, with …). */
export const PACK_PERSON_SHOWN = 100;

/**
 * An author's or reviewer's name as written in a pack, made safe to show the way a signer's is: NFKC, each invisible
 * character (zero-width, bidi override …) shown as [U+XXXX], so no name can hide or reorder text; at most 100 characters.
 */
export function showPackPerson(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const chars = [...showInvisible(name.normalize('NFKC'))];
  return chars.length > PACK_PERSON_SHOWN ? `${chars.slice(0, PACK_PERSON_SHOWN).join('')}…` : chars.join('');
}

/**
 * Why a pack version may not travel, if it may not: a forbidden construct (raw output, partials, prototype names,
 * log/lookup) in any version; for one approved or in review, anything that could not render (a syntax error too) —
 * a half-written draft may travel when unapproved work is asked for. Over-long bodies are named by the schema above.
 */
export function packRefusal(version: Pick<PackVersion, 'body' | 'status'>): string | undefined {
  if (version.body.length > MAX_TEMPLATE_CHARS)
    return `条款正文过长（${version.body.length} 字符，上限 ${MAX_TEMPLATE_CHARS}）`;
  if (version.status !== 'approved' && version.status !== 'in_review') return forbiddenConstruct(version.body);
  try {
    validateTemplate(version.body);
    return undefined;
  } catch (e) {
    if (e instanceof TemplateError) return e.message;
    throw e;
  }
}

/** A pack BidForge would refuse to import is not made: the export names the version and why. */
export function assertImportable(pack: BidForgePack): BidForgePack {
  for (const c of pack.payload.clauses)
    for (const v of c.variants) {
      const why = packRefusal(v.version);
      if (why)
        throw new BidForgeError(
          'bad_template',
          `不能导出：条款 ${c.id}/${v.name} 第 ${v.version.version} 版${v.version.status === 'approved' ? '' : '（未审批）'}：${why}。这样的包导入时会被拒绝；请先修改该版本，或不包含未审批的版本再导出。`,
          [{ severity: 'error', code: 'bad_template', message: why, clause: c.id }],
        );
    }
  return pack;
}

// Titles and variant names are names (core/text/names.ts): normalised, and refused with an invisible character in them,
// so "标准" plus a zero-width space never arrives as a variant beside 标准. Two variants that look alike are refused too.
export const packClauseSchema = z
  .object({
    ...clauseHeaderShape,
    title: nameSchema('clauseTitle'),
    variants: z.array(z.object({ name: nameSchema('variant', { max: 100 }), version: packVersionSchema })).min(1),
  })
  .superRefine((c, ctx) => {
    const seen = new Map<string, string>();
    c.variants.forEach((v, i) => {
      const twin = seen.get(nameKey(v.name));
      if (twin !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'name'],
          ...(twin === v.name
            ? bilingual(`变体“${v.name}”出现了两次`, `the variant “${v.name}” appears twice`)
            : bilingual(
                `变体名称“${v.name}”与同一条款的“${twin}”看起来相同，容易混淆`,
                `the variant name “${v.name}” looks the same as “${twin}” of the same clause and would be mistaken for it`,
              )),
        });
      seen.set(nameKey(v.name), v.name);
      // Refused here, so it never reaches the store (rendering refuses it too). Over-long bodies are named above.
      const why = v.version.body.length <= MAX_TEMPLATE_CHARS && packRefusal(v.version);
      if (why)
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'version', 'body'],
          ...bilingual(
            `条款 ${c.id}/${v.name} 第 ${v.version.version} 版：${why}`,
            `clause ${c.id}/${v.name} version ${v.version.version}: ${problemText({ severity: 'error', code: 'template', message: why }, 'en')}`,
          ),
        });
    });
  });
export type PackClause = z.infer<typeof packClauseSchema>;

export const packBlueprintSchema = storedBlueprintSchema.omit({ origin: true });
export type PackBlueprint = z.infer<typeof packBlueprintSchema>;

export const packPayloadSchema = z
  .object({ clauses: z.array(packClauseSchema), blueprints: z.array(packBlueprintSchema) })
  .superRefine((p, ctx) => {
    const dup = (ids: string[], key: 'clauses' | 'blueprints') =>
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i)
          ctx.addIssue({
            code: 'custom',
            path: [key, i, 'id'],
            ...(key === 'clauses'
              ? bilingual(`条款“${id}”出现了两次`, `the clause “${id}” appears twice`)
              : bilingual(`蓝本“${id}”出现了两次`, `the blueprint “${id}” appears twice`)),
          });
      });
    dup(
      p.clauses.map((c) => c.id),
      'clauses',
    );
    dup(
      p.blueprints.map((b) => b.id),
      'blueprints',
    );
  });
export type PackPayload = z.infer<typeof packPayloadSchema>;

/** Who signed the pack (core/library/packSigning.ts): an Ed25519 key, the name it signed as, and the signature. */
export const packSignatureSchema = z.object({
  algorithm: z.literal('Ed25519'),
  publicKey: z
    .string()
    .refine(
      (s) => /^[A-Za-z0-9+/]{43}=$/.test(s),
      bilingual('应为 base64 编码的 Ed25519 公钥', 'expected a base64 Ed25519 public key'),
    ),
  signer: z.string().max(200),
  value: z
    .string()
    .refine(
      (s) => /^[A-Za-z0-9+/]{86}==$/.test(s),
      bilingual('应为 base64 编码的 Ed25519 签名', 'expected a base64 Ed25519 signature'),
    ),
});
export type PackSignature = z.infer<typeof packSignatureSchema>;

const envelopeSchema = z.object({
  format: z.literal(PACK_FORMAT),
  schemaVersion: z.number().int().positive(),
  createdAt: isoTime,
  checksum: z
    .string()
    .refine(
      (s) => /^[0-9a-f]{64}$/.test(s),
      bilingual('应为 64 位十六进制的 sha256 校验和', 'expected a sha256 checksum of 64 hex digits'),
    ),
  signature: packSignatureSchema.optional(),
  payload: z.unknown(),
});

export type BidForgePack = {
  format: typeof PACK_FORMAT;
  schemaVersion: number;
  createdAt: string;
  /** sha256 (hex) of canonicalJson(payload). */
  checksum: string;
  /** Absent in an unsigned pack (one made before signing, or by hand). */
  signature?: PackSignature;
  payload: PackPayload;
};

/** JSON with object keys sorted and undefined members dropped, so equal data always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return (
    '{' +
    Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',') +
    '}'
  );
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function makePack(payload: PackPayload, createdAt: Date): BidForgePack {
  return {
    format: PACK_FORMAT,
    schemaVersion: PACK_SCHEMA_VERSION,
    createdAt: createdAt.toISOString(),
    checksum: sha256(canonicalJson(payload)),
    payload,
  };
}

type PackWhy = 'not_json' | 'format' | 'envelope' | 'newer' | 'checksum' | 'payload';

/** Refuses a pack, saying why in Chinese; params carry the same details for the English wording (storeText.ts). */
const badPack = (why: PackWhy, reason: string, params: Record<string, string | number> = {}) => {
  const message = `不是可用的 BidForge 条款包：${reason}`;
  return new BidForgeError('bad_pack', message, [
    { severity: 'error', code: 'bad_pack', message, params: { why, ...params } },
  ]);
};

/** Accepts the pack as text or as parsed JSON; throws BidForgeError 'bad_pack' saying what is wrong. */
export function parsePack(input: unknown): BidForgePack {
  let raw = input;
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '');
    try {
      raw = JSON.parse(text);
    } catch (e) {
      const where = jsonWhere(text, e);
      throw badPack('not_json', `文件不是有效的 JSON${where.zh}`, where.params);
    }
  }
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && (raw as { format?: unknown }).format !== PACK_FORMAT) {
    const format = JSON.stringify((raw as { format?: unknown }).format);
    throw badPack(
      'format',
      format === undefined
        ? `文件中没有 format 字段（应为“${PACK_FORMAT}”）`
        : `format 为 ${format}，应为“${PACK_FORMAT}”`,
      { expected: PACK_FORMAT, ...(format === undefined ? {} : { format }) },
    );
  }
  const env = envelopeSchema.safeParse(raw, { reportInput: true });
  if (!env.success) {
    const d = zodDetail(env.error);
    throw badPack('envelope', d.detail, d);
  }
  if (env.data.schemaVersion > PACK_SCHEMA_VERSION)
    throw badPack(
      'newer',
      `它由更新版本的 BidForge 制作（条款包格式第 ${env.data.schemaVersion} 版，本版本最多读取第 ${PACK_SCHEMA_VERSION} 版）：请升级 BidForge 后再导入`,
      { schema: env.data.schemaVersion, max: PACK_SCHEMA_VERSION },
    );
  const actual = sha256(canonicalJson(env.data.payload));
  if (actual !== env.data.checksum) {
    const shown = { expected: env.data.checksum.slice(0, 12), actual: actual.slice(0, 12) };
    throw badPack(
      'checksum',
      `校验和不符：导出后内容被改动过（应为 ${shown.expected}…，实际为 ${shown.actual}…）`,
      shown,
    );
  }
  const payload = packPayloadSchema.safeParse(env.data.payload, { reportInput: true });
  if (!payload.success) {
    const d = zodDetail(payload.error);
    throw badPack('payload', `包内容有误：${d.detail}`, d);
  }
  return {
    format: PACK_FORMAT,
    schemaVersion: env.data.schemaVersion,
    createdAt: env.data.createdAt,
    checksum: env.data.checksum,
    ...(env.data.signature ? { signature: env.data.signature } : {}),
    payload: payload.data,
  };
}

/**
 * Refuses ('bad_name') a pack whose clause variant looks like one this library has under another spelling (“std”
 * beside “Std”, a Cyrillic “А” for a Latin one): it would become a second variant nobody can tell from the first.
 */
export function assertNoLookalikes(d: Pick<StoreData, 'clauses'>, payload: PackPayload): void {
  for (const pc of payload.clauses) {
    const mine = d.clauses.find((c) => c.id === pc.id);
    if (!mine) continue;
    for (const pv of pc.variants) {
      const clash = lookalikeProblem(
        pv.name,
        mine.variants.map((v) => v.name),
        'variant',
      );
      if (clash) throw nameError({ ...clash, clause: pc.id });
    }
  }
}
