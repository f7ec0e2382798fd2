// Pulling from a shared team folder: every pack file not yet imported, oldest first, through the normal pack import
// (a trusted signer's approvals are kept; any other pack's versions arrive as drafts). A file that changed after it
// was imported or written, or whose name does not match its content, is refused and reported, never imported; a file
// that cannot be read as a pack is reported by name and skipped, and is tried again next time (it may still be
// arriving). Temporary and other files are not looked at. Nothing in the folder is ever changed.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackSigner } from '../library/packSigner.js';
import { parsePack } from '../library/store/pack.js';
import type { MergeAction } from '../library/store/merge.js';
import type { ImportResolutions } from '../library/store/inputs.js';
import { problemText } from '../i18n/problemText.js';
import { BidForgeError, type Problem } from '../model/problem.js';
import { payloadKeys, TEAM_PACK_NAME, type TeamFolderStore, type TrustedKey } from './publish.js';
import { readFolderState, sha256Bytes, writeFolderState } from './state.js';
import {
  folderError,
  packChanged,
  packChecksumMismatch,
  packMalformed,
  packNameMismatch,
  packUnreadable,
} from './text.js';

export type PullOptions = {
  store: TeamFolderStore;
  dataDir: string;
  folder: string;
  /** Signers whose approvals are kept (设置's list and this folder's own key). */
  trusted: readonly TrustedKey[];
  now?: () => Date;
};

export type PulledFile =
  | { name: string; status: 'imported'; signer: PackSigner; counts: Record<MergeAction, number> }
  /** Changed after it was imported (or written here), or its name does not match its content: never imported. */
  | { name: string; status: 'refused'; problem: Problem }
  /** Not a readable pack (or one this library cannot take): skipped, tried again next time. */
  | { name: string; status: 'malformed'; problem: Problem };

export type PullReport = {
  files: PulledFile[];
  /** Pack files already imported (or written here) and unchanged. */
  unchanged: number;
};

const problemOf = (e: unknown, file: string): Problem => {
  if (e instanceof BidForgeError) {
    const inner = e.problems[0];
    const detail = inner?.message ?? e.message;
    return packMalformed(file, detail, inner ? problemText(inner, 'en') : detail);
  }
  throw e;
};

export async function pull(o: PullOptions): Promise<PullReport> {
  const now = o.now ?? (() => new Date());
  const state = await readFolderState(o.dataDir, o.folder);
  const entries = await readdir(o.folder, { withFileTypes: true }).catch((e: unknown) => {
    throw folderError(e, o.folder, 'read');
  });
  const names = entries
    .filter((e) => e.isFile() && TEAM_PACK_NAME.test(e.name))
    .map((e) => e.name)
    .sort();
  const report: PullReport = { files: [], unchanged: 0 };
  for (const name of names) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(o.folder, name));
    } catch (e) {
      const detail = (e as Error).message;
      report.files.push({
        name,
        status: 'malformed',
        problem: packUnreadable(name, detail),
      });
      continue;
    }
    const sha = sha256Bytes(bytes);
    const known = state.files.find((f) => f.name === name);
    if (known) {
      if (known.sha256 === sha) report.unchanged++;
      else
        report.files.push({
          name,
          status: 'refused',
          problem: packChanged(name, known.own === true),
        });
      continue;
    }
    const text = bytes.toString('utf8');
    let checksum: string;
    let keys: string[];
    try {
      const pack = parsePack(text);
      checksum = pack.checksum;
      keys = payloadKeys(pack.payload);
    } catch (e) {
      // The payload no longer matches the checksum written in the file: edited after it was made.
      if (
        e instanceof BidForgeError &&
        (e.problems[0]?.params?.why === 'checksum' || /checksum mismatch/.test(e.message))
      )
        report.files.push({
          name,
          status: 'refused',
          problem: packChecksumMismatch(name),
        });
      else report.files.push({ name, status: 'malformed', problem: problemOf(e, name) });
      continue;
    }
    if (TEAM_PACK_NAME.exec(name)![2] !== checksum.slice(0, 12)) {
      report.files.push({
        name,
        status: 'refused',
        problem: packNameMismatch(name, checksum.slice(0, 12)),
      });
      continue;
    }
    let signer: PackSigner;
    try {
      const preview = await o.store.previewImport(text, o.trusted);
      const keeps = preview.signer?.keepsApprovals === true;
      // A clause that differs arrives as a new version of mine (mine stays in its history); a differing blueprint
      // replaces mine only from a trusted signer, else it arrives beside mine as a copy.
      const res: ImportResolutions = Object.fromEntries(
        preview.items
          .filter((i) => i.status === 'conflicting')
          .map((i) => [i.key, i.kind === 'clause' || keeps ? 'take-theirs' : 'keep-both']),
      );
      const merged = await o.store.applyImport(text, res, o.trusted);
      signer = merged.signer!;
      report.files.push({ name, status: 'imported', signer, counts: merged.counts });
    } catch (e) {
      report.files.push({ name, status: 'malformed', problem: problemOf(e, name) });
      continue;
    }
    const { state: signerState, claimedName, fingerprint, keepsApprovals } = signer;
    state.files.push({
      name,
      sha256: sha,
      checksum,
      at: now().toISOString(),
      signer: { state: signerState, claimedName, fingerprint, keepsApprovals },
    });
    state.inFolder = [...new Set([...state.inFolder, ...keys])];
    await writeFolderState(o.dataDir, o.folder, state);
  }
  // How this pull went, for 设置: the files it refused or skipped (until a later pull imports or no longer finds them).
  state.lastPullAt = now().toISOString();
  state.issues = report.files.flatMap((f) =>
    f.status === 'imported' ? [] : [{ name: f.name, status: f.status, problem: f.problem }],
  );
  delete state.lastError;
  await writeFolderState(o.dataDir, o.folder, state);
  return report;
}
