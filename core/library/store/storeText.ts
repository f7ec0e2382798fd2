// The English wording of the clause library's and the settings' refusals: a pack that cannot be imported (pack.ts), a
// library file that cannot be locked, read or written (engine/*), what the library is asked that it refuses (inputs,
// lookups, versions), a broken file in templates/, the signing key, settings and backups (core/settings). Merged into
// core/i18n/problemText.ts's table, by code; the Chinese is the problem's own message. Pure: the renderer and the CLI
// import it.
type Params = Record<string, string | number>;
type Template = string | ((p: Params) => string);

/** Where a JSON file breaks (core/model/zodDetail.ts jsonWhere). */
const where = (p: Params) =>
  p.line !== undefined
    ? ' (error at line {line}, column {column})'
    : p.ended !== undefined
      ? ' (the file ends too early)'
      : '';

/** bad_pack, by params.why (pack.ts badPack). */
const BAD_PACK: Record<string, Template> = {
  not_json: (p) => `the file is not valid JSON${where(p)}`,
  format: (p) =>
    p.format === undefined
      ? 'the file has no “format” field (it should be “{expected}”)'
      : 'its “format” is {format}, it should be “{expected}”',
  envelope: '{detailEn}',
  newer:
    'it was made by a newer BidForge (pack format {schema}; this version reads up to {max}): update BidForge to import it',
  checksum:
    'its checksum does not match: the contents were changed after export (expected {expected}…, found {actual}…)',
  payload: 'in its contents, {detailEn}',
};

/** What to do about an unreadable or missing library file (engine/decode.ts recoverySteps). */
const recovery = (p: Params) =>
  p.newest === undefined
    ? 'There is no backup: repair the moved file and rename it {storeName}, or move it out of the data folder to start anew.'
    : 'The data folder has {backups} backup(s), the newest is backups/{newest}: restore it in the app under Settings → Clause library backups; with the command line only, close every other BidForge program, then copy it to {store}.';

const word = (table: Record<string, Template>, p: Params, fallback: string): string => {
  const t = Object.hasOwn(table, String(p.why)) ? table[String(p.why)]! : fallback;
  return typeof t === 'function' ? t(p) : t;
};

// versions.ts: a version's status and what was asked of it.
const STATUS_EN: Params = { draft: 'a draft', in_review: 'in review', approved: 'approved', retired: 'retired' };
const status = (s: string | number | undefined) => String(STATUS_EN[String(s)] ?? s);

/** Refusals of the library's inputs and lookups (inputs.ts, lookup.ts, projects.ts, importExport.ts), by params.why. */
const NOT_FOUND: Record<string, Template> = {
  clause: 'The clause library has no clause {id}',
  // core/settings/handlers.ts
  recent: 'Recent projects have no “{id}”',
  backup: 'There is no backup named {name}',
  variant: 'Clause {id} has no variant “{variant}”',
  version: 'Clause {clauseId}/{variant} has no version {version}',
  project: 'The clause library has no record of project {projectId}',
  blueprint: 'There is no blueprint {id}',
};
const BAD_REQUEST: Record<string, Template> = {
  input: '{whatEn}: {detailEn}',
  no_person: 'An author or reviewer name is required',
  unused_clause: 'Project {projectId} does not use clause {id}',
  not_in_pack: 'These items are not in the pack: {itemsEn}',
  no_templates: 'No templates folder was given',
};
/** A template file in templates/ (core/library/loadTemplates.ts), by params.why. */
const TEMPLATE_FILE: Record<string, Template> = {
  front_matter: '{file}: a clause file starts with JSON between two “---” lines',
  front_json: (p) => `{file}: the JSON at its start is not valid${where(p)}`,
  json: (p) => `{file}: not a valid JSON file${where(p)}`,
  fields: '{file}: {detailEn}',
};

// A placeholder no params have: a refusal made elsewhere (without why) keeps its own message.
const OTHER = '{unworded}';

export const STORE_EN: Record<string, Template> = {
  bad_clause: (p) => word(TEMPLATE_FILE, p, OTHER),
  // core/library/packSigning.ts (a bad_key error)
  signing_key_corrupt:
    'The signing key file {file} is damaged, so nothing can be signed: move it away and try again (a new key will be made)',
  bad_blueprint: (p) => word(TEMPLATE_FILE, p, OTHER),
  // core/settings: the settings file, trusted signers, backups.
  settings_write_failed: 'Settings could not be saved to {file}: {reasonEn}; the file was left as it was.',
  too_many_signers: 'There can be at most {max} trusted signers',
  no_store: (p) =>
    p.why === 'backups'
      ? 'This runs without a data folder, so there are no backups'
      : p.why === 'library'
        ? 'This runs without a data folder: the clause library here is the read-only built-in templates'
        : OTHER,
  bad_backup: 'The backup {name} cannot be read, so it was not restored: {reasonEn}',
  not_found: (p) => word(NOT_FOUND, p, OTHER),
  bad_request: (p) => word(BAD_REQUEST, p, OTHER),
  not_approved: (p) =>
    p.why === 'pin'
      ? 'Clause {clauseId}/{variant} has no approved version to pin'
      : p.why === 'export'
        ? 'Clause {id} has no approved version to export'
        : OTHER,
  clause_exists: 'A clause with id {id} already exists',
  // merge.ts: a pack preview's warning
  pack_clause_missing:
    'Blueprint {blueprint} (section “{section}”) uses clause {clauseId}/{variant}, which is neither in the pack nor in the library',
  unresolved_conflicts:
    'Choose how to resolve these conflicting items (keep mine, take theirs or keep both): {itemsEn}',
  variant_exists: 'Clause {clauseId} already has a variant “{variant}”',
  stale_edit:
    '{clauseId}/{variant} was changed meanwhile: the editor opened version {base}, the latest is version {latest}',
  bad_transition: (p) =>
    p.why === 'retired'
      ? 'Nothing to retire: {target} is already retired'
      : p.why === 'status'
        ? `Cannot {action} {clauseId}/{variant} version {version}: it is ${status(p.status)} (only ${String(p.allowed).split(',').map(status).join(' or ')} can be)`
        : OTHER,
  bad_pack: (p) => `Not a usable BidForge pack: ${word(BAD_PACK, p, '{detailEn}')}`,
  // engine/lock.ts: who holds the library, or that a lock file is being written.
  store_locked: (p) =>
    p.why === 'writing'
      ? 'The clause library is in use by another program (its lock file is being written)'
      : `The clause library is in use by {program} (pid {pid}${p.host !== undefined ? ' on {host}' : ''}) since {since}${p.file !== undefined ? ' (lock file {file})' : ''}`,
  store_lock_lost:
    'The change was not saved: the library’s write lock was lost ({reasonEn}), so another program may be writing; try again',
  // engine/libraryFile.ts (a save) and engine/lock.ts (the lock file).
  store_write_failed: (p) =>
    p.why === 'lock'
      ? 'The clause library cannot be changed: its lock file {file} cannot be created: {reasonEn}'
      : 'The clause library could not be saved in {folder}: {reasonEn}. {storeName} was left as it was; the change was not saved.',
  backup_failed:
    'The change was saved to {storeName}, but its backup copy in {folder} could not be written: {reasonEn}',
  // engine/decode.ts
  store_corrupt: (p) =>
    `The clause library file {file} could not be read: {reasonEn}. It was moved, unchanged, to {aside}; nothing was deleted or overwritten. ${recovery(p)}`,
  store_missing: (p) =>
    `The clause library file {storeName} is missing, but the data folder {folder} still holds {leftoversEn}, so no new empty library was started. ${recovery(p)}`,
  store_too_new:
    '{storeName} cannot be opened: it was written by a newer BidForge (library format {schema}; this version reads up to {max}). Update BidForge; the file was left as it is.',
  store_too_large:
    'The clause library file {file} is {size} MB, over the {limit} MB BidForge opens, so it was not read (the program would stop responding); the file was left as it is. A normal library (ten thousand clauses) is about 10 MB: check it for unusual content, or restore a backup under Settings → Clause library backups.',
  store_closed: 'The clause library was closed',
  invalid_change: 'The change would leave the clause library invalid, so it was not saved: {detailEn}',
  no_backup: (p) =>
    p.skippedEn !== undefined ? 'No backup could be read ({skippedEn})' : 'There are no backups in this data folder',
};
