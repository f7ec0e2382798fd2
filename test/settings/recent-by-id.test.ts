// 最近项目 is keyed by the project's id: projects with the same name or blueprint never replace one another.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '@core/model/project.js';
import { RECENT_FILE, SettingsStore, withRecent } from '@core/settings/index.js';
import { sameFileName } from '@core/settings/recent.js';
import { tempDir } from '../helpers/tmp.js';

const plan = (id: string | undefined, title: string): Project => ({
  schema: 1,
  ...(id ? { id } : {}),
  name: 'service-plan',
  title,
  blueprint: 'service-plan',
  projectNo: '',
  bidder: '',
  date: '2026-11-24',
  script: 'hans',
  values: {},
});

describe('最近项目按项目 id 记录', () => {
  it('同一蓝本、同名的三个项目都留在列表里', () => {
    let list = withRecent([], plan('id-1', '一号楼空调项目'), 't1');
    list = withRecent(list, plan('id-2', '二号楼空调项目'), 't2');
    list = withRecent(list, plan('id-3', '三号楼空调项目'), 't3');
    expect(list.map((e) => e.title)).toEqual(['三号楼空调项目', '二号楼空调项目', '一号楼空调项目']);
    expect(new Set(list.map((e) => e.id)).size).toBe(3);
  });

  it('同一项目改了标题再保存，仍只占一条，排到最前', () => {
    let list = withRecent([], plan('id-1', '旧标题'), 't1');
    list = withRecent(list, plan('id-2', '另一个项目'), 't2');
    list = withRecent(list, plan('id-1', '新标题'), 't3', '/home/u/新标题.bfproj', true);
    expect(list.map((e) => [e.id, e.title, e.saved])).toEqual([
      ['id-1', '新标题', true],
      ['id-2', '另一个项目', false],
    ]);
  });

  it('另一个项目另存到同一个文件时，旧条目让位（那个文件已是新项目）', () => {
    let list = withRecent([], plan('id-1', '甲项目'), 't1', '/p/x.bfproj', true);
    list = withRecent(list, plan('id-2', '乙项目'), 't2', '/p/x.bfproj', true);
    expect(list.map((e) => e.title)).toEqual(['乙项目']);
  });

  it('旧版 recent.json（按名称记录、项目没有 id）读入后每个项目有了 id，重开再记录不会重复', async () => {
    const dir = tempDir();
    const old = (key: string, title: string) => ({
      id: key,
      name: 'service-plan',
      title,
      blueprint: 'service-plan',
      usedAt: 't',
      project: plan(undefined, title),
    });
    writeFileSync(
      join(dir, RECENT_FILE),
      JSON.stringify({ schema: 1, projects: [old('service-plan', '甲项目'), old('/p/b.bfproj', '乙项目')] }),
    );
    const store = new SettingsStore({ dataDir: dir });
    const listed = await store.listRecent();
    expect(listed.map((e) => e.title)).toEqual(['甲项目', '乙项目']);
    const opened = (await store.open(listed[0]!.id))!;
    expect(opened.project.id).toBe(listed[0]!.id);
    await store.record(opened.project);
    expect((await store.listRecent()).map((e) => e.title)).toEqual(['甲项目', '乙项目']);
  });
});

describe('另一个项目已用了这个文件名', () => {
  const fileNameOf = (e: { title: string }) => `${e.title}.bfproj.json`;
  it('保存时找出已保存为同名文件的另一个项目，本项目自己和未保存的项目不算', () => {
    let list = withRecent([], plan('id-1', '空调项目'), 't1', undefined, true);
    list = withRecent(list, plan('id-2', '空调项目'), 't2');
    expect(sameFileName(list, 'id-3', '空调项目.bfproj.json', fileNameOf)?.id).toBe('id-1');
    expect(sameFileName(list, 'id-1', '空调项目.bfproj.json', fileNameOf)).toBeUndefined();
    expect(sameFileName(list, 'id-3', '别的项目.bfproj.json', fileNameOf)).toBeUndefined();
  });
});
