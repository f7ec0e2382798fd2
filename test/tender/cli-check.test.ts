// bidforge check --tender: the self-check against the tender stored in the project, exit 1 when it finds an error,
// and --xlsx writes the report that exceljs reads back.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Project } from '@core/model/project.js';
import { tempDir } from '../helpers/tmp.js';
import { projectWithTender, withFact } from './selfCheckFixture.js';

const dir = tempDir('bf-tender-check-');
const data = tempDir('bf-tender-check-data-');

const cli = (...args: string[]) => runCli([...args, '--data', data]);

let good: string;
let bad: string;
let noTender: string;
beforeAll(async () => {
  const p = await projectWithTender();
  const write = (name: string, project: Project) => {
    writeFileSync(join(dir, name), JSON.stringify(project, null, 2));
    return join(dir, name);
  };
  // The sample's only error is the mandated section it lacks; with the section dismissed it passes.
  const t = p.tender!;
  good = write('good.json', {
    ...p,
    tender: { ...t, rows: t.rows.map((r) => (r.text.includes('应急抢修预案') ? { ...r, decision: 'dismissed' } : r)) },
  });
  bad = write('bad.json', withFact(p, 'arrive', { value: 6, unit: '小时' }));
  const { tender: _t, ...rest } = p;
  noTender = write('plain.json', rest);
}, 60_000);

describe('bidforge check --tender', () => {
  it('没有错误时退出码 0，提示项（投标函另行准备）照常列出', async () => {
    const r = await cli('check', good, '--tender', '--lang', 'zh');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('自查发现 0 个错误、1 个提示');
    expect(r.out).toContain('招标文件要求的「投标函」不由本软件生成');
  });

  it('★负偏离和被触发的废标条款：退出码 1，每行带招标文件位置和处理建议', async () => {
    const r = await cli('check', bad, '--tender', '--lang', 'zh');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /错误 {2}★实质性条款 {2}第\d+段（第2页起） {2}★实质性条款「接到报修通知后2小时内到达现场。」为负偏离（我方：6小时）/,
    );
    expect(r.out).toMatch(
      /错误 {2}废标条款 {2}第\d+段（第1页起） {2}废标条款「投标人承诺的到场时间超过4小时的，其投标无效。」被触发/,
    );
    expect(r.out).toContain('处理：在承诺中改为满足该条款的数值，否则投标将被否决');
  });

  it('--xlsx 写出自查表，--json 给出同样的行；英文输出', async () => {
    const file = join(dir, '自查表.xlsx');
    const r = await cli('check', bad, '--tender', '--xlsx', file, '--json');
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.out) as { text: string }[];
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('投标自查表');
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect(rows.map((x, i) => [x.text, String(sheet.getRow(i + 2).getCell(4).value)]).every(([a, b]) => a === b)).toBe(
      true,
    );
    const en = await cli('check', bad, '--tender', '--lang', 'en');
    expect(en.out).toContain('the self-check found');
    expect(en.out).toContain('Disqualification “投标人承诺的到场时间超过4小时的，其投标无效。” is tripped');
  });

  it('项目中没有招标文件：说明只核对了★条款和数字；不存在的项目文件退出码 2', async () => {
    const r = await cli('check', noTender, '--tender', '--lang', 'zh');
    expect(r.out).toContain('项目中没有招标文件记录');
    expect(r.code).toBe(0);
    expect((await cli('check', join(dir, 'nope.json'), '--tender')).code).toBe(2);
  });
});
