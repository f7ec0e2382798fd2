// Reading library.json: parse, migrate, validate. A file that fails is reported in plain words, never repaired.
import { z } from 'zod';
import { BidForgeError } from '../../../model/problem.js';
import { zodMessage } from '../../../model/zodMessage.js';
import { storeDataSchema, type StoreData } from '../schema.js';
import { listBackups, moveAside, STORE_FILE } from './files.js';
import { migrate, MigrationError } from './migrations.js';

export class StoreReadError extends Error {
  constructor(
    readonly kind: 'corrupt' | 'too_new',
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Parses, migrates and validates the text of library.json; throws StoreReadError with a plain reason. */
export function decodeStore(text: string, now: Date): { data: StoreData; from: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new StoreReadError('corrupt', `it is not valid JSON (${(e as Error).message})`);
  }
  let migrated: { data: unknown; from: number };
  try {
    migrated = migrate(raw, now);
  } catch (e) {
    if (e instanceof MigrationError) throw new StoreReadError(e.kind === 'too_new' ? 'too_new' : 'corrupt', e.message);
    throw new StoreReadError('corrupt', `migration failed (${(e as Error).message})`);
  }
  const parsed = storeDataSchema.safeParse(migrated.data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = zodMessage({ ...parsed.error, issues: issues.slice(0, 5) } as z.ZodError);
    throw new StoreReadError('corrupt', `it does not match the library schema: ${shown}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`);
  }
  return { data: parsed.data, from: migrated.from };
}

/** Turns a StoreReadError into the error the user sees; a corrupt file is moved aside first (never deleted). */
export async function readFailure(e: unknown, dataDir: string, now: Date): Promise<unknown> {
  if (!(e instanceof StoreReadError)) return e;
  if (e.kind === 'too_new')
    return new BidForgeError('store_too_new', `${STORE_FILE} cannot be opened: ${e.reason}. Update BidForge; the file was left as it is.`);
  const aside = await moveAside(dataDir, now);
  const backups = await listBackups(dataDir);
  return new BidForgeError(
    'store_corrupt',
    `${STORE_FILE} could not be read: ${e.reason}. It was moved aside as ${aside} (nothing was deleted). ` +
      (backups.length
        ? `${backups.length} backup(s) exist; restore the newest good one (restoreNewestBackup), or open with startFresh to begin a new library.`
        : 'There is no backup; repair the file by hand, or open with startFresh to begin a new library.'),
    [{ severity: 'error', code: 'store_corrupt', message: e.reason, file: aside }],
  );
}
