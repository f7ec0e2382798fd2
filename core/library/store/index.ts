// The clause-library store: open a data folder, then work on clauses, versions, projects' pins and packs.
// Two layers: engine/ stores one JSON file safely (lock, atomic writes, backups, migrations) and knows nothing of
// clauses; the rest is the library domain (store.ts is its entry: versions.ts, queries.ts, projects.ts,
// importExport.ts, search.ts, merge.ts, pack.ts), working on plain data the engine hands it.
export { openStore, builtinPack, LibraryStore, SEARCH_LIMIT, type StoreOptions, type OpenReport } from './store.js';
export { restoreNewestBackup, type RestoreReport } from './engine/restore.js';
export { decodeStore } from './engine/decode.js';
export { addMonths } from './projects.js';
export {
  newClauseSchema,
  versionInputSchema,
  editSchema,
  metaPatchSchema,
  versionRefSchema,
  clauseFilterSchema,
  resolutionsSchema,
  type NewClause,
  type VersionInput,
  type EditInput,
  type ClauseMetaPatch,
  type ClauseFilter,
  type PinInput,
  type ExportRequest,
  type ImportResolutions,
} from './inputs.js';
export type {
  VersionRef,
  ClauseSummary,
  HistoryEntry,
  VersionDiff,
  SearchHit,
  FreshnessItem,
  FreshnessState,
  UsageItem,
  ProjectUse,
  OutdatedPin,
} from './results.js';
export { diffText, wordTokens, type DiffSegment, type DiffOp, type DiffGranularity } from './diff.js';
export { normalizeText } from './search.js';
export {
  parsePack,
  makePack,
  canonicalJson,
  PACK_FORMAT,
  PACK_SCHEMA_VERSION,
  PACK_EXTENSION,
  type BidForgePack,
  type PackPayload,
} from './pack.js';
export type { ImportItem, ImportPreview, ItemStatus, MergeAction, MergeReport, Resolution } from './merge.js';
export { MIGRATIONS } from './engine/migrations.js';
export {
  STORE_SCHEMA_VERSION,
  VERSION_STATUSES,
  type StoreData,
  type StoredClause,
  type StoredVariant,
  type StoredVersion,
  type StoredBlueprint,
  type ProjectRecord,
  type Pin,
  type VersionStatus,
  type Origin,
} from './schema.js';
export { pidIsAlive, LOCK_DIR, LEGACY_LOCK_FILE, type LockInfo, type ProcessIdentity } from './engine/lock.js';
export { listBackups, writeBackup, STORE_FILE, BACKUP_DIR } from './engine/files.js';
