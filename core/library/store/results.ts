// What the store's reading methods return: plain types with no Node imports, so the API contract (which the
// renderer's type check reads) names them instead of restating them.
import type { DiffGranularity, DiffSegment } from './diff.js';
import type { DocType } from '@core/model/library.js';
import type { StoredVersion, VersionStatus } from './schema.js';

export type VersionRef = { clauseId: string; variant: string; version: number };

export type ClauseSummary = {
  clauseId: string;
  variant: string;
  title: string;
  category: string;
  tags: string[];
  docTypes: DocType[];
  owner: string;
  latest: { version: number; status: VersionStatus; author: string; createdAt: string; changeNote: string };
  /** The newest approved version, which new documents use. */
  latestApproved?: number;
  statuses: VersionStatus[];
};

export type HistoryEntry = StoredVersion & { clauseId: string; variant: string };

export type VersionDiff = {
  from: VersionRef;
  to: VersionRef;
  granularity: DiffGranularity;
  segments: DiffSegment[];
  stats: { inserted: number; deleted: number; unchanged: number };
  variables: { added: string[]; removed: string[]; changed: string[] };
};

export type SearchHit = {
  clauseId: string;
  variant: string;
  version: number;
  title: string;
  category: string;
  status: VersionStatus;
  score: number;
  snippet: string;
};

export type FreshnessState = 'ok' | 'due' | 'overdue';
export type FreshnessItem = {
  clauseId: string;
  title: string;
  owner: string;
  reviewIntervalMonths: number;
  lastReviewedAt: string;
  dueAt: string;
  state: FreshnessState;
  /** Whole days until due (negative when overdue). */
  daysLeft: number;
};

export type UsageItem = {
  clauseId: string;
  variant: string;
  title: string;
  /** Number of projects pinning any version of this variant. */
  projects: number;
  /** When a project pinning it was last used. */
  lastUsedAt?: string;
  /** Projects per pinned version. */
  byVersion: Record<number, number>;
};

export type ProjectUse = { projectId: string; name: string; version: number; lastUsedAt: string; pinnedAt: string };

export type OutdatedPin = { clauseId: string; variant: string; title: string; pinned: number; latestApproved: number };
