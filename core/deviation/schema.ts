// A tender's requirement, as the project records it: what the tender asks, how to compare, and our linked figure.
import { z } from 'zod';

export const REQUIREMENT_OPS = ['>=', '<=', '='] as const;
export type RequirementOp = (typeof REQUIREMENT_OPS)[number];
export const DEVIATIONS = ['正偏离', '无偏离', '负偏离'] as const;
export type Deviation = (typeof DEVIATIONS)[number];

export const requirementSchema = z
  .object({
    /** 招标文件条目号, e.g. "3.2.1" or "（五）". */
    item: z.string().max(50).default(''),
    /** 招标文件要求, as the tender words it. */
    text: z.string().min(1).max(1000),
    /** ≤ for limits (respond within 2 h), ≥ for minimums (warranty at least 3 years); absent for free text. */
    op: z.enum(REQUIREMENT_OPS).optional(),
    value: z.number().nonnegative().finite().optional(),
    /** 小时 / 工作日 / 天 / 个月 / 年 / 分钟, or a count unit (次, 人, %) compared only with the same unit. */
    unit: z.string().max(20).optional(),
    /**
     * Which way is better when the figures differ. Defaults from op (≤ → lower, ≥ → higher); needed for "="
     * requirements, where a response time equal-or-shorter is fine but a different warranty is not.
     */
    better: z.enum(['lower', 'higher']).optional(),
    /** ★ items: a negative deviation makes the bid liable to be rejected (废标). */
    star: z.boolean().default(false),
    /** The variable holding our committed figure (e.g. onsite_arrival). */
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .optional(),
    /** The fact (core/commitments) holding our committed figure, by id; it answers without any clause declaring it. */
    fact: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .optional(),
    /** 投标文件应答: our wording; generated from the requirement and our figure when absent. */
    response: z.string().max(1000).optional(),
    /** For free-text requirements only: the writer's judgement, since there is no figure to compare. */
    deviation: z.enum(DEVIATIONS).optional(),
    /** Why a negative deviation is accepted; printed in 说明. Without it a negative deviation is an error. */
    accepted: z.string().max(500).optional(),
    /** Extra text for 说明. */
    note: z.string().max(500).optional(),
  })
  .refine((r) => (r.op === undefined) === (r.value === undefined), {
    message: 'op and value go together: give both (a measurable requirement) or neither (free text)',
  });
export type Requirement = z.infer<typeof requirementSchema>;
