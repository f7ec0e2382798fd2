// 最近项目 and 首页 search against hostile project values: a value nested 100,000 deep or a 50 MB string is refused
// with a clear error in bounded time, recent.json keeps what it had, and a planted file breaks neither the list nor
// search for the other projects.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '@core/model/project.js';
import { RECENT_FILE, SettingsStore } from '@core/settings/index.js';
import {
  RECENT_FILE_MAX_BYTES,
  SNAPSHOT_MAX_CHARS,
  SNAPSHOT_MAX_DEPTH,
  snapshotProblem,
} from '@core/settings/recent.js';
import { tempDir } from '../helpers/tmp.js';

const plan = (id: string, title: string, values: Record<string, unknown> = {}): Project => ({
  schema: 1,
  id,
  name: 'service-plan',
  title,
  blueprint: 'service-plan',
  projectNo: '',
  bidder: '',
  date: '2026-11-24',
  script: 'hans',
  values,
});

/** A value nested `depth` deep, built without recursion (as JSON.parse would build it). */
function nested(depth: number): unknown {
  let v: unknown = '最深处';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { x: v };
  return v;
}

const timed = async <T>(fn: () => Promise<T>) => {
  const t0 = performance.now();
  const result = await fn().then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error as { code: string; message: string } }),
  );
  return { ...result, ms: performance.now() - t0 };
};

describe('最近项目拒收过深或过大的项目快照', () => {
  it('a value nested 100,000 deep: refused at once with a clear error; the list keeps what it had', async () => {
    const dir = await tempDir();
    const settings = new SettingsStore({ dataDir: dir });
    await settings.record(plan('p-1', '一号楼空调项目'));
    const before = readFileSync(join(dir, RECENT_FILE), 'utf8');
    const r = await timed(() => settings.record(plan('p-2', '恶意项目', { deep: nested(100_000) })));
    expect(r.ms).toBeLessThan(1000);
    expect(r).toMatchObject({ error: { code: 'recent_too_deep', message: expect.stringContaining('嵌套超过') } });
    expect(readFileSync(join(dir, RECENT_FILE), 'utf8')).toBe(before);
    expect((await settings.listRecent()).map((e) => e.title)).toEqual(['一号楼空调项目']);
  });

  it('a 50 MB string: refused with a clear error; recent.json stays small', async () => {
    const dir = await tempDir();
    const settings = new SettingsStore({ dataDir: dir });
    await settings.record(plan('p-1', '一号楼空调项目'));
    const r = await timed(() => settings.record(plan('p-2', '超大项目', { note: '长'.repeat(50 * 1024 * 1024) })));
    expect(r.ms).toBeLessThan(2000);
    expect(r).toMatchObject({ error: { code: 'recent_too_large', message: expect.stringContaining('未记入') } });
    expect(statSync(join(dir, RECENT_FILE)).size).toBeLessThan(100_000);
  });

  it('an ordinary project with tables and lists just inside the limits is recorded', async () => {
    const settings = new SettingsStore({ dataDir: await tempDir() });
    const rows = Array.from({ length: 200 }, (_, i) => ({ item: `第${i}项`, price: '300.00' }));
    const list = await settings.record(
      plan('p-1', '一号楼空调项目', { fee_items: rows, deep: nested(SNAPSHOT_MAX_DEPTH - 2) }),
    );
    expect(list.map((e) => e.id)).toEqual(['p-1']);
    expect(snapshotProblem(plan('x', 'x', { deep: nested(SNAPSHOT_MAX_DEPTH + 1) }))?.code).toBe('recent_too_deep');
    expect(snapshotProblem(plan('x', 'x', { s: 'a'.repeat(SNAPSHOT_MAX_CHARS + 1) }))?.code).toBe('recent_too_large');
  });
});

describe('被人放进 recent.json 的恶意快照', () => {
  /** recent.json written by hand: a normal project, one nested 100,000 deep (as text: no JSON.stringify can). */
  function planted(dir: string) {
    const normal = JSON.stringify(plan('p-ok', '一号楼空调项目', { bidder_note: '滨江医院' }));
    const depth = 100_000;
    const deepValues = `{"deep":${'['.repeat(depth)}"滨江"${']'.repeat(depth)}}`;
    const deep = JSON.stringify(plan('p-deep', '恶意项目')).replace('"values":{}', `"values":${deepValues}`);
    const entry = (id: string, title: string, project: string) =>
      `{"id":"${id}","name":"service-plan","title":"${title}","blueprint":"service-plan","usedAt":"2026-11-24T00:00:00.000Z","project":${project}}`;
    writeFileSync(
      join(dir, RECENT_FILE),
      `{"schema":1,"projects":[${entry('p-deep', '恶意项目', deep)},${entry('p-ok', '一号楼空调项目', normal)}]}`,
    );
  }

  it('the list shows both; search finds the normal project in bounded time and does not fail', async () => {
    const dir = await tempDir();
    planted(dir);
    const settings = new SettingsStore({ dataDir: dir });
    expect((await settings.listRecent()).map((e) => e.id)).toEqual(['p-deep', 'p-ok']);
    const r = await timed(() => settings.search('滨江'));
    expect(r.ms).toBeLessThan(2000);
    expect('value' in r && r.value.map((h) => h.id)).toEqual(['p-ok']);
  });

  it('opening the deep one is refused with a clear error; the normal one opens; the file is kept as it was', async () => {
    const dir = await tempDir();
    planted(dir);
    const before = readFileSync(join(dir, RECENT_FILE), 'utf8');
    const settings = new SettingsStore({ dataDir: dir });
    await expect(settings.open('p-deep')).rejects.toMatchObject({ code: 'recent_too_deep' });
    expect((await settings.open('p-ok'))?.project.title).toBe('一号楼空调项目');
    expect(readFileSync(join(dir, RECENT_FILE), 'utf8')).toBe(before);
  });

  it('a planted 150 MB recent.json is not read: moved aside (kept, reported), and search answers at once', async () => {
    const dir = await tempDir();
    const big = JSON.stringify(plan('p-big', '超大项目', { note: `${'长'.repeat(50 * 1024 * 1024)}滨江` }));
    const entry = `{"id":"p-big","name":"service-plan","title":"超大项目","blueprint":"service-plan","usedAt":"2026-11-24T00:00:00.000Z","project":${big}}`;
    writeFileSync(join(dir, RECENT_FILE), `{"schema":1,"projects":[${entry}]}`);
    const size = statSync(join(dir, RECENT_FILE)).size;
    expect(size).toBeGreaterThan(RECENT_FILE_MAX_BYTES);
    const settings = new SettingsStore({ dataDir: dir });
    const r = await timed(() => settings.search('滨江'));
    expect(r.ms).toBeLessThan(1000);
    expect('value' in r && r.value).toEqual([]);
    const { notices } = await settings.get();
    expect(notices).toEqual([
      expect.objectContaining({
        file: RECENT_FILE,
        reason: expect.stringContaining('文件过大'),
        movedAsideAs: expect.any(String),
      }),
    ]);
    expect(statSync(join(dir, notices[0]!.movedAsideAs)).size).toBe(size);
    await settings.record(plan('p-1', '一号楼空调项目'));
    expect((await settings.listRecent()).map((e) => e.id)).toEqual(['p-1']);
  }, 30_000);
});
