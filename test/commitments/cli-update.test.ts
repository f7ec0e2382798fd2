// Newer clause versions are never silent: `bidforge check` names them, `bidforge update` moves the project to them.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { openStore } from '@core/library/store/index.js';

const cli = (...args: string[]) => runCli([...args, '--lang', 'zh']);

describe('bidforge check / update 与条款新版本', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bf-update-'));
  const data = join(dir, 'data');
  const file = join(dir, 'card.json');

  beforeAll(async () => {
    copyFileSync('test/commitments/fixtures/legacy/warranty-card-sample.json', file);
    // The project is saved once (its pins recorded), then legal approves a new version of one of its clauses.
    const api = createLocalClient(createHandlers({ templatesDir: 'templates', dataDir: data, program: 'test' }));
    const { project } = await api.parseProject({ text: readFileSync(file, 'utf8'), fileName: file });
    await api.recordProjectPins({ project });
    const source = readFileSync('templates/clauses/wc-coverage.md', 'utf8');
    const body = source.slice(source.indexOf('---', source.indexOf('---') + 3) + 3).trimStart();
    const store = await openStore({ dataDir: data, program: 'test', templatesDir: 'templates' });
    const ref = await store.editVariant(
      'wc-coverage',
      '标准',
      { body: `${body}\n保修期内请妥善保管本卡。\n`, changeNote: '增加保管提示' },
      '法务部',
    );
    await store.submit(ref, '法务部');
    await store.approve(ref, '法务负责人');
    await store.close();
  });

  it('check 列出有更新的已批准版本的条款（提醒，不阻止导出）', async () => {
    const r = await cli('check', file, '--data', data);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/警告：.*有更新的已批准版本：本项目使用第1版，最新为第2版/);
  });

  it('update 把项目更新到新版本，并说明更新了哪些条款', async () => {
    const r = await cli('update', file, '--data', data);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/条款「.+」（标准）：第1版 → 第2版/);
    // The file now carries its id, so the store still knows it when its text changes.
    expect(JSON.parse(readFileSync(file, 'utf8')).id).toMatch(/^p-/);
  });

  it('更新之后 check 不再提醒，再次 update 说明已是最新', async () => {
    expect((await cli('check', file, '--data', data)).out).not.toContain('有更新的已批准版本');
    expect((await cli('update', file, '--data', data)).out).toContain('所用条款均为最新的已批准版本');
  });

  it('update 不指定项目文件时退出码为 2', async () => {
    expect((await cli('update', '--data', data)).code).toBe(2);
  });
});
