// Commitments: each promise of a bid as a typed, optional fact. The writer states a fact once; clauses render it,
// checks and the 偏离表 read it. The kind says what is promised and fixes the fact's shape (a deadline, a period,
// a cycle …), so a fact can never carry a figure its kind does not understand.
import { z } from 'zod';
import { invisibleIn } from '../text/names.js';

/** Time units of a fact. 工作日 is a working day — a calendar day that is not a rest day, never "8 hours". */
export const FACT_UNITS = ['分钟', '小时', '工作日', '天', '周', '个月', '年'] as const;
export type FactUnit = (typeof FACT_UNITS)[number];

/** What a time runs from. */
export const FACT_EVENTS = [
  'notice',
  'arrival',
  'fix',
  'service',
  'receipt',
  'request',
  'complaint',
  'acceptance',
  'delivery',
  'installation',
  'invoice',
  'expiry',
] as const;
export type FactEvent = (typeof FACT_EVENTS)[number];

/** A time limit: "within N units from the event". */
export const DEADLINE_KINDS = [
  'answer', // 电话接听
  'respond', // 响应
  'remote_fix', // 远程排除
  'arrive', // 到达现场
  'diagnose', // 查明故障原因
  'propose', // 提交处理方案
  'fix', // 排除故障、恢复运行
  'replace', // 更换故障设备或部件
  'standby', // 仍未修复时提供备用设备
  'escalate', // 仍未解决时升级处理
  'call_back', // 服务后回访
  'first_visit', // 首次回访
  'report', // 故障分析报告
  'inspection_report', // 巡检报告
  'deliver_parts', // 发出备件
  'complaint_reply', // 答复投诉
  'complaint_visit', // 上门走访投诉人
  'complaint_close', // 投诉办结
  'train_start', // 开始培训
  'doa_replace', // 到货后N天内故障包换
  'return_goods', // 到货后N天内可退货
] as const;
/** A period that runs from an event: warranties and supply guarantees. */
export const PERIOD_KINDS = [
  'warranty',
  'repair_warranty',
  'replaced_part_warranty',
  'latent_defect',
  'parts_supply',
  'onsite_support',
] as const;
/** N times in every period. */
export const CYCLE_KINDS = ['phone_check', 'visit', 'inspect', 'maintain', 'overhaul', 'drill'] as const;
/** A number of people or places put at the project's disposal. */
export const COUNT_KINDS = [
  'dedicated_engineers',
  'engineers',
  'service_centres',
  'repair_stations',
  'parts_warehouses',
] as const;
/** What is charged (or not) for service outside the warranty, and fees. */
export const PRICE_KINDS = ['annual_fee', 'labour_fee', 'onsite_fee', 'travel_fee', 'parts_price'] as const;

export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type CycleKind = (typeof CYCLE_KINDS)[number];
export type CountKind = (typeof COUNT_KINDS)[number];
export type PriceKind = (typeof PRICE_KINDS)[number];

/** Farther regions come later: a county is never served faster than the city. */
export const REGIONS = ['city', 'county', 'province', 'out_of_province'] as const;
export type Region = (typeof REGIONS)[number];
export const CHANNELS = ['hotline', 'after_hours', 'onsite', 'remote', 'online', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const factDurationSchema = z.object({
  value: z.number().positive().finite().max(100_000),
  unit: z.enum(FACT_UNITS),
});
export type FactDuration = z.infer<typeof factDurationSchema>;

export const scopeSchema = z
  .object({
    /** Fault level as the document names it: 一级, 二级, 重大, 一般, 紧急 … */
    level: z.string().min(1).max(20).optional(),
    product: z.string().min(1).max(100).optional(),
    component: z.string().min(1).max(100).optional(),
    region: z.enum(REGIONS).optional(),
    channel: z.enum(CHANNELS).optional(),
    /** Who promises: we (the bidder, default) or the installer we subcontract (安装外包协议的乙方). */
    party: z.enum(['bidder', 'installer']).optional(),
  })
  .strict();
export type Scope = z.infer<typeof scopeSchema>;

const common = {
  /** The handle clauses use: {{#fact "arrive"}}. lower_snake_case, unique in the project. */
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'fact ids are lower_snake_case')
    .max(60),
  /** false: explicitly not promised — no sentence is printed, and a requirement linked to it is a 负偏离. */
  offered: z.boolean().default(true),
  /** How forms, checks and the 偏离表 name the fact; a label is made from kind and scope when absent. */
  label: z
    .string()
    .min(1)
    .max(60)
    .refine((s) => !invisibleIn(s), 'a fact name has no invisible characters (zero-width, bidi controls)')
    .optional(),
  scope: scopeSchema.optional(),
  /**
   * true: added from the 承诺 catalogue with an example figure nobody has typed or confirmed yet; the check reports it
   * as an error until the writer edits the figure or confirms it, which removes the key. Absent or false: confirmed —
   * files written before carry no flag, and their figures were typed.
   */
  unconfirmed: z.boolean().optional(),
};

const moneySchema = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, 'an amount in yuan like "300.00"');

export const deadlineSchema = z
  .object({ ...common, kind: z.enum(DEADLINE_KINDS), within: factDurationSchema, from: z.enum(FACT_EVENTS) })
  .strict();
export const periodSchema = z
  .object({
    ...common,
    kind: z.enum(PERIOD_KINDS),
    period: factDurationSchema,
    from: z.enum(FACT_EVENTS).optional(),
    /** A component warranty deliberately longer than the whole unit's (a tank guaranteed 8 years on a 6-year unit). */
    separate: z.boolean().optional(),
    /** What the warranty repair costs the purchaser nothing for: parts, labour, travel. */
    covers: z
      .array(z.enum(['parts', 'labour', 'travel']))
      .min(1)
      .max(3)
      .optional(),
  })
  .strict();
export const cycleSchema = z
  .object({ ...common, kind: z.enum(CYCLE_KINDS), times: z.number().int().min(1).max(1000), every: factDurationSchema })
  .strict();
export const countSchema = z
  .object({ ...common, kind: z.enum(COUNT_KINDS), count: z.number().int().min(1).max(100_000) })
  .strict();
export const priceSchema = z
  .object({
    ...common,
    kind: z.enum(PRICE_KINDS),
    /** Yuan, as project values write money. A promised amount of 0 is an error unless `free` says so. */
    amount: moneySchema.optional(),
    /** Charged per …: 次, 小时, 人·天. */
    per: z.string().min(1).max(20).optional(),
    free: z.boolean().optional(),
    /** Parts outside the warranty: at cost, by the price list, or at a discount of `percent` %. */
    basis: z.enum(['cost', 'list', 'discount']).optional(),
    percent: z.number().min(0).max(100).optional(),
  })
  .strict()
  .refine((p) => p.free || p.amount !== undefined || p.basis !== undefined, {
    message: 'a price states an amount, a basis (cost, list, discount) or free: true',
  });
export const repeatSchema = z
  .object({ ...common, kind: z.literal('replace_after_repairs'), repairs: z.number().int().min(1).max(100) })
  .strict();
export const downtimeSchema = z
  .object({ ...common, kind: z.literal('downtime_restart'), over: factDurationSchema })
  .strict();
/** Planned on-site service (inspection, maintenance, training) is booked at least this long ahead. */
export const bookingSchema = z.object({ ...common, kind: z.literal('book_ahead'), ahead: factDurationSchema }).strict();
export const hoursSchema = z
  .object({
    ...common,
    kind: z.literal('service_hours'),
    /** 7×24, 5×8 (weekdays, eight working hours), or the hours stated in `text`. */
    schedule: z.enum(['7x24', '5x8', 'stated']),
    text: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((h) => h.schedule !== 'stated' || h.text !== undefined, {
    message: 'stated service hours need their text, e.g. 工作日9:00–18:00',
  });
export const trainingSchema = z
  .object({
    ...common,
    kind: z.literal('train'),
    length: factDurationSchema,
    trainees: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export const satisfactionSchema = z
  .object({ ...common, kind: z.literal('satisfaction'), percent: z.number().positive().max(100) })
  .strict();

export const commitmentSchema = z.discriminatedUnion('kind', [
  deadlineSchema,
  periodSchema,
  cycleSchema,
  countSchema,
  priceSchema,
  repeatSchema,
  downtimeSchema,
  bookingSchema,
  hoursSchema,
  trainingSchema,
  satisfactionSchema,
]);
export type Commitment = z.infer<typeof commitmentSchema>;
export type CommitmentKind = Commitment['kind'];
export type Deadline = z.infer<typeof deadlineSchema>;
export type Period = z.infer<typeof periodSchema>;
export type Cycle = z.infer<typeof cycleSchema>;
export type Price = z.infer<typeof priceSchema>;

/** The project's facts: ids are unique, because clauses name facts by id. */
export const commitmentsSchema = z
  .array(commitmentSchema)
  .max(500)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `fact id "${c.id}" is used twice` });
      seen.add(c.id);
    });
  });

export const isDeadline = (c: Commitment): c is Deadline => (DEADLINE_KINDS as readonly string[]).includes(c.kind);
export const isPeriod = (c: Commitment): c is Period => (PERIOD_KINDS as readonly string[]).includes(c.kind);
export const isCycle = (c: Commitment): c is Cycle => (CYCLE_KINDS as readonly string[]).includes(c.kind);
export const isPrice = (c: Commitment): c is Price => (PRICE_KINDS as readonly string[]).includes(c.kind);
