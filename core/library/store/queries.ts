// Reading the library: lists, filter facets, history, diffs, the documents search indexes, the assembler's view.
import type { ClauseVersion, DocType, Library } from '@core/model/library.js';
import { diffStats, diffText, type DiffGranularity } from './diff.js';
import type { ClauseFilter } from './inputs.js';
import { clauseOf, latestApprovedOf, latestLiveOf, latestOf, toClauseVersion, variantOf, versionOf } from './lookup.js';
import type { ClauseSummary, HistoryEntry, VersionDiff, VersionRef } from './results.js';
import { VERSION_STATUSES, type StoreData } from './schema.js';
import type { SearchDoc } from './search.js';

/** One row per clause variant, filtered. */
export function listClauses(d: StoreData, filter: ClauseFilter): ClauseSummary[] {
  const out: ClauseSummary[] = [];
  for (const c of d.clauses) {
    if (filter.category !== undefined && c.category !== filter.category) continue;
    if (filter.tag !== undefined && !c.tags.includes(filter.tag)) continue;
    if (filter.docType !== undefined && !c.docTypes.includes(filter.docType)) continue;
    if (filter.owner !== undefined && c.owner !== filter.owner) continue;
    for (const v of c.variants) {
      const statuses = VERSION_STATUSES.filter((s) => v.versions.some((x) => x.status === s));
      if (filter.status !== undefined && !statuses.includes(filter.status)) continue;
      const l = latestOf(v);
      const a = latestApprovedOf(v);
      out.push({
        clauseId: c.id,
        variant: v.name,
        title: c.title,
        category: c.category,
        tags: [...c.tags],
        docTypes: [...c.docTypes],
        owner: c.owner,
        latest: {
          version: l.version,
          status: l.status,
          author: l.author,
          createdAt: l.createdAt,
          changeNote: l.changeNote,
        },
        ...(a ? { latestApproved: a.version } : {}),
        statuses,
      });
    }
  }
  return out;
}

export function facets(d: StoreData): { categories: string[]; tags: string[]; owners: string[]; docTypes: DocType[] } {
  const uniq = <T>(xs: T[]) => [...new Set(xs)].sort() as T[];
  return {
    categories: uniq(d.clauses.map((c) => c.category)),
    tags: uniq(d.clauses.flatMap((c) => c.tags)),
    owners: uniq(d.clauses.map((c) => c.owner)),
    docTypes: uniq(d.clauses.flatMap((c) => c.docTypes)),
  };
}

export function history(d: StoreData, clauseId: string, variant?: string): HistoryEntry[] {
  const c = clauseOf(d, clauseId);
  const variants = variant === undefined ? c.variants : [variantOf(d, clauseId, variant)];
  return variants
    .flatMap((v) => v.versions.map((x) => ({ ...structuredClone(x), clauseId, variant: v.name })))
    .sort((a, b) => (a.createdAt === b.createdAt ? b.version - a.version : a.createdAt < b.createdAt ? 1 : -1));
}

export function diffVersions(
  d: StoreData,
  from: VersionRef,
  to: VersionRef,
  granularity: DiffGranularity,
): VersionDiff {
  const a = versionOf(d, from);
  const b = versionOf(d, to);
  const segments = diffText(a.body, b.body, granularity);
  const va = new Map(a.variables.map((v) => [v.key, JSON.stringify(v)]));
  const vb = new Map(b.variables.map((v) => [v.key, JSON.stringify(v)]));
  return {
    from,
    to,
    granularity,
    segments,
    stats: diffStats(segments),
    variables: {
      added: [...vb.keys()].filter((k) => !va.has(k)),
      removed: [...va.keys()].filter((k) => !vb.has(k)),
      changed: [...va.keys()].filter((k) => vb.has(k) && vb.get(k) !== va.get(k)),
    },
  };
}

/** What search indexes: each variant's latest live version with its clause's fields. */
export function searchDocs(d: StoreData): SearchDoc[] {
  return d.clauses.flatMap((c) =>
    c.variants.map((v) => {
      const live = latestLiveOf(v);
      return {
        id: `${c.id}/${v.name}`,
        clauseId: c.id,
        variant: v.name,
        version: live.version,
        title: c.title,
        category: c.category,
        tags: c.tags.join(' '),
        labels: live.variables.map((x) => x.label).join(' '),
        body: live.body,
      };
    }),
  );
}

export function toLibrary(d: StoreData, include: 'latest-approved' | 'all'): Library {
  const clauses: ClauseVersion[] = [];
  for (const c of d.clauses)
    for (const v of c.variants) {
      if (include === 'all') for (const x of v.versions) clauses.push(toClauseVersion(c, v.name, x));
      else {
        const a = latestApprovedOf(v);
        if (a) clauses.push(toClauseVersion(c, v.name, a));
      }
    }
  return { clauses, blueprints: d.blueprints.map(({ origin: _o, ...b }) => structuredClone(b)) };
}
