// bidforge library import-word FILE.docx: a Word document's clauses become drafts on the store in --data DIR, as
// --as NAME; duplicates of library clauses are skipped; --dry-run changes nothing; refusals name the file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { NUMBERED, STYLED, wordDocx } from '../library/wordFixture.js';

const cli = (...args: string[]) => runCli(args);
const tmp = () => mkdtempSync(join(tmpdir(), 'bf-libword-'));

type Row = { clauseId: string; title: string; category: string; latest: { status: string; author: string } };
const drafts = async (data: string) =>
  (JSON.parse((await cli('library', 'list', '--status', 'draft', '--json', '--data', data)).out) as Row[]).filter(
    (r) => r.latest.author === '王法务',
  );

describe('library import-word', () => {
  it('--dry-run 只列出候选条款，不写入条款库；导入的协议条款属于安装协议', async () => {
    const data = tmp();
    const file = join(data, '安装协议.docx');
    writeFileSync(file, await wordDocx(NUMBERED));
    const r = await cli('--lang', 'zh', 'library', 'import-word', file, '--dry-run', '--as', '王法务', '--data', data);
    expect(r.code).toBe(0);
    expect(r.out).toContain('安装协议.docx：4 个候选条款（按中文编号拆分）');
    expect(r.out).toMatch(/2\. 服务时限（服务时限）；承诺：响应时限 1小时、到达现场时限 4小时、修复时限 48小时/);
    expect(await drafts(data)).toEqual([]);
    const en = await cli('--lang', 'en', 'library', 'import-word', file, '--dry-run', '--data', data);
    expect(en.out).toContain('安装协议.docx: 4 candidate clauses (split by Chinese numbering)');
    expect(en.out).toContain('2. 服务时限 (服务时限); facts: 响应时限 1小时, 到达现场时限 4小时, 修复时限 48小时');
    expect(en.out).toContain('--dry-run: nothing changed');
    // Imported for real, its drafts are clauses of installation agreements.
    await cli('library', 'import-word', file, '--as', '王法务', '--data', data);
    const rows = (await drafts(data)) as (Row & { docTypes: string[] })[];
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.docTypes).toEqual(['install-agreement']);
  });

  it('每个候选条款成为 --as 所写的草稿，未经批准；再导入同一文件时全部标为重复并跳过', async () => {
    const data = tmp();
    const file = join(data, 'plan.docx');
    writeFileSync(
      file,
      await wordDocx([
        ...STYLED,
        // A clause the library lacks.
        { h: 1, text: '节假日服务' },
        { p: '春节、国庆等法定节假日期间，我公司安排工程师轮流值班，报修受理和上门服务不因节假日中断。' },
      ]),
    );
    const r = await cli('library', 'import-word', file, '--json', '--as', '王法务', '--data', data);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { candidates: { n: number; title: string }[]; created: { clauseId: string }[] };
    expect(result.candidates.map((c) => c.title)).toEqual(['响应与到场', '质量保证', '服务网点与人员', '节假日服务']);
    const rows = await drafts(data);
    expect(rows.map((x) => x.title).sort()).toEqual(['响应与到场', '质量保证', '服务网点与人员', '节假日服务'].sort());
    for (const row of rows) expect(row.latest.status).toBe('draft');
    // The draft's body cites the facts, as the library's atomic clauses do.
    const shown = JSON.parse(
      (await cli('library', 'show', result.created[0]!.clauseId, '--json', '--data', data)).out,
    ) as { clause: { variants: { versions: { body: string; changeNote: string }[] }[] } };
    const v = shown.clause.variants[0]!.versions[0]!;
    expect(v.body).toContain('{{figure "arrive"}}');
    expect(v.changeNote).toBe('从 plan.docx 导入');

    // The same file again: every candidate now duplicates a draft just made, and is skipped.
    const again = await cli('--lang', 'zh', 'library', 'import-word', file, '--as', '王法务', '--data', data);
    expect(again.code).toBe(0);
    expect(again.out).toContain('已跳过 4 个与条款库重复的候选');
    expect(again.out).toContain('已新建 0 个草稿');
    expect(await drafts(data)).toHaveLength(4);
  });

  it('旧版 Word、损坏的文件、找不到的文件：退出码 2，写明文件名', async () => {
    const data = tmp();
    const broken = join(data, '损坏.docx');
    writeFileSync(broken, (await wordDocx(STYLED)).slice(0, 2000));
    const r = await cli('--lang', 'en', 'library', 'import-word', broken, '--as', '王法务', '--data', data);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/损坏\.docx cannot be read: it is not a valid DOCX file/);
    const missing = await cli('library', 'import-word', join(data, 'none.docx'), '--data', data);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('none.docx');
    const plain = join(data, '说明.txt');
    writeFileSync(plain, '不是 Word 文件');
    const txt = await cli('--lang', 'zh', 'library', 'import-word', plain, '--data', data);
    expect(txt.code).toBe(2);
    expect(txt.err).toContain('说明.txt 不是 Word 文档');
  });
});
