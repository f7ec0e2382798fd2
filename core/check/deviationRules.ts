// Rules on the tender's requirements: a negative deviation is an error unless accepted with a reason, and on a
// ★ item it is a 废标 risk whatever the reason; a row whose deviation cannot be computed needs the writer.
import { evaluateRequirements, type DeviationIssue, type DeviationRow } from '../deviation/compute.js';
import type { Problem } from '../model/problem.js';
import type { CheckContext, Rule } from './helpers.js';
import { resolveFacts } from '../commitments/resolve.js';
import { formatQuantity } from '../deviation/units.js';
import { formatNumber } from '../format/zh.js';

/** The rows assembly computed (once per preview); a context built without assembly computes them. */
function rowsOf(ctx: CheckContext): DeviationRow[] {
  if (ctx.deviations) return ctx.deviations;
  const reqs = ctx.project.requirements ?? [];
  return reqs.length
    ? evaluateRequirements(reqs, ctx.decls, ctx.values, {
        facts: resolveFacts(ctx.project, ctx.values, ctx.decls).map((f) => f.fact),
      })
    : [];
}

/** Why working days make the row negative, in plain words, with the two figures. */
function workingDaysWhy(r: DeviationRow): { zh: string; params: Record<string, string> } {
  const q = r.requirement;
  if (!r.workingDays || typeof r.ours !== 'object' || q.value === undefined) return { zh: '', params: {} };
  const ours = formatQuantity(r.ours);
  const required = formatQuantity({ value: q.value, unit: q.unit ?? '' });
  const holidays = '遇周末或春节、国庆等法定节假日连休时';
  const days = (n: number) => `按连续的工作日计算只有${formatNumber(n)}天`;
  const zh = {
    ours_longer: `：我方承诺的${ours}${holidays}，可能长于招标文件要求的${required}`,
    theirs_shorter: `：招标文件要求的${required}${days(q.value)}，可能短于我方承诺的${ours}`,
    ours_shorter: `：我方承诺的${ours}${days(r.ours.value)}，可能短于招标文件要求的${required}`,
    theirs_longer: `：招标文件要求的${required}${holidays}，可能长于我方承诺的${ours}`,
  }[r.workingDays];
  return { zh, params: { workingDays: r.workingDays, ours, required } };
}

/** The writer's reason for accepting a negative deviation; one of spaces is no reason. */
const acceptedOf = (r: DeviationRow) => r.requirement.accepted?.trim() || undefined;
const where = (r: DeviationRow) => ({ field: `requirements.${r.index - 1}` });
const name = (r: DeviationRow) =>
  `偏离表第${r.index}项${r.requirement.item ? `（招标文件${r.requirement.item}）` : ''}「${r.requirement.text.slice(0, 40)}」`;
/** What name(r) interpolates; item is left out when the row has none. */
const rowParams = (r: DeviationRow) => ({
  index: r.index,
  ...(r.requirement.item ? { item: r.requirement.item } : {}),
  text: r.requirement.text.slice(0, 40),
});

const ISSUE_TEXT: Record<DeviationIssue, string> = {
  unlinked: '未关联投标承诺的变量，无法计算偏离，请关联变量或注明偏离情况',
  unknown_variable: '关联的变量在文件中不存在',
  unknown_fact: '关联的承诺在项目中不存在',
  no_value: '关联的变量尚未填写，无法计算偏离',
  not_measurable: '关联的变量不是数值，无法与招标要求比较，请注明偏离情况',
  units: '招标要求与投标承诺的单位无法换算，请注明偏离情况',
  free_text: '为文字要求，请确认应答并注明偏离情况',
};

export const DEVIATION_RULES: Rule[] = [
  {
    code: 'negative_deviation',
    severity: 'error',
    describe:
      'a negative deviation on an ordinary item is accepted with a reason, and stays visible as a warning when it is',
    run: (ctx) =>
      rowsOf(ctx)
        .filter((r) => r.deviation === '负偏离' && !r.requirement.star)
        .map((r): Problem => {
          const why = workingDaysWhy(r);
          return acceptedOf(r)
            ? {
                severity: 'warning',
                code: 'negative_deviation',
                ...where(r),
                message: `${name(r)}为负偏离（应答：${r.response}）${why.zh}；已注明接受理由：${acceptedOf(r)}`,
                params: { ...rowParams(r), response: r.response, ...why.params, accepted: acceptedOf(r)! },
              }
            : {
                severity: 'error',
                code: 'negative_deviation',
                ...where(r),
                message: `${name(r)}为负偏离（应答：${r.response}）${why.zh}；如确需偏离，请填写接受理由，理由将列入说明栏`,
                params: { ...rowParams(r), response: r.response, ...why.params },
              };
        }),
  },
  {
    code: 'star_negative_deviation',
    severity: 'error',
    describe: 'no negative deviation on a ★ item (废标 risk); an accepted one is still flagged',
    run: (ctx) =>
      rowsOf(ctx)
        .filter((r) => r.deviation === '负偏离' && r.requirement.star)
        .map(
          (r): Problem => ({
            severity: acceptedOf(r) ? 'warning' : 'error',
            code: 'star_negative_deviation',
            ...where(r),
            message: `${name(r)}是★号条款，负偏离可能导致废标${acceptedOf(r) ? `（已注明理由：${acceptedOf(r)}）` : ''}`,
            params: { ...rowParams(r), ...(acceptedOf(r) ? { accepted: acceptedOf(r)! } : {}) },
          }),
        ),
  },
  {
    code: 'requirement_unknown_variable',
    severity: 'error',
    describe: 'a requirement is linked only to variables the documents declare',
    run: (ctx) =>
      rowsOf(ctx)
        .filter((r) => r.issue === 'unknown_variable')
        .map((r) => ({
          severity: 'error' as const,
          code: 'requirement_unknown_variable',
          ...where(r),
          message: `${name(r)}关联的变量 ${r.requirement.key} 在文件中不存在`,
          params: { ...rowParams(r), key: r.requirement.key ?? '' },
        })),
  },
  {
    code: 'deviation_unconfirmed',
    severity: 'warning',
    describe: 'every requirement has a deviation, computed or stated by the writer',
    run: (ctx) =>
      rowsOf(ctx)
        .filter((r) => r.deviation === undefined && r.issue !== 'unknown_variable')
        .map((r) => ({
          severity: 'warning' as const,
          code: 'deviation_unconfirmed',
          ...where(r),
          message: `${name(r)}${ISSUE_TEXT[r.issue ?? 'free_text']}`,
          params: { ...rowParams(r), issue: r.issue ?? 'free_text' },
        })),
  },
];
