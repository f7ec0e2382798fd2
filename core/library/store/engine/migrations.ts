// Migrations. MIGRATIONS[n] turns a schema-n file into a schema-(n+1) file. They work on plain JSON (the old shape
// has no zod schema any more) and must not throw on a well-formed old file; the result is validated afterwards.
// A migration refuses what it does not recognise (MigrationError 'malformed', naming where): it never fills a damaged
// part with an empty default. Why: the v1 → v2 migration once read a damaged clause list as [], the store opened
// empty, the built-ins were seeded back, and ten saves later the user's own clauses were gone from every backup.
import { STORE_SCHEMA_VERSION } from '../schema.js';

type Json = Record<string, unknown>;
export type Migration = { description: string; up: (data: Json, now: Date) => Json };

/** What a JSON value is, in a few words: "字符串 \"abc\"", "缺失". */
function shown(x: unknown): string {
  if (x === undefined) return '缺失';
  if (x === null) return 'null';
  if (Array.isArray(x)) return '列表';
  if (typeof x === 'object') return '对象';
  const kind =
    typeof x === 'string' ? '字符串' : typeof x === 'number' ? '数字' : typeof x === 'boolean' ? '布尔值' : typeof x;
  const text = JSON.stringify(x) ?? String(x);
  return `${kind} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/** The same in English: "the string \"abc\"", "missing". */
function shownEn(x: unknown): string {
  if (x === undefined) return 'missing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'object') return 'an object';
  const kind = typeof x === 'string' ? 'the string' : typeof x === 'number' ? 'the number' : `the ${typeof x}`;
  const text = JSON.stringify(x) ?? String(x);
  return `${kind} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/** The list at `path` whose items are all objects; anything else is refused, never read as []. */
function list(x: unknown, path: string): Json[] {
  if (!Array.isArray(x))
    throw new MigrationError(
      'malformed',
      `${path} 应为列表，实际是${shown(x)}`,
      `${path} should be a list, but it is ${shownEn(x)}`,
    );
  x.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item))
      throw new MigrationError(
        'malformed',
        `${path}[${i}] 应为对象，实际是${shown(item)}`,
        `${path}[${i}] should be an object, but it is ${shownEn(item)}`,
      );
  });
  return x as Json[];
}

export const MIGRATIONS: Record<number, Migration> = {
  1: {
    description:
      'v1 → v2: clauses gain an owner, a review interval and a last-review time (for freshness); versions record their origin; projects record when they were last used and when each pin was set',
    up(data, now) {
      const clauses = list(data.clauses, 'clauses').map((c, i) => {
        const variants = list(c.variants, `clauses[${i}].variants`).map((v, j) => ({
          ...v,
          versions: list(v.versions, `clauses[${i}].variants[${j}].versions`),
        }));
        const versions = variants.flatMap((v) => v.versions);
        const times = versions
          .map((v) => String(v.decidedAt ?? v.createdAt ?? ''))
          .filter((t) => t)
          .sort();
        return {
          ...c,
          owner: typeof c.owner === 'string' ? c.owner : String(versions[0]?.author ?? ''),
          reviewIntervalMonths: typeof c.reviewIntervalMonths === 'number' ? c.reviewIntervalMonths : 12,
          lastReviewedAt: times[times.length - 1] ?? now.toISOString(),
          variants: variants.map((v) => ({ ...v, versions: v.versions.map((ver) => ({ origin: 'user', ...ver })) })),
        };
      });
      const blueprints = list(data.blueprints, 'blueprints');
      const projects = list(data.projects, 'projects').map((p, i) => {
        const usedAt = typeof p.updatedAt === 'string' ? p.updatedAt : now.toISOString();
        const { updatedAt: _dropped, ...rest } = p;
        return {
          ...rest,
          lastUsedAt: usedAt,
          pins: list(p.pins, `projects[${i}].pins`).map((pin) => ({ pinnedAt: usedAt, ...pin })),
        };
      });
      return {
        ...data,
        schemaVersion: 2,
        clauses,
        blueprints: blueprints.map((b) => ({ origin: 'user', ...b })),
        projects,
      };
    },
  },
  2: {
    // Nothing to convert. The number moves so that an older BidForge refuses the file instead of dropping the
    // conditions when it saves (its schema would strip the unknown `when`).
    description: 'v2 → v3: clause versions may carry a `when` condition (conditional inclusion)',
    up: (data) => ({ ...data, schemaVersion: 3 }),
  },
};

/** Why a file cannot be migrated: the message in Chinese, messageEn in English, and for too_new the schemas. */
export class MigrationError extends Error {
  constructor(
    readonly kind: 'too_new' | 'bad_version' | 'no_migration' | 'malformed',
    message: string,
    readonly messageEn: string = message,
    readonly params: Record<string, number> = {},
  ) {
    super(message);
  }
}

/** Brings a parsed file up to STORE_SCHEMA_VERSION. Returns the data (not yet validated) and the version it had. */
export function migrate(
  raw: unknown,
  now: Date,
  migrations: Record<number, Migration> = MIGRATIONS,
): { data: unknown; from: number } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new MigrationError('bad_version', '文件中不是一个 JSON 对象', 'the file does not hold a JSON object');
  const from = (raw as Json).schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
    throw new MigrationError(
      'bad_version',
      `schemaVersion 为 ${JSON.stringify(from) ?? '缺失'}，应为不小于 1 的整数`,
      `schemaVersion is ${JSON.stringify(from) ?? 'missing'}, expected a whole number ≥ 1`,
    );
  if (from > STORE_SCHEMA_VERSION)
    throw new MigrationError(
      'too_new',
      `它由更新版本的 BidForge 写入（条款库格式第 ${from} 版，本版本最多读取第 ${STORE_SCHEMA_VERSION} 版）`,
      `it was written by a newer BidForge (library format ${from}; this version reads up to ${STORE_SCHEMA_VERSION})`,
      { schema: from, max: STORE_SCHEMA_VERSION },
    );
  let data = raw as Json;
  for (let v = from; v < STORE_SCHEMA_VERSION; v++) {
    const m = migrations[v];
    if (!m)
      throw new MigrationError(
        'no_migration',
        `没有从第 ${v} 版格式升级到第 ${v + 1} 版的方法`,
        `there is no migration from format ${v} to ${v + 1}`,
      );
    try {
      data = m.up(data, now);
    } catch (e) {
      if (e instanceof MigrationError && e.kind === 'malformed')
        throw new MigrationError(
          'malformed',
          `第 ${v} 版格式的条款库已损坏，无法升级到第 ${v + 1} 版：${e.message}`,
          `the format ${v} library is damaged and cannot be brought up to format ${v + 1}: ${e.messageEn}`,
        );
      throw e;
    }
  }
  return { data, from };
}
