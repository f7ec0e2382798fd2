// What this data folder knows of its team server (<dataDir>/team-sync.json): the pull cursor, which local version
// is which server version, what was pushed, the open conflicts, and how the last sync went. Written atomically;
// a damaged file is moved aside (core/settings/jsonFile.ts) and the next sync starts over from cursor 0, which is
// safe: applying a pulled version twice finds it by its content and changes nothing.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { fileDoc } from '../settings/jsonFile.js';

export const STATE_FILE = 'team-sync.json';

const linkSchema = z.object({
  clauseId: z.string(),
  variant: z.string(),
  local: z.number().int().positive(),
  server: z.number().int().positive(),
  /** The proposal key this version was pushed with, and the local status pushed (absent for pulled versions). */
  key: z.string().optional(),
  pushed: z.enum(['draft', 'in_review']).optional(),
});
export type Link = z.infer<typeof linkSchema>;

const conflictSchema = z.object({
  clauseId: z.string(),
  variant: z.string(),
  /** The local version (a draft or submission) written beside the server's approved one. */
  local: z.number().int().positive(),
  /** The approved server version that arrived after the local edit started, as local version `arrivedAs`. */
  server: z.number().int().positive(),
  arrivedAs: z.number().int().positive().optional(),
  at: z.string(),
});
export type SyncConflict = z.infer<typeof conflictSchema>;

export const syncStateSchema = z.object({
  /** The server this state belongs to; another URL starts a fresh state. */
  server: z.string().default(''),
  /** Random, per data folder: makes proposal keys unique across machines. */
  clientId: z.string().default(() => randomBytes(9).toString('base64url')),
  cursor: z.number().int().min(0).default(0),
  lastPullAt: z.string().optional(),
  lastPushAt: z.string().optional(),
  lastError: z.object({ at: z.string(), code: z.string(), message: z.string() }).optional(),
  links: z.array(linkSchema).default([]),
  conflicts: z.array(conflictSchema).default([]),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export function stateDoc(dataDir: string) {
  return fileDoc(join(dataDir, STATE_FILE), syncStateSchema);
}

export async function readState(dataDir: string, server: string): Promise<SyncState> {
  let value: SyncState;
  try {
    value = (await stateDoc(dataDir).read()).value;
  } catch {
    value = syncStateSchema.parse({});
  }
  if (value.server !== server) return syncStateSchema.parse({ server, clientId: value.clientId });
  return value;
}

export const writeState = (dataDir: string, s: SyncState) => stateDoc(dataDir).write(s);

/** Links by "clauseId\0variant\0server" and by "clauseId\0variant\0local", for quick lookups. */
export function linkIndex(s: SyncState) {
  const byServer = new Map<string, Link>();
  const byLocal = new Map<string, Link>();
  for (const l of s.links) {
    byServer.set(`${l.clauseId}\u0000${l.variant}\u0000${l.server}`, l);
    byLocal.set(`${l.clauseId}\u0000${l.variant}\u0000${l.local}`, l);
  }
  return {
    byServer: (c: string, v: string, n: number) => byServer.get(`${c}\u0000${v}\u0000${n}`),
    byLocal: (c: string, v: string, n: number) => byLocal.get(`${c}\u0000${v}\u0000${n}`),
    add(l: Link) {
      const old = byLocal.get(`${l.clauseId}\u0000${l.variant}\u0000${l.local}`);
      if (old) Object.assign(old, l);
      else s.links.push(l);
      const cur = old ?? l;
      byServer.set(`${l.clauseId}\u0000${l.variant}\u0000${l.server}`, cur);
      byLocal.set(`${l.clauseId}\u0000${l.variant}\u0000${l.local}`, cur);
    },
  };
}
