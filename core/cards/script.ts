// The words a card prints besides the user's data, in 简体 or 繁體. Traditional cards reuse the project's OpenCC
// conversion (core/format/script.ts) on the template and these labels, once per batch; the PDF is set in Noto TC, as
// the document PDFs for 繁體 (cardFonts.ts). The user's own data is printed as written: names and addresses cannot be
// converted safely (丑 and 于 are surnames), and a Traditional list is already Traditional; what Noto TC lacks of it
// (们, 张 …) is drawn in Noto SC.
import { toTraditional } from '../format/script.js';
import type { CardField } from './fields.js';
import type { CardTemplate } from './template.js';

export type CardScript = 'hans' | 'hant';

const HANS = {
  hotline: '服务热线',
  serviceHours: '服务时间：',
  info: '用户及产品信息',
  periods: '保修期限',
  component: '保修部件',
  period: '保修期',
  until: '保修期至',
  repairs: '维修记录',
  scan: '扫码报修',
  stampDate: '日期：　　年　月　日',
  cut: '沿\n虚\n线\n剪\n开',
  months: '个月',
  weeks: '周',
  days: '天',
  cards: '张',
  repairGrid: ['维修日期', '故障现象', '处理措施', '维修工程师', '用户签字'],
  fields: {
    customer: '客户名称',
    phone: '联系电话',
    address: '联系地址',
    product: '产品名称',
    model: '产品型号',
    serial: '机身编号',
    date: '购买日期',
    dealer: '经销商',
  } as Record<CardField, string>,
  terms: { coverage: '保修范围', exclusions: '不属保修范围（可提供有偿服务）', claim: '保修申请', sanbao: '三包规定' },
};
export type CardLabels = typeof HANS;

const deep = <T>(v: T, t: (s: string) => string): T =>
  (typeof v === 'string'
    ? t(v)
    : Array.isArray(v)
      ? v.map((x) => deep(x, t))
      : typeof v === 'object' && v
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x, t)]))
        : v) as T;

let hant: CardLabels | undefined;
/** The printed labels in the card's script. */
export function cardLabels(script: CardScript = 'hans'): CardLabels {
  return script === 'hant' ? (hant ??= deep(HANS, toTraditional)) : HANS;
}

/** A text the card prints, in its script ("安装日期" → "安裝日期"). */
export const inScript = (text: string, script: CardScript = 'hans') => (script === 'hant' ? toTraditional(text) : text);

const converted = new WeakMap<CardTemplate, CardTemplate>();
/** The template's printed words (title, company, component names, terms) in the script; the id and figures stay. */
export function templateInScript(t: CardTemplate, script: CardScript = 'hans'): CardTemplate {
  if (script === 'hans') return t;
  let c = converted.get(t);
  if (!c) {
    const { id, components, match, fields, ...text } = t;
    c = {
      ...deep(text, toTraditional),
      id,
      match,
      ...(fields ? { fields } : {}),
      components: components.map((x) => ({ ...x, name: toTraditional(x.name) })),
    };
    converted.set(t, c);
  }
  return c;
}
