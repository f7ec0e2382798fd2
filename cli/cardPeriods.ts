// bidforge cards --period 整机=36个月 --period 压缩机=6年: warranty periods typed on the command line, as the 保修卡
// screen's 保修期限 panel takes them (the built-in templates carry none). A blank or 0 period is passed on, so the
// handlers refuse it naming the component, as they do for the app; what cannot be a period at all is refused here.
import { type CardPeriod, cardPeriodOf, PERIOD_MAX, periodFields } from '../core/cards/period.js';

export type TypedPeriod = { name: string; months?: number; weeks?: number; days?: number };
type Lang = 'zh' | 'en';

/** Units as people type them; 年 becomes months, as cards print years (6年 → 72个月). */
const UNITS: Record<string, '个月' | '年' | '周' | '天'> = {
  个月: '个月',
  月: '个月',
  month: '个月',
  months: '个月',
  年: '年',
  year: '年',
  years: '年',
  周: '周',
  星期: '周',
  week: '周',
  weeks: '周',
  天: '天',
  日: '天',
  day: '天',
  days: '天',
};

const PERIOD = /^(\d+(?:\.\d+)?)\s*([^\d\s.]*)$/;

const SAY = {
  zh: {
    syntax: (v: string) => `cards：--period “${v}” 应写成 部件=期限，如 --period 整机=36个月`,
    unit: (v: string, name: string) =>
      `cards：--period “${v}”：“${name}”的保修期要写明单位（个月、年、周或天），如 ${name}=36个月`,
    whole: (v: string, name: string) =>
      `cards：--period “${v}”：“${name}”的保修期印不上保修卡，卡片只印整月、整周、整天或整年`,
    max: (v: string, name: string) => `cards：--period “${v}”：“${name}”的保修期超过 50 年`,
    twice: (name: string) => `cards：--period 给了两次“${name}”`,
  },
  en: {
    syntax: (v: string) => `cards: --period “${v}” is written component=period, e.g. --period 整机=36个月`,
    unit: (v: string, name: string) =>
      `cards: --period “${v}”: give the period of “${name}” a unit (months, years, weeks or days), e.g. ${name}=36months`,
    whole: (v: string, name: string) =>
      `cards: --period “${v}”: the period of “${name}” cannot be printed; a card prints whole months, weeks, days or years`,
    max: (v: string, name: string) => `cards: --period “${v}”: the period of “${name}” is over 50 years`,
    twice: (name: string) => `cards: --period names “${name}” twice`,
  },
};

/** The typed periods, in the order given, or why one is refused (a string: exit 2, in the --lang language). */
export function parsePeriods(texts: readonly string[], lang: Lang): TypedPeriod[] | string {
  const say = SAY[lang];
  const out: TypedPeriod[] = [];
  for (const text of texts) {
    const m = /^([^=＝]*)[=＝](.*)$/.exec(text.trim());
    const name = m?.[1]?.trim() ?? '';
    if (!m || !name) return say.syntax(text);
    if (out.some((p) => p.name === name)) return say.twice(name);
    const value = m[2]!.trim();
    // Left blank: passed on, so the batch is refused naming the component, as on the screen.
    if (!value) {
      out.push({ name });
      continue;
    }
    const v = PERIOD.exec(value.toLowerCase());
    if (!v) return say.syntax(text);
    const unit = UNITS[v[2]!];
    if (!unit) return say.unit(text, name);
    const n = Number(v[1]);
    // 0 is passed on too, and refused naming the component.
    if (n === 0) {
      out.push({ name, ...periodFields({ value: 0, unit: unit === '年' ? '个月' : unit }) });
      continue;
    }
    const p: CardPeriod | undefined = cardPeriodOf({ value: n, unit });
    if (!p) return say.whole(text, name);
    if (p.value > PERIOD_MAX[p.unit]) return say.max(text, name);
    out.push({ name, ...periodFields(p) });
  }
  return out;
}
