// Bid packages: one project, one set of values, several documents; checks across them. And every shipped sample
// checks clean, whether it is one document or a package.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleAndCheck } from '@core/check/rules.js';
import { loadTemplates } from '@core/library/loadTemplates.js';
import type { Commitment } from '@core/commitments/schema.js';
import type { Block, Document } from '@core/model/document.js';
import type { Library } from '@core/model/library.js';
import type { Project } from '@core/model/project.js';
import { assemblePackage, checkProject, packageProblems } from '@core/package/index.js';
import { parseProjectText } from '@core/project/parse.js';
import { legacyProject } from '../commitments/legacyFixtures.js';
import { textOf } from '../helpers/library.js';
import { templatesDir } from '../helpers/paths.js';

let lib: Library;
let pkg: Project;
const samplesDir = join(templatesDir, 'samples');
const readSample = (f: string) => parseProjectText(readFileSync(join(samplesDir, f), 'utf8'), f);

beforeAll(async () => {
  lib = await loadTemplates(templatesDir);
  pkg = readSample('bid-package-sample.json');
});

const withValues = (values: Record<string, unknown>): Project => ({ ...pkg, values: { ...pkg.values, ...values } });
/**
 * The package as saved before facts, on the clauses of its time, with some values replaced: the cross-file rules
 * below compare values that only those clauses declare (on the shipped sample, which states facts and uses the
 * clauses on facts, they do not fire yet — reported to the checks' owner).
 */
const legacyWithValues = (values: Record<string, unknown>): Project => {
  const old = legacyProject('bid-package-sample', { outline: true });
  return { ...old, values: { ...old.values, ...values } };
};
/** The package with some of its facts changed (the sample states its promises as facts, not values). */
const withFacts = (patches: Record<string, Partial<Commitment>>): Project => ({
  ...pkg,
  commitments: pkg.commitments!.map((c) => (patches[c.id] ? ({ ...c, ...patches[c.id] } as Commitment) : c)),
});
const codes = (p: Project) => packageProblems(assemblePackage(p, lib)).map((x) => x.code);
const docText = (d: Document) => textOf(d.blocks);

describe('样例', () => {
  it.each(readdirSync(samplesDir).filter((f) => f.endsWith('.json')))('%s 检查无任何问题（简体和繁体）', (f) => {
    const p = readSample(f);
    // The bid package accepts one negative deviation (item 3.7, with its reason): it stays visible as a warning.
    const expected = f === 'bid-package-sample.json' ? [['warning', 'negative_deviation']] : [];
    expect(checkProject(p, lib).map((x) => [x.severity, x.code])).toEqual(expected);
    expect(checkProject({ ...p, script: 'hant' }, lib).map((x) => [x.severity, x.code])).toEqual(expected);
  });
});

describe('投标文件包', () => {
  it('一个项目生成五份文件：方案、承诺书、偏离表、安装协议、保修卡', () => {
    const r = assemblePackage(pkg, lib);
    expect(r.documents.map((d) => [d.blueprint, d.document.meta.projectName])).toEqual([
      ['service-plan', '售后服务方案'],
      ['commitment-letter', '售后服务承诺书'],
      ['deviation-table', '售后服务偏离表'],
      ['install-agreement', '安装外包协议'],
      ['warranty-card', '产品保修卡'],
    ]);
    // Only the accepted negative deviation (item 3.7), which stays visible as a warning.
    expect(packageProblems(r).map((p) => [p.severity, p.code])).toEqual([['warning', 'negative_deviation']]);
  });

  it('同一数值只填一次，方案和承诺书中的承诺一致', () => {
    const r = assemblePackage(withFacts({ arrive: { within: { value: 90, unit: '分钟' } } }), lib);
    const [plan, letter] = r.documents;
    expect(docText(plan!.document)).toContain('90分钟内到达现场');
    expect(docText(letter!.document)).toContain('90分钟');
  });

  it('偏离表按共享的数值计算：到场承诺改为 4 小时后，★条款成为负偏离并报废标风险（只报一次）', () => {
    const r = assemblePackage(
      withFacts({
        arrive: { within: { value: 4, unit: '小时' } },
        installer_arrive: { within: { value: 4, unit: '小时' } },
      }),
      lib,
    );
    const table = r.documents[2]!.document.blocks.find(
      (b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table',
    );
    expect(table?.rows[1]).toEqual([
      '2',
      '3.2',
      '★接到通知后2小时内到达现场',
      '接到通知后4小时内到达现场',
      '负偏离',
      '',
    ]);
    expect(packageProblems(r).filter((p) => p.code === 'star_negative_deviation')).toHaveLength(1);
  });

  it('安装协议给服务商的到场时限宽于对采购人的承诺时报错（跨文件）', () => {
    const problems = packageProblems(
      assemblePackage(legacyWithValues({ installer_arrival: { value: 4, unit: '小时' } }), lib),
    );
    expect(problems.filter((p) => p.code === 'installer_arrival_looser')).toEqual([
      expect.objectContaining({ severity: 'error', field: 'values.installer_arrival' }),
    ]);
  });

  it('保修卡的整机保修期与方案不同时报错（跨文件）', () => {
    expect(codes(legacyWithValues({ whole_unit_months: 24 }))).toContain('card_warranty_mismatch');
  });

  it('每份文件的问题注明所属文件（file = 蓝本）', () => {
    const problems = packageProblems(assemblePackage(withValues({ party_b_name: undefined }), lib));
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'missing_value', field: 'values.party_b_name', file: 'install-agreement' }),
    );
  });

  it('没有任何文件使用的值只警告一次；只被某一份文件使用的值不算“没有被使用”', () => {
    const problems = packageProblems(assemblePackage(withValues({ stray: 1 }), lib));
    expect(problems.filter((p) => p.code === 'unused_value')).toEqual([
      expect.objectContaining({ field: 'values.stray' }),
    ]);
  });

  it('不存在的蓝本报 unknown_blueprint', () => {
    expect(codes({ ...pkg, documents: ['service-plan', 'no-such'] })).toContain('unknown_blueprint');
  });

  it('单独预览包中的一份文件时，它也看得到其他文件的数值', () => {
    expect(
      assembleAndCheck({ ...pkg, blueprint: 'deviation-table' }, lib).problems.map((p) => [p.severity, p.code]),
    ).toEqual([['warning', 'negative_deviation']]);
  });
});

describe('样例中的计算值', () => {
  it('保修卡按购买日期逐个部件推算保修截止日期', () => {
    const card = assembleAndCheck(readSample('warranty-card-sample.json'), lib).document;
    const table = card.blocks.find(
      (b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.header[0] === '保修部件',
    );
    // purchase 2026-11-24: 72 months → 2032-11-24, 12 months → 2027-11-24.
    expect(table?.rows.map((r) => [r[0], r[2]])).toEqual([
      ['整机', '2032年11月24日'],
      ['压缩机', '2032年11月24日'],
      ['水箱内胆', '2032年11月24日'],
      ['管路及电气部件', '2027年11月24日'],
    ]);
  });

  it('安装协议的费用测算表逐行计算金额并有合计行，合计金额另写大写', () => {
    const doc = assembleAndCheck(readSample('install-agreement-sample.json'), lib).document;
    const table = doc.blocks.find(
      (b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.header[0] === '安装区域',
    );
    expect(table?.totals).toBe(true);
    expect(table?.rows.at(-1)).toEqual(['合计', '1040', '—', '¥87,100.00']);
    expect(docText(doc)).toContain('¥87,100.00（大写：人民币捌万柒仟壹佰元整）');
  });
});

describe('内置模板中的条件', () => {
  it('完整版方案：不承诺潜在缺陷保证时不写这一项，也不要求填写其期限', () => {
    const p = readSample('service-plan-full-sample.json');
    const commitments = p.commitments!.filter((c) => c.id !== 'latent_defect');
    const a = assembleAndCheck({ ...p, commitments }, lib);
    expect(a.problems).toEqual([]);
    expect(docText(a.document)).not.toContain('潜在缺陷');
    expect(docText(assembleAndCheck(p, lib).document)).toContain('潜在缺陷保证期为24个月');
  });

  it('安装协议：未填写分区域数量时不附费用测算表，其余附件编号不变', () => {
    const p = readSample('install-agreement-sample.json');
    const values: Record<string, unknown> = { ...p.values };
    delete values.install_batches;
    const a = assembleAndCheck({ ...p, values }, lib);
    expect(a.problems).toEqual([]);
    const annexes = a.document.blocks.flatMap((b) => (b.kind === 'heading' && b.annex ? [b.text] : []));
    expect(annexes).toEqual(['附件1 安装人员行为与安全规范', '附件2 违约扣款标准']);
    expect(docText(a.document)).toContain(
      '督促安装人员遵守附件1《安装人员行为与安全规范》；乙方的其他违约行为，按附件2《违约扣款标准》处理。',
    );
  });
});
