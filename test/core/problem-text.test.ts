// Problems in English: every code core can produce has an English wording, and real problems (from the checks, the
// assembly, the template engine, the PDF fonts) read in English with Chinese left only inside their own values.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '@core/assemble/assemble.js';
import { MAX_TEMPLATE_CHARS, renderTemplate, Slots, TemplateError } from '@core/assemble/template.js';
import { runChecks, type CheckContext } from '@core/check/rules.js';
import { newerVersionProblems } from '@core/check/newerVersions.js';
import { requirementSchema } from '@core/deviation/schema.js';
import { missingGlyphs } from '@core/export/glyphs.js';
import { cardRowText, problemParams, problemText, TRANSLATED_CODES } from '@core/i18n/problemText.js';
import type { Problem } from '@core/model/problem.js';
import {
  batchProblems,
  cardFileRefusals,
  cardProblems,
  cardProfileAndTemplateRefusals,
  fileProblems,
} from '../helpers/cardFileProblems.js';
import { classifyPayload } from '@core/library/store/merge.js';
import type { StoreData } from '@core/library/store/schema.js';
import type { Column, Duration, VariableDecl } from '@core/model/variables.js';
import { clause, library, project } from '../helpers/library.js';
import { repoRoot } from '../helpers/paths.js';
import { checkContext, type Spec } from '../helpers/checkContext.js';
import { newCheckProblems } from '../check/problems.js';
import { signingProblems, teamProblems } from '../helpers/signingProblems.js';
import { teamFolderProblems } from '../helpers/teamFolderProblems.js';
import { workerFailure } from '@core/api/workerJobs.js';
import {
  libraryRefusals,
  packRefusals,
  settingsRefusals,
  storeRefusals,
  templateRefusals,
} from '../helpers/storeProblems.js';

const HAN = /\p{Script=Han}/u;

/** Every `code: '…'` literal and notLonger('…') rule code in core/. */
function coreCodes(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts'))
        for (const m of readFileSync(path, 'utf8').matchAll(/\bcode: '([a-z0-9_]+)'|notLonger\('([a-z0-9_]+)'/g))
          codes.add((m[1] ?? m[2])!);
    }
  };
  walk(join(repoRoot, 'core'));
  return codes;
}

/** Codes in core/ that are not user-facing problems. */
const NOT_PROBLEMS: Record<string, string> = {
  custom: "zod's issue code in schema refinements, not a Problem",
  settings_corrupt: 'a settings FileNotice (shown by the settings screen), not a Problem',
};
/** Problems left in their own words, and why. */
const UNTRANSLATED: Record<string, string> = {
  sync_failed: "the message is the network's or the database's own reason, shown under 团队库's heading",
};

describe('every code core produces has an English wording', () => {
  const codes = coreCodes();
  it('finds the codes (sanity)', () => {
    expect(codes.size).toBeGreaterThan(40);
    for (const c of ['rmb_mismatch', 'missing_value', 'template', 'missing_glyph', 'response_after_arrival'])
      expect(codes).toContain(c);
  });
  it('each code is translated, or listed above with the reason', () => {
    const missing = [...codes].filter((c) => !TRANSLATED_CODES.has(c) && !(c in NOT_PROBLEMS) && !(c in UNTRANSLATED));
    expect(missing).toEqual([]);
  });
  it('the lists above name only codes core still produces', () => {
    for (const c of [...Object.keys(NOT_PROBLEMS), ...Object.keys(UNTRANSLATED)]) expect(codes).toContain(c);
  });
});

// ---- Real problems ----

const h = (value: number, unit: Duration['unit'] = '小时'): Duration => ({ value, unit });

/** A check context; every label is Chinese, as a real clause's is. */
const ctx = (spec: Spec, over: Partial<CheckContext> = {}) => checkContext(spec, over, (key) => `标签${key}`);

const money: Column[] = [
  { key: 'item', label: '项目', type: 'text' },
  { key: 'price', label: '单价', type: 'money' },
];
const schedule: Column[] = [
  { key: 'session', label: '场次', type: 'text' },
  { key: 'date', label: '日期', type: 'date' },
];

function checkProblems(): Problem[] {
  const figures = ctx({
    onsite_arrival: ['duration', h(2)],
    resolution_time: ['duration', h(2)],
    response_time: ['duration', h(1, '天')],
    critical_arrival: ['duration', h(1, '天')],
    critical_resolution: ['duration', h(3, '天')],
    major_resolution: ['duration', h(2, '天')],
    standby_after: ['duration', h(1, '天')],
    complaint_response: ['duration', h(2, '天')],
    complaint_close: ['duration', h(1, '天')],
    installer_arrival: ['duration', h(1, '天')],
    installer_resolution: ['duration', h(1, '天')],
    resolution_from_report: ['duration', h(1)],
    acceptance_date: ['date', '2026-01-01'],
    training_schedule: ['table', [{ session: '操作培训', date: '2025-12-01' }], schedule],
    term_start: ['date', '2027-01-01'],
    term_end: ['date', '2026-12-31'],
    whole_unit_months: ['integer', 24],
    warranty_months: ['integer', 12],
    compressor_months: ['integer', 36],
    minor_arrival: ['duration', h(2, '天')],
    annual_fee: ['money', 0],
    manager_name: ['text', '  '],
    doc_list: ['list', ['使用说明书', '']],
    staff: [
      'table',
      [
        { item: '王工', price: 100 },
        { item: ' ', price: 100 },
      ],
      money,
    ],
    spare_parts: ['table', [], money],
    fee_items: ['table', [{ item: '巡检', price: 0 }], money],
    contact: ['text', '联系人待定'],
    discount: ['percent', 120],
  });
  const document = ctx(
    {},
    {
      document: {
        meta: {
          title: 't',
          projectName: 'p',
          projectNo: '',
          bidder: '',
          date: '2026-11-24',
          docType: 'service-plan',
          draft: false,
        },
        blocks: [
          { kind: 'heading', level: 1, number: '一、', text: '服务宗旨' },
          { kind: 'heading', level: 1, number: '二、', text: '服务承诺' },
          { kind: 'paragraph', runs: [{ text: '年度服务费为¥28,000.00（人民币贰万伍仟元整）。仍有{{hotline}}' }] },
          { kind: 'table', header: ['序号', '名称'], align: ['center', 'left'], rows: [] },
        ],
      },
      sections: [
        {
          title: '附件1 偏离表',
          clauses: [clause('deviation-table', '', [], { title: '偏离表', status: 'draft', version: 2 })],
        },
      ],
      annexRefs: [{ ref: '售后承诺书', section: '服务承诺', clause: 'c' }],
      emptySections: [{ title: '服务宗旨', printed: '一、服务宗旨' }],
    },
  );
  const noAnnexes = ctx({}, { annexRefs: [{ ref: '售后承诺书' }] });
  const measurable = { key: 'onsite_arrival', op: '<=', value: 1, unit: '小时', item: '3.2' };
  const reqs = ctx({ onsite_arrival: ['duration', h(2)] }, {});
  reqs.project = {
    ...reqs.project,
    requirements: [
      measurable,
      { ...measurable, star: true, accepted: '项目现场位于山区' },
      { ...measurable, key: 'arrival_typo' },
      { text: '提供7×24小时服务热线', item: '' },
    ].map((r) => requirementSchema.parse({ text: '接到通知后1小时内到达现场', ...r })),
  };
  // Facts of the project's own: a county served faster than the city.
  const facts = ctx({});
  facts.project = {
    ...facts.project,
    commitments: [
      {
        id: 'arrive_city',
        kind: 'arrive',
        offered: true,
        within: { value: 4, unit: '小时' },
        from: 'notice',
        scope: { region: 'city' },
      },
      {
        id: 'arrive_county',
        kind: 'arrive',
        offered: true,
        within: { value: 2, unit: '小时' },
        from: 'notice',
        scope: { region: 'county' },
      },
      {
        id: 'arrive_again',
        kind: 'arrive',
        offered: true,
        within: { value: 3, unit: '小时' },
        from: 'notice',
        scope: { region: 'city' },
      },
    ],
  };
  return [figures, document, noAnnexes, reqs, facts].flatMap((c) => runChecks(c));
}

function assemblyProblems(): Problem[] {
  const hotline: VariableDecl = { key: 'hotline', type: 'text', label: '服务热线', required: true };
  const lib = library([
    {
      title: '服务承诺',
      clauses: [
        clause('a', '热线{{hotline}}，到场{{onsite_arrival}}。', [
          hotline,
          { key: 'onsite_arrival', type: 'duration', label: '到场时间', required: true },
        ]),
        clause('b', '{{onsite_arrival}}', [
          { key: 'onsite_arrival', type: 'integer', label: '到场时间', required: true },
        ]),
        clause('c', '{{undeclared}}'),
        clause('d', '条件条款。', [], { when: { key: 'nowhere', op: 'set' } }),
      ],
    },
  ]);
  lib.blueprints[0]!.sections[0]!.clauses.push({ id: 'gone', variant: '标准' });
  const a = assemble(project({ onsite_arrival: 'soon', stray: 1 }), lib);
  const b = assemble(project({}, { blueprint: 'nope' }), lib);
  return [...a.problems, ...b.problems];
}

/** A figure the clause suggests, left blank: its promise is not printed, and the check names it. */
function undecidedProblems(): Problem[] {
  const lib = library([
    {
      title: '服务承诺',
      clauses: [
        clause('e', '{{#if response_time}}{{response_time}}内响应。{{/if}}', [
          {
            key: 'response_time',
            type: 'duration',
            label: '电话响应时间',
            default: { value: 30, unit: '分钟' },
            required: false,
          },
        ]),
      ],
    },
  ]);
  const p = project({});
  return runChecks({ ...assemble(p, lib), project: p });
}

/** Each kind of TemplateError as the assembly reports it (code 'template'; a library edit reports it as bad_template). */
function templateProblems(): Problem[] {
  const cases: [string, Record<string, unknown>][] = [
    ['{{missing}}', {}],
    ['{{#if a}}x{{/each}}', { a: true }],
    ['{{#if a}}x', { a: true }],
    ['{{a b c}', {}],
    ['{{{raw}}}', {}],
    ['{{> partial}}', {}],
    ['{{constructor}}', {}],
    ['{{log 1}}', {}],
    ['{{#each ../../fee_items}}{{name}}{{/each}}', { fee_items: [{ name: '巡检' }] }],
    ['{{a.b}}', { a: 1 }],
    ['{{rmb a}}', { a: 1 }],
    ['x'.repeat(MAX_TEMPLATE_CHARS + 1), {}],
    ['{{#each r}}{{#each ../r}}{{/each}}{{/each}}', { r: Array.from({ length: 1001 }, (_, i) => i) }],
    ['{{#each r}}{{../t}}{{/each}}', { r: Array.from({ length: 600 }, (_, i) => i), t: 'x'.repeat(10_000) }],
  ];
  return cases.flatMap(([source, context], i): Problem[] => {
    try {
      renderTemplate(source, context, new Slots());
      throw new Error(`case ${i} rendered without error`);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      return [{ severity: 'error', code: i === 0 ? 'bad_template' : 'template', message: e.message }];
    }
  });
}

/** A data file's row, column and mapping problems, from the warranty-card reader itself. */
/** Problems created by code outside core/check and core/assemble, in the words those places use. */
const elsewhere: Problem[] = [
  {
    severity: 'warning',
    code: 'unused_value',
    message: '变量 stray 没有被投标文件包中的任何条款使用',
    params: { key: 'stray', scope: 'package' },
  },
  {
    severity: 'warning',
    code: 'pins_not_recorded',
    message: '条款版本未记入条款库：条款库已关闭',
    params: { reason: '条款库已关闭', reasonEn: 'The clause library was closed' },
  },
  { severity: 'warning', code: 'card_rows_skipped', message: '3 行有错误，未导出；已导出 12 张卡片' },
  // core/library/store/versions.ts: four eyes; core/library/handlers.ts (libraryPeople): nobody named
  {
    severity: 'error',
    code: 'own_version',
    message: '“保修条款”（标准）第 2 版由 张律师 撰写，不能由本人批准：请另一位审核人批准，或在 设置 中开启单人审核',
    params: { title: '保修条款', variant: '标准', version: 2, name: '张律师' },
  },
  {
    severity: 'error',
    code: 'no_user',
    message: '请先在 设置 中填写姓名（命令行用 --as 姓名）',
    params: { option: '--as' },
  },
  // core/check/mandatedFormRules.ts, as test/tender/mandated.test.ts gets it from a tender's mandated 偏离表
  {
    severity: 'error',
    code: 'mandated_column_blank',
    message:
      '招标文件规定的「格式二 售后服务偏离表」中「证明材料」一列没有内容：请在招标要求中填写该列，或改用我方格式',
    params: { form: '格式二 售后服务偏离表', column: '证明材料' },
  },
  // …and from blanks in its mandated 承诺书 (test/tender/mandated-blanks.test.ts)
  {
    severity: 'error',
    code: 'mandated_blank_unfilled',
    message:
      '招标文件规定的「格式一 售后服务承诺书」中「2. 接到报修电话后＿＿分钟内响应。」的空白没有对应的承诺：请在承诺中补充该项，或改用我方格式',
    params: { form: '格式一 售后服务承诺书', sentence: '2. 接到报修电话后＿＿分钟内响应。' },
  },
  {
    severity: 'warning',
    code: 'mandated_blank_own_wording',
    message:
      '招标文件规定的「格式一 售后服务承诺书」中「1. 故障排除后＿＿小时内提交故障分析报告。」的单位无法准确表示我方承诺，已按我方措辞填写',
    params: { form: '格式一 售后服务承诺书', sentence: '1. 故障排除后＿＿小时内提交故障分析报告。' },
  },
  // core/api/workerJobs.ts: a job the host stopped, as host/workerPool.ts reports it
  ...(['job_timeout', 'job_out_of_memory', 'job_crashed'] as const).map(
    (code): Problem => ({
      severity: 'error',
      ...workerFailure(code, { channel: 'exportDocument', seconds: 180, mb: 1536 }),
    }),
  ),
  // core/api/handlers.ts: an API error with params, read by core/i18n/errorText.ts like a problem
  {
    severity: 'error',
    code: 'unknown_document',
    message: '项目中没有文件 x（可用：service-plan、warranty-card）',
    params: { document: 'x', available: 'service-plan, warranty-card' },
  },
];

/** The English text with every param value cut out: what the template itself says. */
const wordingOf = (p: Problem) =>
  Object.values(problemParams(p) ?? {})
    .map(String)
    .sort((a, b) => b.length - a.length) // longest first: a row number 1 must not cut into the text “…1小时…”
    .reduce((s, v) => s.split(v).join(''), problemText(p, 'en'));

// Each reason a card data file cannot be read (core/cards/cardsText.ts), from the reader and the CLI.
const cardFiles = await cardFileRefusals();
// 设置 with no company for the cards, and card templates that cannot be used (core/cards/cardsText.ts).
const cardProfile = await cardProfileAndTemplateRefusals();
const signing = [...(await signingProblems()), ...(await teamProblems()), ...(await teamFolderProblems())];
// The clause library's own refusals (core/library/store/storeText.ts): packs, the lock, reading and saving the file.
const store = [
  ...(await packRefusals()),
  ...(await storeRefusals()),
  ...(await libraryRefusals()),
  ...(await settingsRefusals()),
  ...(await templateRefusals()),
].flatMap((e) => e.problems);
// A pack preview's warning (core/library/store/merge.ts): a blueprint names a clause on neither side.
const packWarnings = classifyPayload({ clauses: [], blueprints: [] } as unknown as StoreData, {
  clauses: [],
  blueprints: [
    {
      id: 'bp',
      docType: 'service-plan',
      title: '方案',
      sections: [{ title: '保修', clauses: [{ id: 'w', variant: '标准' }] }],
    },
  ],
}).warnings;

describe('real problems read in English', () => {
  const problems = [
    ...signing,
    ...store,
    ...packWarnings,
    ...checkProblems(),
    ...newCheckProblems(),
    ...assemblyProblems(),
    ...undecidedProblems(),
    ...templateProblems(),
    ...cardProblems(),
    ...batchProblems(),
    ...cardFiles,
    ...cardProfile,
    ...fileProblems(),
    ...newerVersionProblems([
      { clauseId: 'wc-periods', variant: '标准', title: '保修期限', pinned: 1, latestApproved: 2 },
    ]),
    ...missingGlyphs({
      meta: { title: '', projectName: '', projectNo: '', bidder: '', date: '', docType: '', draft: false },
      blocks: [{ kind: 'paragraph', runs: [{ text: '服务𠀾' }] }],
    }),
    ...elsewhere,
  ];

  it('covers every translated code', () => {
    const seen = new Set(problems.map((p) => p.code));
    expect([...TRANSLATED_CODES].filter((c) => !seen.has(c))).toEqual([]);
  });

  it.each(problems.map((p) => [p.code, p] as const))('%s', (_, p) => {
    const en = problemText(p, 'en');
    expect(en, p.message).not.toBe(p.message);
    expect(wordingOf(p), en).not.toMatch(/\{\w+\}/);
    expect(wordingOf(p), en).not.toMatch(HAN);
    // Chinese is as core wrote it.
    expect(problemText(p, 'zh-CN')).toBe(p.message);
  });

  it('reads the values as they are', () => {
    const rmb = problems.find((p) => p.code === 'rmb_mismatch')!;
    expect(problemText(rmb, 'en')).toBe(
      'The amount 28,000.00 is written in words as “人民币贰万伍仟元整”; it should be “人民币贰万捌仟元整”',
    );
    const missing = problems.find((p) => p.code === 'missing_value')!;
    expect(problemText(missing, 'en')).toBe('The required variable “服务热线” has no value');
    expect(
      problemText(problems.find((p) => p.code === 'template' && p.message.startsWith('变量 undeclared'))!, 'en'),
    ).toBe('The clause uses variable undeclared, which has no value (it is not filled in, or no clause declares it)');
    const noAnnex = problems.filter((p) => p.code === 'unresolved_annex_ref').map((p) => problemText(p, 'en'));
    expect(noAnnex).toContain(
      'The text refers to annex “售后承诺书”, which does not exist (annexes of this document: none)',
    );
  });
});

describe('falls back to the Chinese message', () => {
  it('for an unknown code, a problem without params, and a free-text message no pattern knows', () => {
    expect(problemText({ severity: 'error', code: 'brand_new', message: '新问题', params: { x: 1 } }, 'en')).toBe(
      '新问题',
    );
    expect(problemText({ severity: 'error', code: 'missing_value', message: '缺少必填变量「甲」的值' }, 'en')).toBe(
      '缺少必填变量「甲」的值',
    );
    expect(problemText({ severity: 'error', code: 'template', message: '别的说法' }, 'en')).toBe('别的说法');
    expect(problemText({ severity: 'error', code: 'constructor', message: '原型' }, 'en')).toBe('原型');
  });
  it('when a placeholder has no param', () => {
    expect(
      problemText({ severity: 'error', code: 'rmb_mismatch', message: '金额', params: { figure: '1.00' } }, 'en'),
    ).toBe('金额');
  });
});

describe('the 保修卡 screen', () => {
  it('shows a row problem without its row and column lead, in either language', () => {
    const bad = cardProblems().find((p) => p.code === 'card_bad_date')!;
    expect(cardRowText(bad, 'zh-CN')).toBe(
      '无法识别的日期“2026-02-30”（请写作 2026-11-24、2026/11/24 或 2026年11月24日）',
    );
    expect(cardRowText(bad, 'en')).toBe(
      '“2026-02-30” is not a date (write it as 2026-11-24 or 2026/11/24, or in the Chinese form)',
    );
  });
});
