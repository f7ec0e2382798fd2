// The shape of library.json (zod), its schema version, and the migrations that bring older files up to date.
import { z } from 'zod';
import { blueprintSchema, DOC_TYPES, whenSchema } from '@core/model/library.js';
import { variableSchema } from '@core/model/variables.js';
import { bilingual } from '../../model/zodDetail.js';

/** The schema version this code writes. Older files are migrated on open; newer ones are refused. */
export const STORE_SCHEMA_VERSION = 3;

export const VERSION_STATUSES = ['draft', 'in_review', 'approved', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** Where a version came from: the built-in templates, a person editing in BidForge, or an imported pack. */
export const ORIGINS = ['builtin', 'user', 'pack'] as const;
export type Origin = (typeof ORIGINS)[number];

export const isoTime = z
  .string()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)),
    bilingual('应为 ISO 格式的时间，如 2026-05-01T08:00:00.000Z', 'expected an ISO time like 2026-05-01T08:00:00.000Z'),
  );

export const clauseIdSchema = z
  .string()
  .refine(
    (s) => /^[a-z][a-z0-9-]*$/.test(s),
    bilingual(
      '条款标识只能用小写字母、数字和连字符，并以字母开头',
      'clause ids are lower-kebab-case (lower-case letters, digits and hyphens, starting with a letter)',
    ),
  );

export const storedVersionSchema = z.object({
  version: z.number().int().positive(),
  body: z.string(),
  variables: z.array(variableSchema),
  status: z.enum(VERSION_STATUSES),
  author: z.string(),
  reviewer: z.string().optional(),
  createdAt: isoTime,
  decidedAt: isoTime.optional(),
  changeNote: z.string(),
  rejectReason: z.string().optional(),
  /** Approved by its own author in single-reviewer mode (设置): the history shows 单人审核. */
  singleReviewer: z.boolean().optional(),
  origin: z.enum(ORIGINS).default('user'),
  /** The clause is included only when this holds (schema 3); part of the content, like body and variables. */
  when: whenSchema.optional(),
});
export type StoredVersion = z.infer<typeof storedVersionSchema>;

export const storedVariantSchema = z
  .object({
    name: z.string().min(1),
    versions: z.array(storedVersionSchema).min(1),
  })
  .superRefine((v, ctx) => {
    v.versions.forEach((ver, i) => {
      if (ver.version !== i + 1)
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'version'],
          ...bilingual(
            `应为第 ${i + 1} 版，实际是第 ${ver.version} 版（版本按 1、2、3… 依次编号）`,
            `expected version ${i + 1}, found ${ver.version} (versions are numbered 1, 2, 3… in order)`,
          ),
        });
    });
  });
export type StoredVariant = z.infer<typeof storedVariantSchema>;

const uniqueVariableKeys = (vars: { key: string }[]) => new Set(vars.map((v) => v.key)).size === vars.length;

/** A clause's descriptive fields, the same in the store and in packs. */
export const clauseHeaderShape = {
  id: clauseIdSchema,
  category: z.string().min(1),
  title: z.string().min(1),
  tags: z.array(z.string()),
  docTypes: z.array(z.enum(DOC_TYPES)).min(1),
  owner: z.string(),
  reviewIntervalMonths: z.number().int().min(1).max(120),
};

export const storedClauseSchema = z
  .object({
    ...clauseHeaderShape,
    lastReviewedAt: isoTime,
    variants: z.array(storedVariantSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.variants.forEach((v, i) => {
      if (seen.has(v.name))
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'name'],
          ...bilingual(`变体“${v.name}”出现了两次`, `the variant “${v.name}” appears twice`),
        });
      seen.add(v.name);
      v.versions.forEach((ver, j) => {
        if (!uniqueVariableKeys(ver.variables))
          ctx.addIssue({
            code: 'custom',
            path: ['variants', i, 'versions', j, 'variables'],
            ...bilingual('有变量名被声明了两次', 'a variable key is declared twice'),
          });
      });
    });
  });
export type StoredClause = z.infer<typeof storedClauseSchema>;

export const storedBlueprintSchema = blueprintSchema.extend({ origin: z.enum(ORIGINS).default('user') });
export type StoredBlueprint = z.infer<typeof storedBlueprintSchema>;

export const pinSchema = z.object({
  clauseId: z.string(),
  variant: z.string(),
  version: z.number().int().positive(),
  pinnedAt: isoTime,
});
export type Pin = z.infer<typeof pinSchema>;

export const projectRecordSchema = z.object({
  projectId: z.string().min(1),
  name: z.string(),
  lastUsedAt: isoTime,
  pins: z.array(pinSchema),
});
export type ProjectRecord = z.infer<typeof projectRecordSchema>;

export const storeDataSchema = z
  .object({
    schemaVersion: z.literal(STORE_SCHEMA_VERSION),
    clauses: z.array(storedClauseSchema),
    blueprints: z.array(storedBlueprintSchema),
    projects: z.array(projectRecordSchema),
    /** The built-in templates' fingerprint (builtinsStamp.ts) this store was last brought up to date with. */
    builtinsChecked: z.string().optional(),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    d.clauses.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: ['clauses', i, 'id'],
          ...bilingual(`条款“${c.id}”出现了两次`, `the clause “${c.id}” appears twice`),
        });
      ids.add(c.id);
    });
    const bps = new Set<string>();
    d.blueprints.forEach((b, i) => {
      if (bps.has(b.id))
        ctx.addIssue({
          code: 'custom',
          path: ['blueprints', i, 'id'],
          ...bilingual(`蓝本“${b.id}”出现了两次`, `the blueprint “${b.id}” appears twice`),
        });
      bps.add(b.id);
    });
    const projects = new Set<string>();
    d.projects.forEach((p, i) => {
      if (projects.has(p.projectId))
        ctx.addIssue({
          code: 'custom',
          path: ['projects', i, 'projectId'],
          ...bilingual(`项目“${p.projectId}”出现了两次`, `the project “${p.projectId}” appears twice`),
        });
      projects.add(p.projectId);
      p.pins.forEach((pin, j) => {
        const variant = d.clauses.find((c) => c.id === pin.clauseId)?.variants.find((v) => v.name === pin.variant);
        if (!variant || pin.version > variant.versions.length)
          ctx.addIssue({
            code: 'custom',
            path: ['projects', i, 'pins', j],
            ...bilingual(
              `固定了条款 ${pin.clauseId}/${pin.variant} 第 ${pin.version} 版，但条款库中没有这一版`,
              `pins ${pin.clauseId}/${pin.variant} v${pin.version}, which is not in the library`,
            ),
          });
      });
    });
  });
export type StoreData = z.infer<typeof storeDataSchema>;

export function emptyStore(): StoreData {
  return { schemaVersion: STORE_SCHEMA_VERSION, clauses: [], blueprints: [], projects: [] };
}
