// What this data folder knows of each shared team folder it publishes to or pulls from (<dataDir>/team-folder.json):
// the pack files it has imported or written there (name, sha256 of the file's bytes, the pack's checksum) and the
// content already in that folder (so a version is published once, and one pulled from the folder is not sent back).
// Written atomically (core/settings/jsonFile.ts); a damaged file is moved aside and the next pull starts over, which
// is safe: importing a pack twice finds its versions identical and changes nothing.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Problem } from '../model/problem.js';
import { fileDoc } from '../settings/jsonFile.js';

export const TEAM_FOLDER_STATE_FILE = 'team-folder.json';

const fileRecordSchema = z.object({
  name: z.string(),
  /** sha256 (hex) of the file's bytes when it was imported or written: a later difference means edited in place. */
  sha256: z.string(),
  /** The pack's own checksum (of its payload). */
  checksum: z.string(),
  at: z.string(),
  /** Written by this data folder (publish), not imported. */
  own: z.boolean().optional(),
  /** Who signed an imported pack; keepsApprovals false: its clauses arrived as drafts. */
  signer: z
    .object({
      state: z.enum(['trusted', 'untrusted', 'unsigned', 'invalid']),
      claimedName: z.string().optional(),
      fingerprint: z.string().optional(),
      keepsApprovals: z.boolean(),
    })
    .optional(),
});
export type FileRecord = z.infer<typeof fileRecordSchema>;

const problemSchema = z.custom<Problem>(
  (v) =>
    !!v &&
    typeof v === 'object' &&
    typeof (v as Problem).code === 'string' &&
    typeof (v as Problem).message === 'string',
);

const folderStateSchema = z.object({
  files: z.array(fileRecordSchema).default([]),
  /** Content fingerprints (contentKey below) of the clause versions and blueprints already in the folder. */
  inFolder: z.array(z.string()).default([]),
  /** When a pull last went through the folder, and the files it refused or skipped (tried again next time). */
  lastPullAt: z.string().optional(),
  issues: z
    .array(z.object({ name: z.string(), status: z.enum(['refused', 'malformed']), problem: problemSchema }))
    .default([]),
  lastPublish: z
    .object({
      at: z.string(),
      /** Absent when there was nothing new to publish. */
      file: z.string().optional(),
      clauses: z.number().int(),
      blueprints: z.number().int(),
      signer: z.string(),
    })
    .optional(),
  /** Why the last pull or publish did not finish (the folder missing, read-only, …); cleared by the next that does. */
  lastError: z.object({ at: z.string(), action: z.enum(['pull', 'publish']), problem: problemSchema }).optional(),
});
export type FolderState = z.infer<typeof folderStateSchema>;

export const teamFolderStateSchema = z.object({
  /** By the shared folder's absolute path. */
  folders: z.record(z.string(), folderStateSchema).default({}),
});
export type TeamFolderState = z.infer<typeof teamFolderStateSchema>;

const doc = (dataDir: string) => fileDoc(join(dataDir, TEAM_FOLDER_STATE_FILE), teamFolderStateSchema);

export async function readFolderState(dataDir: string, folder: string): Promise<FolderState> {
  let all: TeamFolderState;
  try {
    all = (await doc(dataDir).read()).value;
  } catch {
    all = teamFolderStateSchema.parse({});
  }
  return all.folders[resolve(folder)] ?? folderStateSchema.parse({});
}

/** Writes one folder's state back, keeping the others' as they are on disk now. */
export async function writeFolderState(dataDir: string, folder: string, state: FolderState): Promise<void> {
  let all: TeamFolderState;
  try {
    all = (await doc(dataDir).read()).value;
  } catch {
    all = teamFolderStateSchema.parse({});
  }
  all.folders[resolve(folder)] = state;
  await doc(dataDir).write(all);
}

/** Records why a pull or publish did not finish, for 设置 to show until the next one that does. */
export async function recordFailure(
  dataDir: string,
  folder: string,
  action: 'pull' | 'publish',
  problem: Problem,
  at: Date,
): Promise<void> {
  const state = await readFolderState(dataDir, folder);
  state.lastError = { at: at.toISOString(), action, problem };
  await writeFolderState(dataDir, folder, state);
}

export const sha256Bytes = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
