// 自查 (#18 item 5) on the bid package sample with a generated tender stored in it: each finding appears when the bid
// has the fault and goes when it is fixed; the XLSX report reads back with exceljs.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '@core/model/project.js';
import type { SelfCheckRow } from '@core/tender/selfCheck.js';
import { SELF_CHECK_CODES, selfCheckWords } from '@core/tender/selfCheckMessages.js';
import { api, projectWithTender, withFact } from './selfCheckFixture.js';

let base: Project;
beforeAll(async () => {
  base = await projectWithTender();
});

const check = async (project: Project) => (await api.tenderSelfCheck({ project })).rows;
const codes = (rows: SelfCheckRow[]) => rows.map((r) => r.code);
const arriveIn = (p: Project, hours: number) => withFact(p, 'arrive', { value: hours, unit: '小时' });

describe('自查：★实质性条款', () => {
  it('样例满足全部★条款时，不列★行', async () => {
    expect((await check(base)).filter((r) => r.kind === 'star')).toEqual([]);
  });

  it('★条款负偏离列为错误，带招标文件页码和对应的偏离表行', async () => {
    const rows = await check(arriveIn(base, 3));
    const star = rows.filter((r) => r.kind === 'star');
    expect(star).toHaveLength(1);
    expect(star[0]).toMatchObject({ severity: 'error', code: 'star_negative', field: 'requirements.0' });
    expect(star[0]!.where).toMatchObject({ page: 2 });
    expect(star[0]!.text).toContain('接到报修通知后2小时内到达现场');
    expect(star[0]!.text).toContain('3小时');
  });

  it('注明接受理由的★负偏离仍然列出，作为提示并写明理由', async () => {
    const p = arriveIn(base, 3);
    const accepted = {
      ...p,
      requirements: p.requirements!.map((q, i) => (i === 0 ? { ...q, accepted: '山区路程远' } : q)),
    };
    const star = (await check(accepted)).filter((r) => r.kind === 'star');
    expect(star).toEqual([expect.objectContaining({ severity: 'warning', code: 'star_accepted' })]);
    expect(star[0]!.text).toContain('山区路程远');
  });

  it('没有可比数值也没有填写偏离的★条款列为未应答', async () => {
    const p = { ...base, requirements: [...base.requirements!, { item: '9', text: '须提供原厂授权书', star: true }] };
    const rows = await check(p);
    expect(rows).toContainEqual(expect.objectContaining({ code: 'star_unanswered', field: 'requirements.2' }));
  });

  it('招标文件的★条款未确认进偏离表时列出；确认后消失', async () => {
    const t = base.tender!;
    const i = t.rows.findIndex((r) => r.kind === 'star' && r.fact === 'warranty');
    const pending: Project = {
      ...base,
      requirements: base.requirements!.filter((q) => q.fact !== 'warranty'),
      tender: { ...t, rows: t.rows.map((r, k) => (k === i ? { ...r, decision: 'pending' } : r)) },
    };
    const rows = await check(pending);
    expect(rows).toContainEqual(expect.objectContaining({ code: 'star_not_confirmed', where: t.rows[i]!.loc }));
    expect(codes(await check(base))).not.toContain('star_not_confirmed');
  });
});

describe('自查：废标条款', () => {
  it('承诺的到场时间触发“超过4小时即无效”的废标条款时列为错误，并指向该承诺', async () => {
    const rows = (await check(arriveIn(base, 6))).filter((r) => r.kind === 'disqualify');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ severity: 'error', code: 'disqualify_tripped', where: { page: 1 } });
    expect(rows[0]!.text).toContain('6小时');
    expect(rows[0]!.text).toContain('≤4小时');
    const at = base.commitments!.findIndex((c) => c.id === 'arrive');
    expect(rows[0]!.field).toBe(`commitments.${at}`);
  });

  it('3小时到场是★负偏离，但不触发4小时的废标条款；没有数值的废标条款不列', async () => {
    const rows = await check(arriveIn(base, 3));
    expect(codes(rows)).toContain('star_negative');
    expect(rows.filter((r) => r.kind === 'disqualify')).toEqual([]);
  });
});

describe('自查：指定目录与格式', () => {
  it('完整的投标文件包：只缺目录中的“应急抢修预案”一节，投标函另行准备', async () => {
    const rows = await check(base);
    const mandated = rows.filter((r) => r.kind === 'document' || r.kind === 'section');
    expect(mandated.map((r) => [r.code, r.params.title])).toEqual([
      ['section_missing', '应急抢修预案'],
      ['document_elsewhere', '投标函'],
    ]);
    expect(mandated[0]!.where).toMatchObject({ page: 3 });
  });

  it('只有售后服务方案时，目录要求的承诺书、偏离表和安装外包协议列为缺少', async () => {
    const rows = await check(await projectWithTender(['service-plan']));
    expect(rows.filter((r) => r.code === 'document_missing').map((r) => r.params.title)).toEqual([
      '售后服务承诺书',
      '服务偏离表',
      '安装外包协议',
    ]);
    expect(rows.find((r) => r.params.title === '服务偏离表')?.todo).toContain('售后服务偏离表');
  });
});

describe('自查：文件之间的数字', () => {
  it('保修卡的整机保修期与方案的质保期不同即列出；相同则不列', async () => {
    const differ = await check(withFact(base, 'warranty_card_unit', { value: 24, unit: '个月' }));
    const row = differ.find((r) => r.kind === 'figures');
    expect(row).toMatchObject({ severity: 'error', code: 'figures_differ' });
    expect(row!.text).toMatch(/24个月.*36个月/);
    expect((await check(base)).filter((r) => r.kind === 'figures')).toEqual([]);
  });
});

describe('自查表 XLSX', () => {
  it('一张工作表，中文表头，每行带招标文件位置，与自查结果一致', async () => {
    const project = arriveIn(base, 6);
    const rows = await check(project);
    const { fileName, bytes } = await api.exportTenderSelfCheck({ project });
    expect(fileName).toMatch(/投标自查表\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['投标自查表']);
    const sheet = book.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    expect(values(1)).toEqual(['序号', '严重程度', '类别', '问题', '招标文件位置', '处理建议']);
    expect(sheet.rowCount).toBe(rows.length + 1);
    rows.forEach((r, i) => {
      const [no, severity, , text, , todo] = values(i + 2);
      expect([no, severity, text, todo]).toEqual([
        String(i + 1),
        r.severity === 'error' ? '错误' : '提示',
        r.text,
        r.todo,
      ]);
    });
    const tripped = rows.findIndex((r) => r.code === 'disqualify_tripped');
    // A DOCX tender is placed by paragraph through the document, with its page counted from page breaks.
    expect(values(tripped + 2)[4]).toMatch(/^第\d+段（第1页起）$/);
    expect([book.creator, book.lastModifiedBy]).toEqual(['BidForge', 'BidForge']);
  });

  it('英文版：英文表头和措辞', async () => {
    const { bytes } = await api.exportTenderSelfCheck({ project: arriveIn(base, 6), lang: 'en' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'No.',
      'Severity',
      'Kind',
      'Finding',
      'Place in the tender',
      'What to do',
    ]);
    expect(String(sheet.getRow(2).getCell(6).value)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('每种自查结果都有中英文措辞', () => {
    const params = {
      text: 'X',
      row: 1,
      ours: '3h',
      reason: 'R',
      required: '≤2h',
      title: 'T',
      blueprint: 'B',
      document: 'D',
      message: 'M',
    };
    for (const code of SELF_CHECK_CODES) {
      const zh = selfCheckWords(code, params, 'zh');
      const en = selfCheckWords(code, params, 'en');
      expect(zh.text + zh.todo).toMatch(/[\u4e00-\u9fff]/);
      expect(en.text + en.todo).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
