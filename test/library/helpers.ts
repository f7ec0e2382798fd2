// Shared fixtures for the library store tests: a temp data folder per test, a clock the test moves by hand.
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type LibraryStore, type StoreOptions } from '@core/library/store/index.js';

const made: string[] = [];
const opened: LibraryStore[] = [];

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => {});
  for (const d of made.splice(0)) await rm(d, { recursive: true, force: true });
});

export async function tempDir(prefix = 'bidforge-lib-'): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** A clock standing still at `start` until the test moves it. */
export function testClock(start = '2026-05-01T08:00:00.000Z') {
  let t = new Date(start).getTime();
  const clock = () => new Date(t);
  return {
    clock,
    set: (iso: string) => void (t = new Date(iso).getTime()),
    advanceDays: (n: number) => void (t += n * 86_400_000),
    advanceMs: (n: number) => void (t += n),
  };
}

export async function open(dataDir: string, extra: Partial<StoreOptions> = {}): Promise<LibraryStore> {
  const s = await openStore({ dataDir, program: 'app', clock: testClock().clock, ...extra });
  opened.push(s);
  return s;
}

/** Remember a store opened elsewhere so it is closed after the test. */
export function track(s: LibraryStore): LibraryStore {
  opened.push(s);
  return s;
}

export const read = (path: string) => readFile(path, 'utf8');

/** A tiny templates/ folder: clause files (front matter + body) and blueprints. */
export async function writeTemplates(
  dir: string,
  clauses: Record<string, { meta: Record<string, unknown>; body: string }>,
  blueprints: Record<string, unknown> = {},
) {
  await mkdir(join(dir, 'clauses'), { recursive: true });
  await mkdir(join(dir, 'blueprints'), { recursive: true });
  for (const [file, c] of Object.entries(clauses))
    await writeFile(join(dir, 'clauses', file), `---\n${JSON.stringify(c.meta, null, 2)}\n---\n${c.body}\n`);
  for (const [file, b] of Object.entries(blueprints))
    await writeFile(join(dir, 'blueprints', file), JSON.stringify(b, null, 2));
}

export const warrantyMeta = (over: Record<string, unknown> = {}) => ({
  id: 'warranty-terms',
  category: '保修条款',
  title: '保修条款',
  tags: ['保修', '压缩机'],
  docTypes: ['service-plan', 'warranty-card'],
  variant: '标准',
  version: 1,
  status: 'approved',
  author: '法务部',
  changeNote: '初版',
  variables: [{ key: 'warranty_years', type: 'integer', label: '整机保修年限', default: 3, required: true }],
  ...over,
});

export const WARRANTY_BODY = '整机保修{{warranty_years}}年，压缩机包修六年。';

/** A clause ready to use: created, submitted, approved. */
export async function approvedClause(
  store: LibraryStore,
  id: string,
  body: string,
  extra: { title?: string; category?: string; tags?: string[]; reviewIntervalMonths?: number; owner?: string } = {},
) {
  const ref = await store.createClause(
    {
      id,
      category: extra.category ?? '保修条款',
      title: extra.title ?? id,
      tags: extra.tags ?? [],
      docTypes: ['service-plan'],
      body,
      owner: extra.owner,
      reviewIntervalMonths: extra.reviewIntervalMonths,
    },
    '张律师',
  );
  await store.submit(ref, '张律师');
  await store.approve(ref, '李主任');
  return ref;
}

/** A private copy of the real templates/ folder, so seeding tests see one consistent set even while it is being edited. */
export async function realTemplates(): Promise<string> {
  const dir = join(await tempDir('bidforge-tpl-'), 'templates');
  await cp('templates', dir, { recursive: true });
  return dir;
}
