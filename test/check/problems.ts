// Real problems of the checks added for issue #15 (complaint order, shares, blanks and placeholders outside the
// variables, zero figures, working days in the 偏离表), for test/core/problem-text.test.ts to read in English.
import { runChecks } from '@core/check/rules.js';
import type { Problem } from '@core/model/problem.js';
import type { Column } from '@core/model/variables.js';
import { deadline, factsContext, requirementsContext } from './context.js';

const rates: Column[] = [
  { key: 'item', type: 'text', label: '违约情形' },
  { key: 'rate', type: 'percent', label: '扣款比例' },
];
const fix = (value: number, unit: string) => deadline('fix', 'fix', value, unit, 'notice');
const within = (value: number, unit: string, more: object = {}) => ({
  text: `接到报修后${value}${unit}内修复`,
  op: '<=',
  value,
  unit,
  fact: 'fix',
  ...more,
});

/** The problems of each context apart (a field such as requirements.0 exists once per context). */
export function newCheckProblemSets(): Problem[][] {
  const complaints = factsContext([
    deadline('complaint_reply', 'complaint_reply', 48, '小时', 'complaint'),
    deadline('complaint_visit', 'complaint_visit', 24, '小时', 'complaint'),
    deadline('complaint_visit_again', 'complaint_visit', 10, '天', 'complaint', { product: '主机' }),
    deadline('complaint_close', 'complaint_close', 3, '工作日', 'complaint', { product: '主机' }),
  ]);
  const facts = factsContext(
    [
      { id: 'onsite_fee', kind: 'onsite_fee', free: true, amount: '300.00', per: '次' },
      { id: 'hotline_hours', kind: 'service_hours', schedule: 'stated', text: ' ', scope: { channel: 'hotline' } },
      { id: 'parts_price', kind: 'parts_price', basis: 'discount', percent: 0 },
      // Added from the 承诺 catalogue and never confirmed: its example figure.
      { id: 'standby', kind: 'standby', within: { value: 2, unit: '小时' }, from: 'arrival', unconfirmed: true },
    ],
    {
      onsite_arrival: ['duration', { value: 0, unit: '小时' }],
      delay_penalty_percent: ['percent', 0],
      penalties: ['table', [{ item: '逾期到场', rate: 0 }], rates],
      discount_rates: ['table', [{ item: '备件', rate: 150 }], rates],
    },
    { bidder: 'XXX有限公司' },
  );
  const requirements = requirementsContext(
    [
      within(72, '小时'),
      within(3, '工作日', { accepted: '山区' }),
      { ...within(2, '小时'), response: '待定' },
      { ...within(1, '天'), note: ' ' },
    ],
    [fix(96, '小时')],
  );
  const ours = requirementsContext([within(72, '小时')], [fix(3, '工作日')]);
  const booking = requirementsContext(
    [
      { text: '至少提前1个工作日预约', op: '>=', value: 1, unit: '工作日', fact: 'book_ahead' },
      { text: '至少提前3天预约', op: '>=', value: 3, unit: '天', fact: 'book_ahead', item: '5.1' },
    ],
    [{ id: 'book_ahead', kind: 'book_ahead', ahead: { value: 2, unit: '工作日' } }],
  );
  const bookingDays = requirementsContext(
    [{ text: '至少提前1个工作日预约', op: '>=', value: 1, unit: '工作日', fact: 'book_ahead' }],
    [{ id: 'book_ahead', kind: 'book_ahead', ahead: { value: 1, unit: '天' } }],
  );
  const installer = factsContext([
    deadline('respond', 'respond', 30, '分钟', 'notice'),
    deadline('installer_respond', 'respond', 2, '小时', 'notice', { party: 'installer' }),
  ]);
  return [complaints, facts, requirements, ours, booking, bookingDays, installer].map((c) => runChecks(c));
}

export const newCheckProblems = (): Problem[] => newCheckProblemSets().flat();
