// Clause versions and their approval workflow, as changes on store data: draft → in_review → approved → retired,
// in_review → draft on rejection. Body and variables of a written version never change.
import type { z } from 'zod';
import { TemplateError, validateTemplate } from '@core/assemble/template.js';
import { BidForgeError } from '@core/model/problem.js';
import { lookalikeProblem, nameError, nameKey } from '@core/text/names.js';
import { newClauseId } from './clauseId.js';
import {
  refusal,
  type ClauseMetaPatch,
  type editSchema,
  type newClauseSchema,
  type versionInputSchema,
} from './inputs.js';
import { clauseOf, latestLiveOf, latestOf, variantOf, versionOf } from './lookup.js';
import type { VersionRef } from './results.js';
import type { StoreData, StoredVersion, VersionStatus } from './schema.js';

// The English of these refusals is storeText.ts's, from the statuses and the action in params.
const STATUS_ZH: Record<VersionStatus, string> = {
  draft: '草稿',
  in_review: '审核中的版本',
  approved: '已批准的版本',
  retired: '已停用的版本',
};
const ACTION_ZH: Record<string, string> = { submit: '提交审核', approve: '批准', reject: '退回', retire: '停用' };

function transition(v: StoredVersion, r: VersionRef, to: string, allowed: VersionStatus[]): void {
  if (!allowed.includes(v.status))
    throw refusal(
      'bad_transition',
      'status',
      `不能${ACTION_ZH[to] ?? to}条款 ${r.clauseId}/${r.variant} 第 ${r.version} 版：它是${STATUS_ZH[v.status]}（只有${allowed.map((x) => STATUS_ZH[x]).join('或')}可以${ACTION_ZH[to] ?? to}）`,
      { action: to, ...r, status: v.status, allowed: allowed.join(',') },
    );
}

/**
 * A draft may hold anything, so typed work is never lost (the editor shows the render error live); a version goes
 * to review or into use only with a body the renderer accepts: no forbidden construct (the same rule packs are
 * refused for), no syntax error, not over-long. Throws before anything changes.
 */
function assertRenderable(v: StoredVersion, ref: VersionRef, action: 'submit' | 'approve'): void {
  try {
    validateTemplate(v.body);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    const what = action === 'submit' ? '提交审核' : '批准';
    const next = action === 'submit' ? '草稿已保存，请在编辑器中改正后再提交。' : '请退回该版本，改正后重新提交审核。';
    throw new BidForgeError(
      'bad_template',
      `条款 ${ref.clauseId}/${ref.variant} 第 ${ref.version} 版不能${what}：${e.message}。${next}`,
      [{ severity: 'error', code: 'bad_template', message: e.message, clause: ref.clauseId }],
    );
  }
}

export function createClause(d: StoreData, c: z.output<typeof newClauseSchema>, who: string, now: Date): VersionRef {
  // Ids are generated unless a caller (a pack, a test, an older client) brings its own.
  const id = c.id ?? newClauseId(d, c.category);
  if (d.clauses.some((x) => x.id === id)) throw refusal('clause_exists', 'id', `已有标识为 ${id} 的条款`, { id });
  const t = now.toISOString();
  d.clauses.push({
    id,
    category: c.category,
    title: c.title,
    tags: c.tags,
    docTypes: c.docTypes,
    owner: c.owner ?? who,
    reviewIntervalMonths: c.reviewIntervalMonths,
    lastReviewedAt: t,
    variants: [
      {
        name: c.variant,
        versions: [
          {
            version: 1,
            body: c.body,
            variables: c.variables,
            status: 'draft',
            author: who,
            createdAt: t,
            changeNote: c.changeNote,
            origin: 'user',
            ...(c.when ? { when: c.when } : {}),
          },
        ],
      },
    ],
  });
  return { clauseId: id, variant: c.variant, version: 1 };
}

export function addVariant(
  d: StoreData,
  clauseId: string,
  variant: string,
  v: z.output<typeof versionInputSchema>,
  who: string,
  now: Date,
): VersionRef {
  const c = clauseOf(d, clauseId);
  if (c.variants.some((x) => x.name === variant))
    throw refusal('variant_exists', 'name', `条款 ${clauseId} 已有变体“${variant}”`, { clauseId, variant });
  const lookalike = lookalikeProblem(
    variant,
    c.variants.map((x) => x.name),
    'variant',
  );
  if (lookalike) throw nameError({ ...lookalike, clause: clauseId });
  c.variants.push({
    name: variant,
    versions: [
      {
        version: 1,
        body: v.body,
        variables: v.variables,
        status: 'draft',
        author: who,
        createdAt: now.toISOString(),
        changeNote: v.changeNote || '新建变体',
        origin: 'user',
        ...(v.when ? { when: v.when } : {}),
      },
    ],
  });
  return { clauseId, variant, version: 1 };
}

export function editVariant(
  d: StoreData,
  clauseId: string,
  variant: string,
  e: z.output<typeof editSchema>,
  who: string,
  now: Date,
): VersionRef {
  const v = variantOf(d, clauseId, variant);
  const latest = latestOf(v);
  if (e.baseVersion !== undefined && e.baseVersion !== latest.version)
    throw refusal(
      'stale_edit',
      'version',
      `条款 ${clauseId}/${variant} 已被他人修改：编辑器打开的是第 ${e.baseVersion} 版，最新的是第 ${latest.version} 版`,
      { clauseId, variant, base: e.baseVersion, latest: latest.version },
    );
  const start = e.fromVersion === undefined ? latest : versionOf(d, { clauseId, variant, version: e.fromVersion });
  const when = e.when === null ? undefined : (e.when ?? (start.when && structuredClone(start.when)));
  const n = v.versions.length + 1;
  v.versions.push({
    version: n,
    body: e.body ?? start.body,
    variables: e.variables ?? structuredClone(start.variables),
    status: 'draft',
    author: who,
    createdAt: now.toISOString(),
    changeNote: e.changeNote,
    origin: 'user',
    ...(when ? { when } : {}),
  });
  return { clauseId, variant, version: n };
}

export function submit(d: StoreData, ref: VersionRef): void {
  const v = versionOf(d, ref);
  transition(v, ref, 'submit', ['draft']);
  assertRenderable(v, ref, 'submit');
  v.status = 'in_review';
}

/**
 * One person however they typed their name: spaces, full-width letters, letter case, invisible characters or a
 * Cyrillic letter that looks Latin don't make two (core/text/names.ts nameKey).
 */
export const samePerson = (a: string, b: string) => nameKey(a) === nameKey(b);

/**
 * Four eyes: the author of a version approves it only in single-reviewer mode (设置), and then the version says so
 * (`singleReviewer`), so the history shows that nobody else read it.
 */
export function approve(d: StoreData, ref: VersionRef, who: string, now: Date, singleReviewer = false): void {
  const v = versionOf(d, ref);
  transition(v, ref, 'approve', ['in_review']);
  const own = samePerson(v.author, who);
  if (own && !singleReviewer) {
    const title = clauseOf(d, ref.clauseId).title;
    const params = { title, variant: ref.variant, version: ref.version, name: who };
    const message = `“${title}”（${ref.variant}）第 ${ref.version} 版由 ${who} 撰写，不能由本人批准：请另一位审核人批准，或在 设置 中开启单人审核`;
    throw new BidForgeError('own_version', message, [
      { severity: 'error', code: 'own_version', message, clause: ref.clauseId, params },
    ]);
  }
  assertRenderable(v, ref, 'approve');
  v.status = 'approved';
  v.reviewer = who;
  v.decidedAt = now.toISOString();
  if (own) v.singleReviewer = true;
  clauseOf(d, ref.clauseId).lastReviewedAt = v.decidedAt;
}

export function reject(d: StoreData, ref: VersionRef, who: string, why: string, now: Date): void {
  const v = versionOf(d, ref);
  transition(v, ref, 'reject', ['in_review']);
  v.status = 'draft';
  v.reviewer = who;
  v.decidedAt = now.toISOString();
  v.rejectReason = why;
}

export function retire(
  d: StoreData,
  target: { clauseId: string; variant?: string; version?: number },
  who: string,
  now: Date,
): VersionRef[] {
  const c = clauseOf(d, target.clauseId);
  const retired: VersionRef[] = [];
  const t = now.toISOString();
  if (target.variant !== undefined && target.version !== undefined) {
    const ref = { clauseId: c.id, variant: target.variant, version: target.version };
    const v = versionOf(d, ref);
    transition(v, ref, 'retire', ['draft', 'in_review', 'approved']);
    Object.assign(v, { status: 'retired', decidedAt: t, reviewer: who });
    return [ref];
  }
  const variants = target.variant === undefined ? c.variants : [variantOf(d, c.id, target.variant)];
  for (const variant of variants)
    for (const v of variant.versions)
      if (v.status !== 'retired') {
        Object.assign(v, { status: 'retired', decidedAt: t, reviewer: who });
        retired.push({ clauseId: c.id, variant: variant.name, version: v.version });
      }
  if (!retired.length)
    throw refusal(
      'bad_transition',
      'retired',
      `没有可停用的版本：${target.clauseId}${target.variant ? `/${target.variant}` : ''} 已全部停用`,
      { target: `${target.clauseId}${target.variant ? `/${target.variant}` : ''}` },
    );
  return retired;
}

export function updateClauseMeta(d: StoreData, clauseId: string, p: ClauseMetaPatch): void {
  const c = clauseOf(d, clauseId);
  for (const [k, v] of Object.entries(p)) if (v !== undefined) (c as Record<string, unknown>)[k] = v;
}

/** A copy under `newId`, or under an id generated from the category (nobody has to type one). */
export function duplicateClause(
  d: StoreData,
  clauseId: string,
  newId: string | undefined,
  who: string,
  now: Date,
  title?: string,
): string {
  const src = clauseOf(d, clauseId);
  const id = newId ?? newClauseId(d, src.category);
  if (d.clauses.some((x) => x.id === id)) throw refusal('clause_exists', 'id', `已有标识为 ${id} 的条款`, { id });
  const t = now.toISOString();
  d.clauses.push({
    ...structuredClone(src),
    id,
    title: title ?? `${src.title}（副本）`,
    owner: who,
    lastReviewedAt: t,
    variants: src.variants.map((v) => {
      const from = latestLiveOf(v);
      return {
        name: v.name,
        versions: [
          {
            version: 1,
            body: from.body,
            variables: structuredClone(from.variables),
            status: 'draft',
            author: who,
            createdAt: t,
            changeNote: `复制自 ${src.id}/${v.name} v${from.version}`,
            origin: 'user',
            ...(from.when ? { when: structuredClone(from.when) } : {}),
          },
        ],
      };
    }),
  });
  return id;
}
