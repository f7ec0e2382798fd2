// The recent-files list (最近文件): newest first, no duplicates, at most ten, kept in the user-data folder.
import { readFile } from 'node:fs/promises';
import { atomicWrite } from '../core/fs/atomicWrite.js';
import { basename } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../core/shell/bridge.js';

export const MAX_RECENT = 10;
const listSchema = z.array(z.object({ path: z.string().min(1), name: z.string() })).max(100);

export function addRecent(list: RecentFile[], path: string, max = MAX_RECENT): RecentFile[] {
  const name = basename(path).replace(/\.bfproj(\.json)?$|\.json$/i, '');
  return [{ path, name }, ...list.filter((f) => f.path !== path)].slice(0, max);
}

export async function loadRecent(file: string): Promise<RecentFile[]> {
  try {
    const parsed = listSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data.slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

export async function saveRecent(file: string, list: RecentFile[]): Promise<void> {
  await atomicWrite(file, JSON.stringify(list, null, 1));
}
