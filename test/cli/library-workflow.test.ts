// Legal's workflow on the command line: bidforge library list|show|add|edit|submit|approve|reject|retire on the store
// in --data DIR, acting as --as NAME; the same four-eyes rule and lock as the app.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { openStore } from '@core/library/store/index.js';

const cli = (...args: string[]) => runCli(['--lang', 'zh', ...args]);
const tmp = () => mkdtempSync(join(tmpdir(), 'bf-libwork-'));

const HOLIDAY = `---
{
  "title": "节假日值班承诺",
  "category": "服务承诺",
  "tags": ["值班"],
  "variables": [{ "key": "duty_phone", "type": "text", "label": "值班电话", "required": true, "default": "400-000-0000" }],
  "changeNote": "新建"
}
---
节假日期间安排专人值班，值班电话 {{duty_phone}}。
`;

/** A data folder with the 节假日值班承诺 clause added by 张律师; returns its folder and generated id. */
async function withDraft() {
  const data = tmp();
  const file = join(data, 'holiday.md');
  writeFileSync(file, HOLIDAY);
  const r = await cli('library', 'add', file, '--as', '张律师', '--data', data);
  expect(r.code).toBe(0);
  const id = /（([a-z][a-z0-9-]*)）/.exec(r.out)![1]!;
  return { data, id };
}
const historyOf = async (data: string, id: string) =>
  JSON.parse((await cli('library', 'show', id, '--json', '--data', data)).out).history as {
    version: number;
    status: string;
    author: string;
    reviewer?: string;
    rejectReason?: string;
    singleReviewer?: boolean;
  }[];

describe('bidforge library 条款工作流', () => {
  it('add 从 Markdown 文件新建草稿，id 自动生成；list 按标题或 id 都能找到', async () => {
    const { data, id } = await withDraft();
    expect(id).toMatch(/-\d+$/);
    const byTitle = await cli('library', 'list', '值班承诺', '--data', data);
    expect(byTitle.out.split('\n')[0]).toMatch(new RegExp(`^节假日值班承诺\\t${id}\\t标准\\tv1 草稿`));
    const byId = await cli('library', 'list', id, '--json', '--data', data);
    expect(JSON.parse(byId.out)[0]).toMatchObject({
      clauseId: id,
      title: '节假日值班承诺',
      latest: { version: 1, status: 'draft', author: '张律师' },
    });
  });

  it('show 先写标题再写 id，列出历史与正文；--json 给出条款和历史', async () => {
    const { data, id } = await withDraft();
    const r = await cli('library', 'show', id, '--data', data);
    expect(r.out.split('\n')[0]).toBe(`“节假日值班承诺”（${id}）`);
    expect(r.out).toMatch(/v1\t草稿\t张律师/);
    expect(r.out).toContain('值班电话 {{duty_phone}}');
    const json = JSON.parse((await cli('library', 'show', id, '--json', '--data', data)).out);
    expect(json.clause).toMatchObject({ id, title: '节假日值班承诺', tags: ['值班'] });
  });

  it('edit 把文件写成新的草稿版本；show --md 打印的文件改过后可直接交给 edit，标题变化也一并保存', async () => {
    const { data, id } = await withDraft();
    const md = (await cli('library', 'show', id, '--md', '--data', data)).out;
    const file = join(data, 'edited.md');
    writeFileSync(
      file,
      md
        .replace('"title": "节假日值班承诺"', '"title": "节假日及夜间值班承诺"')
        .replace('专人值班', '专人 24 小时值班'),
    );
    const r = await cli('library', 'edit', id, file, '--as', '张律师', '--data', data);
    expect(r.code).toBe(0);
    expect(r.out).toContain('第 2 版草稿');
    const shown = await cli('library', 'show', id, '--data', data);
    expect(shown.out).toContain('“节假日及夜间值班承诺”');
    expect(shown.out).toContain('专人 24 小时值班');
  });

  it('作者本人批准被拒绝（退出码 1，按标题说明），换一位审核人 --as 批准成功', async () => {
    const { data, id } = await withDraft();
    expect((await cli('library', 'submit', id, '--as', '张律师', '--data', data)).code).toBe(0);
    const own = await cli('library', 'approve', id, '--as', '张律师', '--data', data);
    expect(own.code).toBe(1);
    expect(own.err).toContain('“节假日值班承诺”');
    expect(own.err).toContain('作者不能批准自己的版本');
    const ownEn = await cli('library', 'approve', id, '--as', '张律师', '--data', data, '--lang', 'en');
    expect(ownEn.err).toMatch(/nobody approves their own version/);
    expect((await historyOf(data, id))[0]).toMatchObject({ status: 'in_review' });

    const second = await cli('library', 'approve', id, '--as', '李主任', '--data', data);
    expect(second.code).toBe(0);
    expect(second.out).toContain('审核人 李主任');
    expect((await historyOf(data, id))[0]).toMatchObject({ status: 'approved', author: '张律师', reviewer: '李主任' });
  });

  it('设置开启单人审核后作者可批准自己的版本，历史记下“单人审核”', async () => {
    const { data, id } = await withDraft();
    const api = createLocalClient(createHandlers({ templatesDir: 'templates', dataDir: data }));
    const { settings } = await api.getSettings({});
    await api.saveSettings({ settings: { ...settings, userName: '张律师', singleReviewer: true } });
    await cli('library', 'submit', id, '--data', data); // 设置's user name acts when --as is not given
    const r = await cli('library', 'approve', id, '--data', data);
    expect(r.code).toBe(0);
    expect(r.out).toContain('单人审核');
    expect((await historyOf(data, id))[0]).toMatchObject({
      status: 'approved',
      reviewer: '张律师',
      singleReviewer: true,
    });
    expect((await cli('library', 'show', id, '--data', data)).out).toContain('（单人审核）');
  });

  it('reject 必须写原因；退回后作者在 show 中看到原因', async () => {
    const { data, id } = await withDraft();
    await cli('library', 'submit', id, '--as', '张律师', '--data', data);
    const noReason = await cli('library', 'reject', id, '--as', '李主任', '--data', data);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain('--reason');
    const r = await cli('library', 'reject', id, '--as', '李主任', '--reason', '值班时间要写明', '--data', data);
    expect(r.code).toBe(0);
    expect((await cli('library', 'show', id, '--data', data)).out).toContain('退回原因：值班时间要写明');
  });

  it('状态不对时拒绝（退出码 1）：没有待审核的版本不能批准，停用后不能再提交', async () => {
    const { data, id } = await withDraft();
    const early = await cli('library', 'approve', id, '--as', '李主任', '--data', data);
    expect(early.code).toBe(1);
    expect(early.err).toContain('“节假日值班承诺”');
    expect(early.err).toContain('没有待审核的版本');
    expect((await cli('library', 'retire', id, '--as', '李主任', '--data', data)).code).toBe(0);
    expect((await cli('library', 'submit', id, '--as', '张律师', '--data', data)).code).toBe(1);
  });

  it('输入有误时退出码 2：没有前言的文件、文件里写了 id、不存在的条款、没有操作人', async () => {
    const data = tmp();
    const bare = join(data, 'bare.md');
    writeFileSync(bare, '只有正文\n');
    const noFront = await cli('library', 'add', bare, '--as', '张律师', '--data', data);
    expect(noFront.code).toBe(2);
    expect(noFront.err).toContain('bare.md');
    const withId = join(data, 'with-id.md');
    writeFileSync(withId, HOLIDAY.replace('"title"', '"id": "my-id",\n  "title"'));
    expect((await cli('library', 'add', withId, '--as', '张律师', '--data', data)).code).toBe(2);
    expect((await cli('library', 'show', 'no-such-clause', '--data', data)).code).toBe(2);
    const nobody = await cli('library', 'add', join(data, '..', 'missing.md'), '--data', data);
    expect(nobody.code).toBe(2);
    const good = join(data, 'good.md');
    writeFileSync(good, HOLIDAY);
    const anonymous = await cli('library', 'add', good, '--data', data);
    expect(anonymous.code).toBe(2);
    expect(anonymous.err).toContain('--as');
  });
});

describe('条款包按标题列出条款，id 在后', () => {
  it('export 列出每个条款的标题、变体和版本，import 预览的冲突行先写标题', async () => {
    const data = tmp();
    const pack = join(data, 'legal.bfpack.json');
    const legal = join(data, 'legal-office');
    const store = await openStore({ dataDir: legal, program: 'test', templatesDir: 'templates' });
    const ref = await store.editVariant(
      'warranty-terms',
      '标准',
      { body: '法务部修改后的保修条款。\n', changeNote: '修改' },
      '法务部',
    );
    await store.submit(ref, '法务部');
    await store.approve(ref, '法务负责人');
    await store.close();
    const exported = await cli('library', 'export', '--out', pack, '--clauses', 'warranty-terms', '--data', legal);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^ {2}保修条款（标准）v2\twarranty-terms$/m);

    const preview = await cli('library', 'import', pack, '--dry-run', '--data', join(data, 'bid-office'));
    expect(preview.out).toMatch(/^ {2}冲突\t保修条款（标准）\tclause:warranty-terms\/标准$/m);
  });
});

describe('bidforge library 与应用同时使用条款库', () => {
  it('应用一直占着锁时，命令行等待后说明谁占着（--lang en 时用英文），退出码 1，库文件不变', async () => {
    const { data, id } = await withDraft();
    await cli('library', 'submit', id, '--as', '张律师', '--data', data);
    const app = await openStore({ dataDir: data, program: 'app' });
    await app.markReviewed('warranty-terms', '法务部'); // takes the lock and keeps it until close
    const before = readFileSync(join(data, 'library.json'), 'utf8');
    const r = await cli('library', 'approve', id, '--as', '李主任', '--wait', '0.5', '--data', data, '--lang', 'en');
    await app.close();
    expect(r.code).toBe(1);
    // The holder in the reader's language (core/library/store/storeText.ts through errorText), no Chinese left.
    expect(r.err).toMatch(/The clause library is in use by app \(pid \d+\) since \d{4}-/);
    expect(r.err).not.toMatch(/\p{Script=Han}/u);
    expect(readFileSync(join(data, 'library.json'), 'utf8')).toBe(before);
  });

  it('应用写完放开锁，命令行等到后写入：两边的修改都在，一个也不丢', async () => {
    const { data, id } = await withDraft();
    await cli('library', 'submit', id, '--as', '张律师', '--data', data);
    const app = await openStore({ dataDir: data, program: 'app' });
    await app.markReviewed('warranty-terms', '法务部');
    const waiting = cli('library', 'approve', id, '--as', '李主任', '--data', data);
    await new Promise((r) => setTimeout(r, 400));
    await app.editVariant('warranty-terms', '标准', { changeNote: '应用里的修改' }, '法务部'); // the app's own write, still holding the lock
    await app.releaseLock();
    const r = await waiting;
    await app.close();
    expect(r.code).toBe(0);
    const after = await openStore({ dataDir: data, program: 'test' });
    expect((await after.history(id))[0]).toMatchObject({ status: 'approved', reviewer: '李主任' });
    expect((await after.history('warranty-terms', '标准'))[0]).toMatchObject({ changeNote: '应用里的修改' });
    await after.close();
  });
});
