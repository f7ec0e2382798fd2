// The one way BidForge writes a file it owns (the clause store, its backups, settings, projects): all or nothing.
import { randomUUID } from 'node:crypto';
import { lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type AtomicWriteOptions = {
  /** Runs after the new content is on disk and right before it replaces the file; throwing cancels the write. */
  beforeCommit?: () => Promise<void>;
  /** File permissions of the new file (default 0o644); 0o600 for a file holding a secret. */
  mode?: number;
};

/** A symbolic link where the file should be: writing would change whatever it points to, so the write is refused. */
export class SymlinkTargetError extends Error {
  readonly code = 'ESYMLINK';
  constructor(readonly path: string) {
    super(
      `${path} is a symbolic link; BidForge does not write through links (the file it points to was left unchanged)`,
    );
  }
}

/**
 * Writes a temp file beside the target (a fresh random name, created exclusively, so a link planted under a guessable
 * name is never followed), fsyncs it, renames it over the target, then fsyncs the folder. The target itself must not
 * be a symbolic link. Either the old or the new content is there afterwards, never a mix, also after a crash.
 */
export async function atomicWrite(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  await refuseSymlink(path);
  const tmp = join(dirname(path), `${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  const fh = await open(tmp, 'wx', options.mode ?? 0o644);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    // A full disk fails here: remove the partial temp file, which would otherwise keep the space taken.
    await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fh.close();
  try {
    await options.beforeCommit?.();
    await refuseSymlink(path); // planted while we wrote
    await renameRetrying(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fsyncDir(dirname(path));
}

async function refuseSymlink(path: string): Promise<void> {
  const st = await lstat(path).catch(() => null);
  if (st?.isSymbolicLink()) throw new SymlinkTargetError(path);
}

async function renameRetrying(from: string, to: string): Promise<void> {
  // Windows refuses to replace a file another program has open for a moment (EPERM/EBUSY): retry briefly.
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 10 || !(code === 'EPERM' || code === 'EBUSY' || code === 'EACCES')) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
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
