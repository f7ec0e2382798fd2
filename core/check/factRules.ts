// Contradictions between facts: two promises that cannot both be kept are errors, not warnings. Times in one unit
// compare by their figures; across units as elapsed spans read against the bidder (core/commitments/time.ts), so a
// 工作日 is never taken for 8 hours and may run over a weekend or a public holiday. A component's warranty is an error
// only when surely longer than the unit's: 400天 against 1年 is, 13个月 against 395天 depends on the months.
import { severityOf } from '../commitments/levels.js';
import { factDeadline, factFigure } from '../commitments/phrase.js';
import { resolveFacts, type ResolvedFact } from '../commitments/resolve.js';
import { isDeadline, isPeriod, REGIONS, type Deadline, type Period, type Scope } from '../commitments/schema.js';
import { mayTakeLonger, spanOf, surelyTakesLonger, surelyWithin, type Span } from '../commitments/time.js';
import type { Problem, Severity } from '../model/problem.js';
import type { CheckContext, Rule } from './helpers.js';

type DeadlineFact = ResolvedFact & { fact: Deadline };
type PeriodFact = ResolvedFact & { fact: Period };

export function factsOf(ctx: CheckContext): ResolvedFact[] {
  return resolveFacts(ctx.project, ctx.values, ctx.decls).filter((f) => f.fact.offered);
}
const deadlines = (ctx: CheckContext): DeadlineFact[] =>
  factsOf(ctx).filter((f): f is DeadlineFact => isDeadline(f.fact));

/** "a may take longer than b": the same unit by its figures, else a's longest reading against b's shortest. */
const mayBeLonger = (a: Deadline, b: Deadline) => mayTakeLonger(a.within, b.within) === true;
const party = (s?: Scope) => s?.party ?? 'bidder';
/** The same kind of promise from the same event, by the same party, for the same product and component. */
const sameGround = (a: Deadline, b: Deadline) =>
  a.kind === b.kind &&
  a.from === b.from &&
  party(a.scope) === party(b.scope) &&
  a.scope?.product === b.scope?.product &&
  a.scope?.component === b.scope?.component;
const SCOPE_KEYS = ['level', 'product', 'component', 'region', 'channel', 'party'] as const;
/** Exactly the same scope (a scope written in another key order is the same). */
const sameScope = (a: Scope | undefined, b: Scope | undefined) =>
  SCOPE_KEYS.every((k) => (k === 'party' ? party(a) === party(b) : a?.[k] === b?.[k]));

function longer(code: string, severity: Severity, a: ResolvedFact, b: ResolvedFact, why: string): Problem {
  const params = { label: a.label, value: factFigure(a.fact), otherLabel: b.label, otherValue: factFigure(b.fact) };
  return {
    severity,
    code,
    field: a.field,
    message: `「${params.label}」${params.value}长于「${params.otherLabel}」${params.otherValue}：${why}`,
    params,
  };
}

type PairSpec = {
  code: string;
  severity: Severity;
  describe: string;
  pick: (a: DeadlineFact, b: DeadlineFact) => boolean;
  why: string;
};

/** A rule over pairs (a, b) of deadlines where a must not take longer than b; each a is reported once. */
function pairRule({ code, severity, describe, pick, why }: PairSpec): Rule {
  return {
    code,
    severity,
    describe,
    run(ctx) {
      const ds = deadlines(ctx);
      return ds.flatMap((a) =>
        ds
          .filter((b) => a !== b && pick(a, b) && mayBeLonger(a.fact, b.fact))
          .slice(0, 1)
          .map((b) => longer(code, severity, a, b, why)),
      );
    },
  };
}

/** Elapsed time from the notice, and its figure when both parts are in one unit that adds up (not months, years). */
type FromNotice = { span: Span; figure?: { value: number; unit: string } };
const ADDITIVE = new Set(['分钟', '小时', '天', '周', '工作日']);

/**
 * A deadline as elapsed time from the notice: its own when it runs from the notice, the arrival's (for its scope,
 * else the general one) added when it runs from arrival; undefined for other events or without an arrival promise.
 * In one unit the figures add up: two working days after arriving within one is the third working day at the latest.
 */
function fromNotice(ds: DeadlineFact[], d: Deadline): FromNotice | undefined {
  const own = spanOf(d.within);
  if (!own || (d.from !== 'notice' && d.from !== 'arrival')) return undefined;
  if (d.from === 'notice') return { span: own, figure: d.within };
  const arrive = coveringArrival(ds, d.scope);
  const a = arrive && spanOf(arrive.fact.within);
  if (!arrive || !a) return undefined;
  const span = { min: a.min + own.min, max: a.max + own.max };
  const unit = d.within.unit;
  return arrive.fact.within.unit === unit && ADDITIVE.has(unit)
    ? { span, figure: { value: arrive.fact.within.value + d.within.value, unit } }
    : { span };
}

/** "a may take longer than b", both counted from the notice: by their figures in one unit, else by elapsed time. */
const mayBeLongerFromNotice = (a: FromNotice, b: FromNotice) =>
  a.figure && b.figure && a.figure.unit === b.figure.unit
    ? a.figure.value > b.figure.value + 1e-9
    : !surelyWithin(a.span, b.span);

/** The arrival promised from the notice for a scope, else the general one that covers it (every level and region). */
function coveringArrival(ds: DeadlineFact[], scope: Scope | undefined): DeadlineFact | undefined {
  const arrivals = ds.filter((a) => a.fact.kind === 'arrive' && a.fact.from === 'notice');
  return widerScopes(scope)
    .map((s) => arrivals.find((a) => sameScope(a.fact.scope, s)))
    .find((a) => a !== undefined);
}

/** A scope, then the same without its fault level, without its region, without both: the promises that cover it. */
function widerScopes(s: Scope | undefined): (Scope | undefined)[] {
  const { level, region, ...rest } = s ?? {};
  const out: Scope[] = [
    { ...rest, ...(level ? { level } : {}), ...(region ? { region } : {}) },
    { ...rest, ...(region ? { region } : {}) },
    { ...rest, ...(level ? { level } : {}) },
    rest,
  ];
  return out;
}

/**
 * A complaint is answered, then visited, then closed, all counted from the complaint: a visit after the case is
 * closed, or a first answer only after the complainant was visited, are promises that cannot both be meant. Each
 * fact is reported once, against the nearest later stage it overruns.
 */
const COMPLAINT_STAGES: { kind: Deadline['kind']; code: Record<string, string>; why: Record<string, string> }[] = [
  {
    kind: 'complaint_reply',
    code: { complaint_visit: 'complaint_reply_after_visit', complaint_close: 'complaint_reply_after_close' },
    why: {
      complaint_visit: '上门走访时已当面沟通处理意见，答复投诉人不应晚于上门走访',
      complaint_close: '投诉答复时限不应晚于办结时限',
    },
  },
  {
    kind: 'complaint_visit',
    code: { complaint_close: 'complaint_visit_after_close' },
    why: { complaint_close: '投诉办结后不应再上门走访投诉人，走访时限不应晚于办结时限' },
  },
];

const COMPLAINT_RULES: Rule[] = COMPLAINT_STAGES.flatMap((stage) =>
  Object.entries(stage.code).map(([laterKind, code]) => ({
    code,
    severity: 'error' as const,
    describe: `${stage.kind} comes no later than ${laterKind} (a complaint is answered, visited, then closed)`,
    run(ctx: CheckContext): Problem[] {
      const ds = deadlines(ctx);
      const later = Object.keys(stage.code);
      return ds.flatMap((a) => {
        if (a.fact.kind !== stage.kind) return [];
        // The nearest later stage this fact overruns; only this rule's stage reports it.
        const hit = later
          .map((k) =>
            ds.find(
              (b) =>
                b.fact.kind === k &&
                b.fact.from === a.fact.from &&
                sameScope(a.fact.scope, b.fact.scope) &&
                mayBeLonger(a.fact, b.fact),
            ),
          )
          .find((b) => b !== undefined);
        return hit && hit.fact.kind === laterKind ? [longer(code, 'error', a, hit, stage.why[laterKind]!)] : [];
      });
    },
  })),
);

/**
 * The installer we subcontract (安装外包协议的乙方) works to times no looser than ours to the purchaser: when the
 * installer keeps the agreement, we keep the bid. Each of its times is compared with our promise of the same kind
 * from the same event for its scope, else the general one.
 */
const INSTALLER_CODE: Partial<Record<Deadline['kind'], string>> = {
  arrive: 'installer_arrival_looser',
  fix: 'installer_resolution_looser',
};
const INSTALLER_WHY: Record<string, string> = {
  installer_arrival_looser: '安装服务商的到场时限宽于我方向采购人承诺的到场时限，服务商按协议到场时我方已经违约',
  installer_resolution_looser: '安装服务商的修复时限宽于我方向采购人承诺的修复时限',
  installer_deadline_looser: '安装服务商的时限宽于我方向采购人承诺的同一时限，服务商按协议履行时我方已经违约',
};
const installerCode = (kind: Deadline['kind']) => INSTALLER_CODE[kind] ?? 'installer_deadline_looser';

const INSTALLER_RULES: Rule[] = Object.keys(INSTALLER_WHY).map((code) => ({
  code,
  severity: 'error' as const,
  describe: "the installer's time is no looser than the one we promise the purchaser for the same thing",
  run(ctx: CheckContext): Problem[] {
    const ds = deadlines(ctx);
    return ds.flatMap((i) => {
      if (party(i.fact.scope) !== 'installer' || installerCode(i.fact.kind) !== code) return [];
      const { party: _, ...scope } = i.fact.scope ?? {};
      const ours = ds.filter(
        (b) => b.fact.kind === i.fact.kind && b.fact.from === i.fact.from && party(b.fact.scope) === 'bidder',
      );
      const b = widerScopes(scope)
        .map((s) => ours.find((o) => sameScope(o.fact.scope, s)))
        .find((o) => o !== undefined);
      return b && mayBeLonger(i.fact, b.fact) ? [longer(code, 'error', i, b, INSTALLER_WHY[code]!)] : [];
    });
  },
}));

const regionOf = (s?: Scope) => (s?.region ? REGIONS.indexOf(s.region) : -1);

export const FACT_RULES: Rule[] = [
  pairRule({
    code: 'exceeds_general_promise',
    severity: 'error',
    describe: 'a time for one fault level or region is no longer than the general promise of the same thing',
    pick: (a, b) =>
      sameGround(a.fact, b.fact) &&
      (a.fact.scope?.level !== undefined || a.fact.scope?.region !== undefined) &&
      b.fact.scope?.level === undefined &&
      b.fact.scope?.region === undefined,
    why: '总体承诺适用于所有故障和地区，分级或分地区的时限不应宽于总体承诺',
  }),
  pairRule({
    code: 'severity_order',
    severity: 'error',
    describe: 'a more severe fault level is not handled more slowly than a less severe one',
    pick: (a, b) =>
      sameGround(a.fact, b.fact) &&
      a.fact.scope?.region === b.fact.scope?.region &&
      a.fact.scope?.level !== undefined &&
      b.fact.scope?.level !== undefined &&
      severityOf(a.fact.scope.level) >= 0 &&
      severityOf(b.fact.scope.level) > severityOf(a.fact.scope.level),
    why: '更严重的故障不应比较轻的故障处理得更慢',
  }),
  pairRule({
    code: 'region_order',
    severity: 'error',
    describe: 'a nearer region is not served more slowly than a farther one (the city no slower than a county)',
    pick: (a, b) =>
      sameGround(a.fact, b.fact) &&
      a.fact.scope?.level === b.fact.scope?.level &&
      regionOf(a.fact.scope) >= 0 &&
      regionOf(b.fact.scope) > regionOf(a.fact.scope),
    why: '距离更远的地区不应比更近的地区更快到达',
  }),
  {
    code: 'response_after_arrival',
    severity: 'error',
    describe: 'the response from the notice comes no later than arrival on site (of its scope, else the general one)',
    run(ctx) {
      const ds = deadlines(ctx);
      return ds.flatMap((r) => {
        if (r.fact.kind !== 'respond' || r.fact.from !== 'notice') return [];
        const arrive = coveringArrival(ds, r.fact.scope);
        return arrive && mayBeLonger(r.fact, arrive.fact)
          ? [longer('response_after_arrival', 'error', r, arrive, '电话响应不应晚于工程师到场')]
          : [];
      });
    },
  },
  {
    code: 'resolution_before_arrival',
    severity: 'error',
    describe: 'a fix counted from the notice does not come before the engineer can arrive',
    run(ctx) {
      const ds = deadlines(ctx);
      return ds.flatMap((fix) => {
        if (fix.fact.kind !== 'fix' || fix.fact.from !== 'notice') return [];
        // The arrival promised for the same scope, else the general one (it covers every level and region).
        const arrive = coveringArrival(ds, fix.fact.scope);
        if (!arrive || !mayBeLonger(arrive.fact, fix.fact)) return [];
        const params = {
          label: fix.label,
          resolution: factFigure(fix.fact),
          arrivalLabel: arrive.label,
          arrival: factFigure(arrive.fact),
        };
        return [
          {
            severity: 'error' as const,
            code: 'resolution_before_arrival',
            field: fix.field,
            message: `「${params.label}」承诺报修后${params.resolution}内修复，「${params.arrivalLabel}」却为${params.arrival}：修复不可能早于到场`,
            params,
          },
        ];
      });
    },
  },
  {
    code: 'standby_after_resolution',
    severity: 'error',
    describe:
      'standby equipment comes no later than the general fix deadline, from the same event or, through the arrival, from the notice',
    run(ctx) {
      const ds = deadlines(ctx);
      return ds.flatMap((standby) => {
        if (standby.fact.kind !== 'standby') return [];
        const fixes = ds.filter(
          (f) =>
            f.fact.kind === 'fix' &&
            party(f.fact.scope) === party(standby.fact.scope) &&
            f.fact.scope?.level === undefined,
        );
        // The same event first; else both counted from the notice, a time from arrival plus the arrival's own.
        const same = fixes.find((f) => f.fact.from === standby.fact.from && mayBeLonger(standby.fact, f.fact));
        const across = same
          ? undefined
          : fixes.find((f) => {
              if (f.fact.from === standby.fact.from) return false;
              const a = fromNotice(ds, standby.fact);
              const b = fromNotice(ds, f.fact);
              return a !== undefined && b !== undefined && mayBeLongerFromNotice(a, b);
            });
        const fix = same ?? across;
        if (!fix) return [];
        const why = '超过修复时限后到提供备用设备之前，采购人既无修复也无备用设备';
        if (same) return [longer('standby_after_resolution', 'error', standby, fix, why)];
        const params = {
          label: standby.label,
          value: factDeadline(standby.fact),
          otherLabel: fix.label,
          otherValue: factDeadline(fix.fact),
        };
        return [
          {
            severity: 'error' as const,
            code: 'standby_after_resolution',
            field: standby.field,
            message: `「${params.label}」${params.value}长于「${params.otherLabel}」${params.otherValue}：${why}`,
            params,
          },
        ];
      });
    },
  },
  ...COMPLAINT_RULES,
  ...INSTALLER_RULES,
  {
    code: 'duplicate_promise',
    severity: 'error',
    describe: 'one promise (same kind, event and scope) is not stated twice with different times',
    run(ctx) {
      const ds = deadlines(ctx);
      return ds.flatMap((a, i) => {
        const b = ds
          .slice(0, i)
          .find(
            (x) => x.fact.kind === a.fact.kind && x.fact.from === a.fact.from && sameScope(x.fact.scope, a.fact.scope),
          );
        // The same time in other units (2小时 and 120分钟, 1年 and 12个月) is no second time; 1个工作日 and 24小时 are two.
        if (!b || (!mayBeLonger(a.fact, b.fact) && !mayBeLonger(b.fact, a.fact))) return [];
        const params = {
          label: a.label,
          value: factFigure(a.fact),
          otherLabel: b.label,
          otherValue: factFigure(b.fact),
        };
        return [
          {
            severity: 'error' as const,
            code: 'duplicate_promise',
            field: a.field,
            message: `「${params.label}」${params.value}与「${params.otherLabel}」${params.otherValue}是同一项承诺，却写了两个不同的时限`,
            params,
          },
        ];
      });
    },
  },
  {
    code: 'component_warranty_longer',
    severity: 'error',
    describe:
      "no component's warranty is surely longer than the whole unit's (in any unit: 400天 against 1年), unless stated as counted separately",
    run(ctx) {
      const warranties = factsOf(ctx).filter((f): f is PeriodFact => f.fact.kind === 'warranty' && isPeriod(f.fact));
      const isUnit = (f: PeriodFact) => !f.fact.scope?.component || f.fact.scope.component === '整机';
      return warranties
        .filter((f) => !isUnit(f) && !f.fact.separate)
        .flatMap((part) => {
          // Only an order no calendar can reverse: 13个月 against 395天 depends on the months it spans.
          const unit = warranties.find(
            (u) =>
              isUnit(u) &&
              u.fact.scope?.product === part.fact.scope?.product &&
              surelyTakesLonger(part.fact.period, u.fact.period) === true,
          );
          if (!unit) return [];
          // Each figure as the writer typed it, never converted.
          const params = {
            label: part.label,
            value: factFigure(part.fact),
            otherLabel: unit.label,
            otherValue: factFigure(unit.fact),
          };
          return [
            {
              severity: 'error' as const,
              code: 'component_warranty_longer',
              field: part.field,
              message: `「${params.label}」${params.value}长于「${params.otherLabel}」${params.otherValue}：部件的保修期不应长于整机；如部件确需单独计算，请在该承诺中注明“单独计算”`,
              params,
            },
          ];
        });
    },
  },
];
