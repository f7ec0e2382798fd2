// The clause-library store: open a data folder, then work on clauses, versions, projects' pins and packs.
// See store.ts for the file layout.
export {
  openStore,
  restoreNewestBackup,
  builtinPack,
  decodeStore,
  addMonths,
  LibraryStore,
  newClauseSchema,
  versionInputSchema,
  editSchema,
  metaPatchSchema,
  versionRefSchema,
  clauseFilterSchema,
  resolutionsSchema,
  type StoreOptions,
  type OpenReport,
  type VersionRef,
  type NewClause,
  type VersionInput,
  type EditInput,
  type ClauseMetaPatch,
  type ClauseFilter,
  type ClauseSummary,
  type HistoryEntry,
  type VersionDiff,
  type SearchHit,
  type FreshnessItem,
  type FreshnessState,
  type UsageItem,
  type ProjectUse,
  type OutdatedPin,
  type PinInput,
  type ExportRequest,
  type ImportResolutions,
  type RestoreReport,
} from './store.js';
export { diffText, wordTokens, type DiffSegment, type DiffOp, type DiffGranularity } from './diff.js';
export { normalizeText } from './search.js';
export { parsePack, makePack, canonicalJson, PACK_FORMAT, PACK_SCHEMA_VERSION, PACK_EXTENSION, type BidForgePack, type PackPayload } from './pack.js';
export type { ImportItem, ImportPreview, ItemStatus, MergeAction, MergeReport, Resolution } from './merge.js';
export { STORE_SCHEMA_VERSION, MIGRATIONS, VERSION_STATUSES, type StoreData, type StoredClause, type StoredVariant, type StoredVersion, type StoredBlueprint, type ProjectRecord, type Pin, type VersionStatus, type Origin } from './schema.js';
export { pidIsAlive, type LockInfo, type ProcessIdentity } from './lock.js';
export { listBackups, STORE_FILE, LOCK_FILE, BACKUP_DIR } from './files.js';
