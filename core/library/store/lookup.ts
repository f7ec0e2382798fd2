// Finding clauses, variants and versions in store data, and the version shape the assembler reads.
import type { ClauseVersion } from '@core/model/library.js';
import { notFound } from './inputs.js';
import type { VersionRef } from './results.js';
import type { StoreData, StoredClause, StoredVariant, StoredVersion } from './schema.js';

export const refText = (r: VersionRef) => `${r.clauseId}/${r.variant} v${r.version}`;

export function clauseOf(d: StoreData, id: string): StoredClause {
  const c = d.clauses.find((x) => x.id === id);
  if (!c) throw notFound('clause', `条款库中没有条款 ${id}`, { id });
  return c;
}
export function variantOf(d: StoreData, id: string, variant: string): StoredVariant {
  const v = clauseOf(d, id).variants.find((x) => x.name === variant);
  if (!v) throw notFound('variant', `条款 ${id} 没有变体“${variant}”`, { id, variant });
  return v;
}
export function versionOf(d: StoreData, r: VersionRef): StoredVersion {
  const v = variantOf(d, r.clauseId, r.variant).versions[r.version - 1];
  if (!v) throw notFound('version', `条款 ${r.clauseId}/${r.variant} 没有第 ${r.version} 版`, { ...r });
  return v;
}
export const latestOf = (v: StoredVariant) => v.versions[v.versions.length - 1]!;
export const latestApprovedOf = (v: StoredVariant) => [...v.versions].reverse().find((x) => x.status === 'approved');
export const latestLiveOf = (v: StoredVariant) =>
  [...v.versions].reverse().find((x) => x.status !== 'retired') ?? latestOf(v);

export function toClauseVersion(c: StoredClause, variant: string, v: StoredVersion): ClauseVersion {
  return {
    id: c.id,
    category: c.category,
    title: c.title,
    tags: [...c.tags],
    docTypes: [...c.docTypes],
    variant,
    version: v.version,
    status: v.status,
    author: v.author,
    changeNote: v.changeNote,
    variables: structuredClone(v.variables),
    body: v.body,
    owner: c.owner,
    reviewIntervalMonths: c.reviewIntervalMonths,
    ...(v.when ? { when: structuredClone(v.when) } : {}),
  };
}
