// A clarification (澄清) of the tender: what was added, changed and removed, and which confirmed requirements it touches.
import { beforeAll, describe, expect, it } from 'vitest';
import { againstRequirements, diffTenders, touchedRequirements, type TenderDiff } from '@core/tender/diff.js';
import type { TenderReading } from '@core/tender/model.js';
import { readTender } from '@core/tender/read.js';
import { toRequirement } from '@core/tender/toRequirement.js';
import { clarified, tenderDocx } from './fixture.js';

describe('招标文件澄清：新旧版本对比', () => {
  let before: TenderReading;
  let diff: TenderDiff;
  beforeAll(async () => {
    before = await readTender(await tenderDocx(), '招标文件.docx');
    const after = await readTender(await tenderDocx(clarified()), '招标文件（澄清）.docx');
    diff = diffTenders(before.rows, after.rows);
  });

  it('列出新增、修改和删除的要求；只是段落移动的不算修改', () => {
    expect(diff.added.map((r) => [r.kind, r.text])).toEqual([
      ['disqualify', '投标人被列入失信被执行人名单的，其投标无效。'],
      ['requirement', '7. 每年免费保养2次。'],
    ]);
    expect(diff.removed.map((r) => r.text)).toEqual(['4. 备件供应不少于8年。']);
    expect(diff.changed.map((c) => [c.before.text, c.after.text, c.what])).toEqual([
      [
        '★1. 质保期不少于三年，自验收合格之日起计算。',
        '★1. 质保期不少于五年，自验收合格之日起计算。',
        ['wording', 'figure'],
      ],
      [
        '5. 同一故障维修3次仍不能排除的，中标人应免费更换整机。',
        '★5. 同一故障维修3次仍不能排除的，中标人应免费更换整机。',
        ['kind'],
      ],
    ]);
    expect(diff.changed[0]!.after).toMatchObject({ op: '>=', value: 5, unit: '年', key: 'warranty_months' });
    expect(diff.unchanged).toBe(before.rows.length - 3);
  });

  it('指出受影响的已确认要求：质保期被修改，备件供应被删除，其余不受影响', () => {
    const known = new Set(['warranty_months', 'parts_supply_years', 'training_days']);
    const confirmed = before.rows
      .filter((r) => ['warranty_months', 'parts_supply_years', 'training_days'].includes(r.key ?? ''))
      .map((r) => toRequirement(r, known));
    expect(confirmed.map((r) => r.key)).toEqual(['warranty_months', 'parts_supply_years', 'training_days']);
    expect(touchedRequirements(diff, confirmed).map((t) => [t.index, t.change, t.row.value])).toEqual([
      [0, 'changed', 5],
      [1, 'removed', 8],
    ]);
  });
});

describe('重新导入（澄清版）与已确认的招标要求比较', () => {
  it('已确认且未变的行不再建议；质保期改为五年、备件供应被删除都指出对应的要求', async () => {
    const first = await readTender(await tenderDocx(), '招标文件.docx');
    const known = new Set(['warranty_months', 'parts_supply_years']);
    const requirements = first.rows
      .filter((r) => r.kind !== 'format' && r.kind !== 'toc')
      .map((r) => toRequirement(r, known));
    const again = await readTender(await tenderDocx(clarified()), '招标文件（澄清）.docx');
    const vs = againstRequirements(again.rows, requirements);
    const warranty = requirements.findIndex((r) => r.key === 'warranty_months');
    const parts = requirements.findIndex((r) => r.key === 'parts_supply_years');
    expect(vs.changed.map((c) => [c.index, c.row.value, c.what])).toEqual([
      [warranty, 5, ['wording', 'figure']],
      [requirements.findIndex((r) => r.text.startsWith('同一故障维修3次')), 3, ['kind']],
    ]);
    expect(vs.removed).toEqual([parts]);
    // What is left to propose: the two new rows (and the forms, never held).
    const fresh = again.rows.filter((_, i) => !vs.held.includes(i) && !vs.changed.some((c) => c.row === again.rows[i]));
    expect(fresh.filter((r) => r.kind !== 'format' && r.kind !== 'toc').map((r) => r.text)).toEqual([
      '投标人被列入失信被执行人名单的，其投标无效。',
      '7. 每年免费保养2次。',
    ]);
  });
});
