// Every number each sample prints is traced to a fact, a project value, a value computed from them or numbering
// (test/commitments/trace.ts); a figure a clause writes itself fails, and the last tests show that it does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '@core/assemble/assemble.js';
import { loadTemplates } from '@core/library/loadTemplates.js';
import type { Library } from '@core/model/library.js';
import type { Problem } from '@core/model/problem.js';
import type { Project } from '@core/model/project.js';
import { assemblePackage } from '@core/package/assemblePackage.js';
import { parseProjectText } from '@core/project/parse.js';
import { templatesDir } from '../helpers/paths.js';
import { documentText, traceDocument, type Traced } from './trace.js';

const samplesDir = join(templatesDir, 'samples');
const SAMPLES = readdirSync(samplesDir).filter((f) => f.endsWith('.json'));
const read = (f: string): Project => parseProjectText(readFileSync(join(samplesDir, f), 'utf8'), f);

let lib: Library;
beforeAll(async () => {
  lib = await loadTemplates(templatesDir);
});

/** Each document of a sample (a bid package has several), assembled. */
function documentsOf(p: Project): { blueprint: string; traced: Traced & { problems: Problem[] } }[] {
  if (!p.documents) return [{ blueprint: p.blueprint, traced: assemble(p, lib) }];
  return assemblePackage(p, lib).documents.map((d) => ({ blueprint: d.blueprint, traced: d.assembly }));
}

describe('样例中的每个数字都有来处', () => {
  it.each(SAMPLES)('%s：每个数字来自承诺、项目数据、计算结果或编号', (f) => {
    const p = read(f);
    for (const { blueprint, traced } of documentsOf(p)) {
      expect([blueprint, traced.problems.filter((x) => x.severity === 'error')]).toEqual([blueprint, []]);
      expect([blueprint, traceDocument(p, traced)]).toEqual([blueprint, []]);
    }
  });
});

describe('条款自己写下的数字过不了追溯', () => {
  /** The basic sample with one sentence added to its 服务承诺 clause. */
  function withSentence(sentence: string) {
    const p = read('service-plan-sample.json');
    const clauses = lib.clauses.map((c) =>
      c.id === 'service-commitment' && c.variant === '逐项承诺' ? { ...c, body: `${c.body}\n${sentence}\n` } : c,
    );
    return traceDocument(p, assemble(p, { ...lib, clauses }));
  }

  it('样例原样通过（对照）', () => {
    expect(withSentence('')).toEqual([]);
  });

  it('写死的「48小时」被指出，连同所在的句子', () => {
    expect(withSentence('仍未修复的，48小时内更换整机。')).toEqual([
      { number: '48', line: '仍未修复的，48小时内更换整机。' },
    ]);
  });

  it.each([
    ['汉字数字的时限', '仍未修复的，四十八小时内更换整机。', '四十八'],
    ['汉字数字的次数', '同一故障维修两次仍未排除的，更换整机。', '两'],
    ['人民币大写', '每次上门另收人民币伍佰元整。', '伍佰'],
    ['百分之几', '逾期按合同金额的百分之五扣款。', '百分之五'],
    ['半个工作日', '半个工作日内答复。', '半'],
    ['写死的 7×24', '服务热线7×24小时开通。', '7'],
  ])('%s被指出', (_what, sentence, number) => {
    expect(withSentence(sentence).map((x) => x.number)).toContain(number);
  });

  it('与承诺同一数字、不同单位的时限也被指出：承诺3个工作日，文中写3天', () => {
    expect(withSentence('偏远地区3天内到达。').map((x) => x.number)).toEqual(['3']);
  });

  it('一个整数变量不能为一个时限作证：学时6不等于「6小时」', () => {
    expect(withSentence('6小时内提交报告。').map((x) => x.number)).toEqual(['6']);
  });

  it('承诺的数字照常通过：文中引用承诺而非写死', () => {
    expect(withSentence('{{#fact "fix"}}重申：{{promise "fix"}}。{{/fact}}')).toEqual([]);
  });

  it('文档文字包括表格和签署栏', () => {
    const p = read('install-agreement-sample.json');
    const text = documentText(assemble(p, lib).document);
    expect(text).toContain('¥87,100.00');
    expect(text).toContain('乙方（盖单位章）：');
  });
});
