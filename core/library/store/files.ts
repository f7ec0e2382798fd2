// File plumbing for the store: atomic writes, rotating backups, moving a bad file aside. No store logic here.
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const STORE_FILE = 'library.json';
export const LOCK_FILE = 'library.lock';
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

export async function readTextOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Writes a temp file beside the target, fsyncs it, renames it over the target, then fsyncs the folder. */
export async function atomicWrite(path: string, text: string): Promise<void> {
  const tmp = `${path}.${randomUUID().slice(0, 8)}.tmp`;
  const fh = await open(tmp, 'wx');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    // Windows refuses to replace a file another program has open for a moment (EPERM/EBUSY): retry briefly.
    for (let attempt = 1; ; attempt++) {
      try {
        await rename(tmp, path);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (attempt >= 10 || !(code === 'EPERM' || code === 'EBUSY' || code === 'EACCES')) throw e;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fsyncDir(dirname(path));
}

async function fsyncDir(dir: string): Promise<void> {
  // Makes the rename durable on POSIX; Windows cannot open folders this way, and the rename is already atomic there.
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* best effort */
  }
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
export async function writeBackup(dataDir: string, text: string, t: Date, keep: number): Promise<string> {
  const dir = join(dataDir, BACKUP_DIR);
  await mkdir(dir, { recursive: true });
  const name = await freshName(dir, 'library-', t, '.json');
  await atomicWrite(join(dir, name), text);
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
