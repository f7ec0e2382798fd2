// Warranty periods in days and weeks as well as months: the card prints the unit the template or the project states
// (400天, 6周; years as months, as before), its end date on one convention for every unit, and a project period no
// card can print (工作日, a fraction) is warned about by name instead of vanishing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardView } from '@core/cards/card.js';
import { cardsRequestSchemas } from '@core/cards/contract.js';
import { componentPeriods, periodLabel } from '@core/cards/dates.js';
import { createCardsHandlers } from '@core/cards/handlers.js';
import { cardPeriodOf, periodEnd } from '@core/cards/period.js';
import { sameLength } from '@core/commitments/time.js';
import { periodsFromProject } from '@core/cards/projectPeriods.js';
import type { CardRow } from '@core/cards/read.js';
import { cardLabels } from '@core/cards/script.js';
import { defaultTemplatesDir, loadCardTemplate, loadCardTemplates, parseCardTemplate } from '@core/cards/template.js';
import { problemText } from '@core/i18n/problemText.js';
import { BidForgeError } from '@core/model/problem.js';
import type { Project } from '@core/model/project.js';
import { docxParts, textOfXml } from '../helpers/docx.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdftotext } from '../helpers/tools.js';
import { settingsWith } from './helpers.js';

/** 设置 with a company: the handlers print no card without one. */
const profiled = await settingsWith();

describe('end dates: the start day is not counted; N days end N calendar days after it, as N months end on the same day number', () => {
  it.each([
    ['2026-11-24', 400, '天', '2027-12-29'], // 365 days to 2027-11-24, 35 more
    ['2026-11-24', 90, '天', '2027-02-22'],
    ['2026-11-24', 6, '周', '2027-01-05'], // 42 days, over the year end
    ['2024-02-22', 1, '周', '2024-02-29'],
    // leap days
    ['2024-02-28', 1, '天', '2024-02-29'],
    ['2024-02-29', 1, '天', '2024-03-01'],
    ['2023-02-28', 1, '天', '2023-03-01'],
    ['2023-03-01', 365, '天', '2024-02-29'], // the year to 2024-03-01 has 366 days
    ['2024-02-29', 365, '天', '2025-02-28'],
    // month ends
    ['2026-01-31', 30, '天', '2026-03-02'],
    ['2024-01-31', 30, '天', '2024-03-01'],
    ['2026-12-31', 1, '天', '2027-01-01'],
    ['2026-04-30', 30, '天', '2026-05-30'],
  ] as const)('%s + %i%s → %s', (start, value, unit, end) => {
    expect(periodEnd(start, { value, unit })).toBe(end);
  });

  it('one convention: 30天 from 30 April ends where 1个月 does; 12个月 and 365天 part only over a leap day', () => {
    expect(periodEnd('2026-04-30', { value: 30, unit: '天' })).toBe(
      periodEnd('2026-04-30', { value: 1, unit: '个月' }),
    );
    expect(periodEnd('2026-11-24', { value: 365, unit: '天' })).toBe('2027-11-24');
    expect(periodEnd('2026-11-24', { value: 12, unit: '个月' })).toBe('2027-11-24');
    expect(periodEnd('2027-11-24', { value: 12, unit: '个月' })).toBe('2028-11-24');
    expect(periodEnd('2027-11-24', { value: 365, unit: '天' })).toBe('2028-11-23'); // 2028-02-29 lies between
    expect(periodEnd('2026-11-24', { value: 2, unit: '周' })).toBe(periodEnd('2026-11-24', { value: 14, unit: '天' }));
  });

  it('componentPeriods: each component in its own unit, month components exactly as before', () => {
    const periods = componentPeriods(
      {
        components: [
          { name: '整机', months: 36 },
          { name: '压缩机', days: 400 },
          { name: '遥控器', weeks: 6 },
        ],
      },
      '2024-02-29',
    );
    expect(periods).toEqual([
      { name: '整机', months: 36, label: '36个月', end: '2027-02-28' },
      { name: '压缩机', days: 400, label: '400天', end: '2025-04-04' }, // 366 days to 2025-03-01, 34 more
      { name: '遥控器', weeks: 6, label: '6周', end: '2024-04-11' }, // 42 days: 2024-03-01 + 41
    ]);
    expect(periodLabel(24)).toBe('24个月');
    expect(periodLabel({ value: 400, unit: '天' })).toBe('400天');
  });
});

describe('what a card can print of a stated period', () => {
  it.each([
    [
      { value: 24, unit: '个月' },
      { value: 24, unit: '个月' },
    ],
    [
      { value: 3, unit: '年' },
      { value: 36, unit: '个月' },
    ], // as cards printed years before
    [
      { value: 1.5, unit: '年' },
      { value: 18, unit: '个月' },
    ],
    [
      { value: 400, unit: '天' },
      { value: 400, unit: '天' },
    ],
    [
      { value: 6, unit: '周' },
      { value: 6, unit: '周' },
    ],
    [{ value: 5, unit: '工作日' }, undefined],
    [{ value: 8760, unit: '小时' }, undefined],
    [{ value: 0.5, unit: '个月' }, undefined],
    [{ value: 2.5, unit: '天' }, undefined],
    [{ value: 1.3, unit: '年' }, undefined], // 15.6 months
  ])('%o → %o', (stated, printed) => {
    expect(cardPeriodOf(stated)).toEqual(printed);
  });

  it.each([
    [{ value: 12, unit: '个月' }, { value: 1, unit: '年' }, true],
    [{ value: 18, unit: '个月' }, { value: 1.5, unit: '年' }, true],
    [{ value: 2, unit: '周' }, { value: 14, unit: '天' }, true],
    [{ value: 24, unit: '小时' }, { value: 1, unit: '天' }, true],
    [{ value: 365, unit: '天' }, { value: 1, unit: '年' }, false], // a leap year has 366
    [{ value: 30, unit: '天' }, { value: 1, unit: '个月' }, false],
    [{ value: 5, unit: '工作日' }, { value: 7, unit: '天' }, false],
    [{ value: 5, unit: '工作日' }, { value: 5, unit: '工作日' }, true],
    [{ value: 24, unit: '个月' }, { value: 36, unit: '个月' }, false],
  ])('%o and %o the same length: %s', (a, b, same) => {
    expect(sameLength(a, b)).toBe(same);
    expect(sameLength(b, a)).toBe(same);
  });
});

describe('card templates may state days or weeks; months stay valid', () => {
  const base = { id: 't', title: '保修卡', company: '某公司', hotline: '400-000-0000' };
  const parse = (components: object[]) => parseCardTemplate({ ...base, components }, 't.json');
  const refusal = (components: object[]) => {
    try {
      parse(components);
    } catch (e) {
      expect(e).toBeInstanceOf(BidForgeError);
      return (e as BidForgeError).message;
    }
    throw new Error('accepted');
  };

  it('each shipped template still loads, with no period of its own (the project’s or typed ones print)', async () => {
    const all = await loadCardTemplates();
    expect(all.length).toBeGreaterThan(1);
    for (const t of all) expect(t.components).toEqual([]);
  });

  it('days and weeks parse, and a template file with them loads', async () => {
    expect(
      parse([
        { name: '整机', days: 400 },
        { name: '配件', weeks: 6 },
        { name: '压缩机', months: 72 },
      ]).components,
    ).toEqual([
      { name: '整机', days: 400 },
      { name: '配件', weeks: 6 },
      { name: '压缩机', months: 72 },
    ]);
    const dir = tempDir('bf-card-days-');
    const path = join(dir, 'days.json');
    writeFileSync(path, JSON.stringify({ ...base, components: [{ name: '整机', days: 400 }] }));
    expect((await loadCardTemplate(path)).components).toEqual([{ name: '整机', days: 400 }]);
  });

  it('exactly one of months, weeks and days; whole numbers, at least one', () => {
    expect(refusal([{ name: '整机', months: 12, days: 365 }])).toContain(
      '保修期写 months（月）、weeks（周）或 days（天）其中一项',
    );
    expect(refusal([{ name: '整机' }])).toContain('其中一项');
    expect(refusal([{ name: '整机', days: 0 }])).toContain('t.json');
    expect(refusal([{ name: '整机', days: 1.5 }])).toContain('t.json');
  });
});

type Fact = { value: number; unit: string; component?: string; product?: string };
let seq = 0;
const warranty = ({ value, unit, component, product }: Fact) => ({
  id: `w${seq++}`,
  kind: 'warranty',
  offered: true,
  period: { value, unit },
  ...(component || product ? { scope: { ...(component ? { component } : {}), ...(product ? { product } : {}) } } : {}),
});
const projectOf = (facts: Fact[]) =>
  ({
    schema: 1,
    name: 'p',
    title: '某项目',
    blueprint: 'service-plan',
    date: '2026-11-24',
    script: 'hans',
    values: {},
    commitments: facts.map(warranty),
  }) as unknown as Project;

describe('a project’s periods on its cards', () => {
  const template = async () => loadCardTemplate('standard');

  it('each period prints in the unit its fact states; years as months, as cards printed them before', async () => {
    const p = periodsFromProject(
      projectOf([
        { value: 400, unit: '天' },
        { value: 90, unit: '天', component: '压缩机' },
        { value: 6, unit: '周', component: '遥控器' },
        { value: 3, unit: '年', component: '电气控制部件' },
      ]),
    );
    expect(p.of(await template())).toEqual([
      { name: '整机', days: 400 },
      { name: '压缩机', days: 90 },
      { name: '遥控器', weeks: 6 },
      { name: '电气控制部件', months: 36 },
    ]);
    expect(p.problems).toEqual([]);
  });

  it('a period no card can print is left off with a warning naming the component, in Chinese and English', async () => {
    const p = periodsFromProject(
      projectOf([
        { value: 12, unit: '个月' },
        { value: 5, unit: '工作日', component: '遥控器' },
        { value: 0.5, unit: '个月', component: '滤网', product: '空调' },
      ]),
    );
    expect(p.of(await template())).toEqual([{ name: '整机', months: 12 }]);
    expect(p.problems.map((w) => [w.severity, w.code, w.params?.component, w.params?.why])).toEqual([
      ['warning', 'card_period_from_plan', '遥控器', 'unprintable'],
      ['warning', 'card_period_from_plan', '滤网', 'unprintable'],
    ]);
    expect(p.problems[0]!.message).toBe(
      '“遥控器”的保修期 5个工作日 印不上保修卡：卡片只印整天、整周、整月或整年，并算出到期日；卡片上没有“遥控器”这一行，请在方案中改用天、周、个月或年',
    );
    expect(p.problems[1]!.message).toContain('“空调”的“滤网”的保修期 0.5个月');
    expect(problemText(p.problems[0]!, 'en')).toBe(
      'The warranty of “遥控器” (5 working days) cannot be printed on a warranty card, which prints whole days, weeks, months or years and their end date; the card has no line for “遥控器”: state it in days, weeks, months or years in the project',
    );
    expect(problemText(p.problems[1]!, 'en')).toContain('The warranty of “空调” “滤网” (0.5 months)');
  });

  it('when every period is unprintable the card prints none of them, never the template’s in their place', async () => {
    const p = periodsFromProject(projectOf([{ value: 10, unit: '工作日' }]));
    expect(p.of(await template())).toEqual([]);
    expect(p.problems.map((w) => w.params?.component)).toEqual(['整机']);
  });

  it('card_period_from_plan compares lengths in any units: 12个月 = 1年, 2周 = 14天; 365天 is not 1年', () => {
    const whole = (plan: Omit<Fact, 'component'>, card: Omit<Fact, 'component'>) =>
      periodsFromProject(projectOf([plan, { ...card, component: '整机' }])).problems;
    expect(whole({ value: 1, unit: '年' }, { value: 12, unit: '个月' })).toEqual([]);
    expect(whole({ value: 2, unit: '周' }, { value: 14, unit: '天' })).toEqual([]);
    const [w] = whole({ value: 1, unit: '年' }, { value: 365, unit: '天' });
    expect(w).toMatchObject({
      severity: 'warning',
      code: 'card_period_from_plan',
      message: '保修卡的整机保修期（365天）与方案承诺的 1 年不一致；卡片按方案印 1 年',
      params: { card: 365, cardUnit: '天', plan: 1, planUnit: '年' },
    });
    expect(problemText(w!, 'en')).toBe(
      "The card's whole-unit warranty (365 days) differs from the plan's 1 year; the cards print the plan's 1 year",
    );
    // Months as before, word for word.
    const [m] = whole({ value: 36, unit: '个月' }, { value: 24, unit: '个月' });
    expect(m!.message).toBe('保修卡的整机保修期（24个月）与方案承诺的 36 个月不一致；卡片按方案印 36 个月');
    expect(problemText(m!, 'en')).toBe(
      "The card's whole-unit warranty (24 months) differs from the plan's 36 months; the cards print the plan's 36 months",
    );
  });

  it('a plan period the card cannot print: the differing card figure is not printed in its place, and both are said', async () => {
    const project = projectOf([
      { value: 15, unit: '工作日' },
      { value: 12, unit: '个月', component: '整机' },
    ]);
    const p = periodsFromProject(project);
    expect(p.of(await template())).toEqual([]);
    expect(p.problems.map((w) => w.message)).toEqual([
      '保修卡的整机保修期（12个月）与方案承诺的 15 个工作日不一致；方案的期限印不上卡片，卡片不印整机保修期',
      '“整机”的保修期 15个工作日 印不上保修卡：卡片只印整天、整周、整月或整年，并算出到期日；卡片上没有“整机”这一行，请在方案中改用天、周、个月或年',
    ]);
    expect(problemText(p.problems[0]!, 'en')).toBe(
      "The card's whole-unit warranty (12 months) differs from the plan's 15 working days; the plan's period cannot be printed on a card, so the cards print no whole-unit warranty",
    );
  });

  it('an unprintable card fact the plan outranks is not warned about: the plan’s figure prints', async () => {
    const p = periodsFromProject(
      projectOf([
        { value: 400, unit: '天' },
        { value: 5, unit: '工作日', component: '整机' },
      ]),
    );
    expect(p.of(await template())).toEqual([{ name: '整机', days: 400 }]);
    expect(p.problems.map((w) => w.params?.why ?? 'differs')).toEqual(['differs']);
  });
});

const note = missingTools(['pdftotext']);
describe('a 400天 card through the handlers: preview, PDF and DOCX print the same label and end date', () => {
  const api = createCardsHandlers({ templatesDir: defaultTemplatesDir, settings: profiled });
  const file = {
    fileName: '客户清单.csv',
    data: Buffer.from('客户名称,序列号,购买日期\n张三,SN1,2026-11-24\n', 'utf8').toString('base64'),
  };
  const project = projectOf([
    { value: 400, unit: '天' },
    { value: 6, unit: '周', component: '遥控器' },
    { value: 3, unit: '工作日', component: '滤网' },
  ]);
  const expected = [
    { name: '整机', label: '400天', end: '2027年12月29日' },
    { name: '遥控器', label: '6周', end: '2027年1月5日' },
  ];

  it('the preview, the templates list and the warning', async () => {
    const r = await api.parseCards({ ...file, project, previewCount: 1, qr: false });
    expect(r.preview[0]!.periods).toEqual(expected);
    expect(r.templates[0]!.components).toEqual([
      { name: '整机', days: 400 },
      { name: '遥控器', weeks: 6 },
    ]);
    expect(r.problems.filter((p) => p.code === 'card_period_from_plan').map((p) => p.params?.component)).toEqual([
      '滤网',
    ]);
  });

  it.skipIf(note)('PDF', async () => {
    const r = await api.exportCards({ ...file, project, format: 'pdf', layout: 'a5', qr: false });
    const path = join(tempDir('bf-cards-days-'), r.fileName);
    writeFileSync(path, r.bytes);
    const text = squash(await pdftotext(path));
    for (const p of expected) expect(text).toContain(squash(`${p.name} ${p.label} ${p.end}`));
    expect(text).not.toContain('滤网');
  });

  it('DOCX', async () => {
    const r = await api.exportCards({ ...file, project, format: 'docx', layout: 'a5', qr: false });
    const text = squash(textOfXml(docxParts(r.bytes)['word/document.xml']!));
    for (const p of expected) expect(text).toContain(squash(`${p.name}${p.label}${p.end}`));
    expect(text).not.toContain('滤网');
  });

  it('a 繁體 card words the units in its script', async () => {
    const row: CardRow = {
      row: 2,
      customer: '张三',
      phone: '',
      address: '',
      product: '',
      model: '',
      serial: 'SN1',
      date: '2026-11-24',
      dealer: '',
    };
    const t = {
      ...(await loadCardTemplate('standard')),
      components: [
        { name: '整机', weeks: 6 },
        { name: '压缩机', days: 90 },
      ],
    };
    const hant = cardLabels('hant');
    expect(cardView(row, t, { script: 'hant' }).periods.map((p) => p.label)).toEqual([
      `6${hant.weeks}`,
      `90${hant.days}`,
    ]);
  });
});

describe('periods edited on the 保修卡 screen keep their unit', () => {
  const api = createCardsHandlers({ templatesDir: defaultTemplatesDir, settings: profiled });
  const request = (periods: { name: string; months?: number; weeks?: number; days?: number }[]) => ({
    fileName: '客户清单.csv',
    data: Buffer.from('客户名称,序列号,购买日期\n张三,SN1,2026-01-31\n', 'utf8').toString('base64'),
    periods: { standard: periods },
  });

  it('the request takes months, weeks or days, at most one of them (blank or 0: the handlers refuse it by name)', () => {
    const ok = (periods: Parameters<typeof request>[0]) =>
      cardsRequestSchemas.parseCards.safeParse(request(periods)).success;
    expect(ok([{ name: '整机', months: 12 }])).toBe(true);
    expect(ok([{ name: '整机', days: 400 }])).toBe(true);
    expect(ok([{ name: '整机', weeks: 6 }])).toBe(true);
    expect(ok([{ name: '整机', months: 12, days: 400 }])).toBe(false);
    expect(ok([{ name: '整机', months: -1 }])).toBe(false);
    expect(ok([{ name: '整机', months: 1.5 }])).toBe(false);
    expect(ok([{ name: '整机' }])).toBe(true);
    expect(ok([{ name: '整机', days: 0 }])).toBe(true);
  });

  it('an edited 30天 prints as 30天, ending 30 days after 31 January', async () => {
    const r = await api.parseCards({ ...request([{ name: '整机', days: 30 }]), previewCount: 1, qr: false });
    expect(r.preview[0]!.periods).toEqual([{ name: '整机', label: '30天', end: '2026年3月2日' }]);
    expect(r.templates[0]!.periodsFrom).toBe('edited');
  });
});
