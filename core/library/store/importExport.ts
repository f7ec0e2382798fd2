// Packs in and out of the store data, and the built-in templates merged in like a pack (also to seed a new store).
import type { Library } from '@core/model/library.js';
import { badRequest, notFound, refusal, type ExportRequest, type ImportResolutions } from './inputs.js';
import { clauseOf, latestApprovedOf, latestLiveOf } from './lookup.js';
import { applyPayload, builtinPayload, classifyPayload, type ImportPreview, type MergeReport } from './merge.js';
import { assertImportable, assertNoLookalikes, makePack, type BidForgePack, type PackClause } from './pack.js';
import { emptyStore, type StoreData } from './schema.js';

/** A pack of the chosen clauses (latest approved version of each variant) and blueprints, with its checksum. */
export function exportPack(d: StoreData, request: ExportRequest, now: Date): BidForgePack {
  const clauses: PackClause[] = [];
  for (const id of [...new Set(request.clauseIds)]) {
    const c = clauseOf(d, id);
    const variants = c.variants.flatMap((v) => {
      const pick = request.includeUnapproved ? latestLiveOf(v) : latestApprovedOf(v);
      if (!pick || pick.status === 'retired') return [];
      const { origin: _o, ...version } = structuredClone(pick);
      return [{ name: v.name, version }];
    });
    if (!variants.length) throw refusal('not_approved', 'export', `条款 ${id} 没有已批准的版本可以导出`, { id });
    clauses.push({
      id: c.id,
      category: c.category,
      title: c.title,
      tags: [...c.tags],
      docTypes: [...c.docTypes],
      owner: c.owner,
      reviewIntervalMonths: c.reviewIntervalMonths,
      variants,
    });
  }
  const blueprints = [...new Set(request.blueprintIds)].map((id) => {
    const b = d.blueprints.find((x) => x.id === id);
    if (!b) throw notFound('blueprint', `没有蓝本 ${id}`, { id });
    const { origin: _o, ...rest } = structuredClone(b);
    return rest;
  });
  return assertImportable(makePack({ clauses, blueprints }, now));
}

export function previewImport(d: StoreData, p: BidForgePack): ImportPreview {
  assertNoLookalikes(d, p.payload);
  const { items, warnings } = classifyPayload(d, p.payload);
  const counts = { new: 0, identical: 0, conflicting: 0 };
  for (const i of items) counts[i.status]++;
  return { createdAt: p.createdAt, checksum: p.checksum, items, counts, warnings };
}

/** Imports a parsed pack; every conflicting item needs a resolution, else nothing changes. */
export function applyImport(d: StoreData, p: BidForgePack, res: ImportResolutions, now: Date): MergeReport {
  assertNoLookalikes(d, p.payload);
  const { items } = classifyPayload(d, p.payload);
  const keys = new Set(items.map((i) => i.key));
  const unknown = Object.keys(res).filter((k) => !keys.has(k));
  if (unknown.length)
    throw badRequest('not_in_pack', `这些条目不在条款包中：${unknown.join('、')}`, {
      items: unknown.join('、'),
      itemsEn: unknown.join(', '),
    });
  const missing = items.filter((i) => i.status === 'conflicting' && !res[i.key]).map((i) => i.key);
  if (missing.length)
    throw refusal(
      'unresolved_conflicts',
      'choose',
      `以下有冲突的条目还没有选择处理方式（保留我的、采用对方的或两者都保留）：${missing.join('、')}`,
      { items: missing.join('、'), itemsEn: missing.join(', ') },
    );
  return applyPayload(d, p.payload, { now, origin: 'pack', decide: (item) => res[item.key]! });
}

/**
 * A changed built-in clause becomes a new approved version when my latest version of it is still the built-in one,
 * and is reported as a conflict (nothing changed) when someone edited it here. Built-in blueprints likewise.
 */
export function mergeBuiltins(d: StoreData, lib: Library, now: Date): MergeReport {
  return applyPayload(d, builtinPayload(lib, now), {
    now,
    origin: 'builtin',
    decide: (item, mine) =>
      mine.origin === 'builtin'
        ? item.kind === 'clause'
          ? { takeTheirs: true, status: 'approved' }
          : 'take-theirs'
        : { conflict: true },
  });
}

/** The data of a new store: empty, or the built-in library when there is one. */
export function seedData(lib: Library | undefined, now: Date): { data: StoreData; seeded?: MergeReport } {
  const data = emptyStore();
  if (!lib) return { data };
  const seeded = applyPayload(data, builtinPayload(lib, now), {
    now,
    origin: 'builtin',
    decide: () => ({ conflict: true }),
  });
  return { data, seeded };
}

/** The built-in templates as a pack, e.g. to resolve built-in conflicts with previewImport/applyImport. */
export function builtinPackOf(lib: Library, now: Date): BidForgePack {
  return makePack(builtinPayload(lib, now), now);
}
