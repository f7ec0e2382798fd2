// File plumbing for the store: atomic writes, rotating backups, moving a bad file aside. No store logic here.
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWrite } from '@core/fs/atomicWrite.js';
import { fsProblem, fsProblemZh } from '@core/fs/fsProblem.js';

export { atomicWrite, fsProblem, fsProblemZh };

export const STORE_FILE = 'library.json';
export const BACKUP_DIR = 'backups';
export const DEFAULT_BACKUPS_KEPT = 10;

/** 2026-05-01T08:30:00.123Z → 20260501T083000123Z: sortable, and legal in Windows file names. */
export function fileStamp(t: Date): string {
  return t.toISOString().replace(/[-:.]/g, '');
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** What identifies one version of a file: writers always rename a new file in, so a new inode means a change. */
export const fileKey = (st: { ino: number; size: number; mtimeMs: number }) => `${st.ino}:${st.size}:${st.mtimeMs}`;

/**
 * The bytes of a file and the key of exactly that version of it, both from one open handle. Why not stat() and
 * readFile() one after the other: another program may rename a new file in between, and the key of the new file
 * paired with the old text made a store skip re-reading before it wrote, losing the other program's changes (found
 * by the CLI + host test: 2 of ~680 edits lost). Bytes, not text: decoding is the reader's job, and it must be strict.
 */
export async function readBytesAndKey(
  path: string,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<{ bytes: Buffer; key: string } | null> {
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = await fh.stat();
    if (st.size > maxBytes) throw new FileTooLargeError(path, st.size, maxBytes);
    return { bytes: await fh.readFile(), key: fileKey(st) };
  } finally {
    await fh.close();
  }
}

/** A file bigger than its reader takes: reading it would stall the program (and past ~512 MB cannot be decoded). */
export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${path} is ${size} bytes, over the ${limit} bytes allowed`);
  }
}

export async function readBytesOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

const TEMP_RE = /^library\.(json|lock)\.[0-9a-f]{8}\.tmp$/;
const CLAIM_TEMP_RE = /^\.[0-9a-f-]{36}\.tmp$/;

/**
 * Deletes temp files a killed program left behind (library.json.<id>.tmp, and half-made lock claims in
 * library.locks/) once they are a minute old: a live writer finishes with its temp file within milliseconds.
 * Call while holding the lock.
 */
export async function sweepTemps(dataDir: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const candidates = async (dir: string, re: RegExp) =>
    (await readdir(dir).catch(() => [] as string[])).filter((n) => re.test(n)).map((n) => join(dir, n));
  for (const path of [
    ...(await candidates(dataDir, TEMP_RE)),
    ...(await candidates(join(dataDir, 'library.locks'), CLAIM_TEMP_RE)),
  ]) {
    const st = await stat(path).catch(() => null);
    if (
      st &&
      now - st.mtimeMs > 60_000 &&
      (await unlink(path).then(
        () => true,
        () => false,
      ))
    )
      removed.push(path.slice(dataDir.length + 1));
  }
  return removed;
}

/** A name in `dir` built from prefix + stamp (+ "-2", "-3"… when taken) + suffix that does not exist yet. */
export async function freshName(dir: string, prefix: string, t: Date, suffix: string): Promise<string> {
  const base = `${prefix}${fileStamp(t)}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}${suffix}` : `${base}-${n}${suffix}`;
    if (!(await exists(join(dir, name)))) return name;
  }
}

const BACKUP_RE = /^library-(\d{8}T\d{9}Z)(?:-(\d+))?\.json$/;

export type BackupFile = { name: string; path: string; stamp: string; seq: number };

/** Rotating backups, oldest first. */
export async function listBackups(dataDir: string): Promise<BackupFile[]> {
  const dir = join(dataDir, BACKUP_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: BackupFile[] = [];
  for (const name of names) {
    const m = BACKUP_RE.exec(name);
    if (m) out.push({ name, path: join(dir, name), stamp: m[1]!, seq: m[2] ? Number(m[2]) : 1 });
  }
  return out.sort((a, b) => (a.stamp === b.stamp ? a.seq - b.seq : a.stamp < b.stamp ? -1 : 1));
}

/** Saves `text` as backups/library-<time>.json and deletes all but the newest `keep`. */
export async function writeBackup(dataDir: string, text: string | Uint8Array, t: Date, keep: number): Promise<string> {
  const dir = join(dataDir, BACKUP_DIR);
  await mkdir(dir, { recursive: true });
  const name = await freshName(dir, 'library-', t, '.json');
  await atomicWrite(join(dir, name), text);
  const all = await listBackups(dataDir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) await unlink(old.path).catch(() => {});
  return name;
}

/**
 * Copies the file just written (e.g. library.json) into backups/ as library-<time>.json and prunes to `keep`.
 * Why a copy of the file and not a second write of the text: the kernel copies (or reflinks, where the file system
 * can) without another pass through JS, which halved the cost of a save at 10,000 clauses. A hard link would be
 * cheaper still but shares the inode, so editing library.json in place would change its "backup" too.
 * No temp file + rename here: a half-copied backup after a crash fails to decode and restore skips it.
 */
export async function copyToBackups(dataDir: string, from: string, t: Date, keep: number): Promise<string> {
  const dir = join(dataDir, BACKUP_DIR);
  await mkdir(dir, { recursive: true });
  const name = await freshName(dir, 'library-', t, '.json');
  await copyFile(from, join(dir, name), constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
  const all = await listBackups(dataDir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) await unlink(old.path).catch(() => {});
  return name;
}

/** A copy outside the rotation (e.g. the file as it was before a migration), so it is never pruned. */
export async function keepCopy(dataDir: string, from: string, prefix: string, t: Date): Promise<string> {
  const dir = join(dataDir, BACKUP_DIR);
  await mkdir(dir, { recursive: true });
  const name = await freshName(dir, prefix, t, '.json');
  await copyFile(from, join(dir, name), constants.COPYFILE_EXCL);
  return name;
}

/** Renames library.json to library.corrupt-<time>.json (never over an existing file). Returns the new name. */
export async function moveAside(dataDir: string, t: Date, label = 'corrupt'): Promise<string> {
  const name = await freshName(dataDir, `library.${label}-`, t, '.json');
  await rename(join(dataDir, STORE_FILE), join(dataDir, name));
  return name;
}
