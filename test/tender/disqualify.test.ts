// A 废标 condition with a figure names what trips it; the row carries the requirement the bid must meet instead.
import { describe, expect, it } from 'vitest';
import { disqualifyFigures } from '@core/tender/disqualify.js';
import { classifySentence } from '@core/tender/classify.js';

const CASES: [string, Record<string, unknown> | undefined][] = [
  ['投标人承诺的到场时间超过4小时的，其投标无效。', { op: '<=', value: 4, unit: '小时', key: 'onsite_arrival' }],
  ['承诺到达现场时间大于2小时的，作废标处理。', { op: '<=', value: 2, unit: '小时', key: 'onsite_arrival' }],
  ['响应时间超过30分钟的投标无效。', { op: '<=', value: 30, unit: '分钟', key: 'response_time' }],
  ['质保期少于3年的，按废标处理。', { op: '>=', value: 3, unit: '年', key: 'warranty_months' }],
  ['投标文件未按规定密封和标记的，作废标处理。', undefined],
  // A generic bound (投标有效期) is no promise of the bid's service.
  ['投标有效期不足90天的，其投标无效。', undefined],
];

describe('废标条款中的数值', () => {
  it.each(CASES)('%s', (text, expected) => {
    const figures = disqualifyFigures(text);
    if (!expected) expect(figures).toEqual([]);
    else expect(figures).toEqual([expect.objectContaining(expected)]);
  });

  it('分类为废标条款的行带上应满足的数值和承诺', () => {
    const { rows } = classifySentence({
      text: '投标人承诺的到场时间超过4小时的，其投标无效。',
      loc: { page: 1, paragraph: 4 },
      chapter: ['第二章 投标人须知'],
    });
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'disqualify', op: '<=', value: 4, unit: '小时', fact: 'arrive' }),
    ]);
  });
});
