// How a clause reads facts. {{#fact "arrive"}}…{{/fact}} keeps its text only when the fact is offered, so a
// promise the bid does not make leaves no sentence behind; {{promise "arrive"}} prints the whole promise
// (「自接到报修通知起2小时内到达现场」) and {{figure "arrive"}} the figure alone (「2小时」). Both refuse a fact that is
// not offered: outside a {{#fact}} guard that would print half a sentence. {{deadline "fix_l1"}} prints a time with
// its event (「工程师到达现场后4小时内」) for tables. {{#eachItem "warranty"}}…{{/eachItem}} repeats once for each offered
// fact of a kind narrowed to a product or component (a per-component warranty table), with {{itemName}},
// {{itemStart}} and {{figure}} / {{promise}} / {{deadline}} without an id for the row's fact. {{until "warranty" purchase_date}}
// (or {{until purchase_date}} in a row) is the date a period ends, counted from a date the document states.
import { formatDate } from '../format/zh.js';
import { isConventionalFactId, isFactKind } from './ids.js';
import { levelDeadline, levelsOf } from './levels.js';
import { EVENT_NAME, factDeadline, factFigure, factPhrase } from './phrase.js';
import { DEADLINE_KINDS, type Commitment, type DeadlineKind } from './schema.js';
import { periodEnd } from './time.js';

/** Where the facts sit in a template context: a symbol, so no template can name or shadow it. */
export const FACTS = Symbol('facts');

type SlotsLike = {
  put(type: 'text' | 'date', raw: string, text: string): string;
  get?(marker: unknown): { type: string; raw: unknown } | undefined;
};
type Data = { root?: Record<PropertyKey, unknown>; slots?: SlotsLike; level?: string; item?: Commitment };
type Options = {
  data?: Data;
  fn?: (ctx: unknown, o?: { data: Data }) => string;
  inverse?: (ctx: unknown) => string;
  hash?: unknown;
};

/** Puts the project's facts into a template context. */
export function attachFacts(ctx: Record<PropertyKey, unknown>, facts: readonly Commitment[]): void {
  ctx[FACTS] = new Map(facts.map((f) => [f.id, f]));
}

function factsOf(options: Options): Map<string, Commitment> {
  const m = options?.data?.root?.[FACTS];
  return m instanceof Map ? (m as Map<string, Commitment>) : new Map();
}

/** Handlebars passes the options last; everything before is the helper's arguments. */
function split(args: unknown[]): { ids: string[]; options: Options } {
  const options = args[args.length - 1] as Options;
  const ids = args.slice(0, -1);
  if (!ids.length || ids.some((x) => typeof x !== 'string'))
    throw new Error('name the fact in quotes, e.g. {{#fact "arrive"}}');
  const unknown = (ids as string[]).find((id) => !isConventionalFactId(id));
  if (unknown)
    throw new Error(
      `未知的承诺编号「${unknown}」：应为承诺种类（如 arrive），或种类加后缀（如 arrive_l3、warranty_compressor）`,
    );
  return { ids: ids as string[], options };
}

const offered = (facts: Map<string, Commitment>, id: string) => facts.get(id)?.offered === true;

function one(args: unknown[], print: (c: Commitment) => string, name: string): string {
  const item = (args[args.length - 1] as Options)?.data?.item;
  // Without an id inside {{#eachItem}}: the row's own fact.
  if (args.length === 1 && item) return slotsOf(args[0] as Options).put('text', '', print(item));
  const { ids, options } = split(args);
  if (ids.length !== 1) throw new Error(`${name} takes one fact`);
  const c = factsOf(options).get(ids[0]!);
  if (!c?.offered) throw new Error(`承诺「${ids[0]}」未提供：引用它的句子应写在 {{#fact "${ids[0]}"}}…{{/fact}} 之内`);
  return slotsOf(options).put('text', '', print(c));
}

function slotsOf(options: Options): SlotsLike {
  const slots = options?.data?.slots;
  if (!slots) throw new Error('internal: template rendered without slots');
  return slots;
}

/** The level an {{#eachLevel}} block is on. */
function levelOf(options: Options): string {
  const level = options?.data?.level;
  if (level === undefined)
    throw new Error('{{levelName}} 和 {{levelDeadline}} 只能写在 {{#eachLevel}}…{{/eachLevel}} 之内');
  return level;
}

/** The offered facts of a kind narrowed to a product or component, in the order the bid states them. */
function itemsOf(args: unknown[]): { items: Commitment[]; options: Options } {
  const options = args[args.length - 1] as Options;
  const kind = args[0];
  if (args.length !== 2 || typeof kind !== 'string' || !isFactKind(kind))
    throw new Error('eachItem 和 anyItem 需要一个承诺种类，如 {{#eachItem "warranty"}}');
  const facts = [...factsOf(options).values()].filter((c) => c.offered && c.kind === kind);
  const general = facts.some((c) => !c.scope?.product && !c.scope?.component);
  // A fact for 整机 alone restates the general promise (the checks hold the two equal): one row, not two.
  const restatesGeneral = (c: Commitment) => general && !c.scope?.product && c.scope?.component === '整机';
  const items = facts.filter((c) => (c.scope?.product || c.scope?.component) && !restatesGeneral(c));
  return { items, options };
}

function itemOf(options: Options): Commitment {
  const item = options?.data?.item;
  if (!item) throw new Error('{{itemName}} 和 {{itemStart}} 只能写在 {{#eachItem}}…{{/eachItem}} 之内');
  return item;
}

export const FACT_HELPERS: Record<string, (this: unknown, ...args: unknown[]) => unknown> = {
  /** Block: kept when every named fact is offered; {{else}} otherwise. */
  fact(this: unknown, ...args: unknown[]) {
    const { ids, options } = split(args);
    const facts = factsOf(options);
    return ids.every((id) => offered(facts, id)) ? (options.fn?.(this) ?? '') : (options.inverse?.(this) ?? '');
  },
  /** Block: kept when any named fact is offered (a heading over several optional promises). */
  anyFact(this: unknown, ...args: unknown[]) {
    const { ids, options } = split(args);
    const facts = factsOf(options);
    return ids.some((id) => offered(facts, id)) ? (options.fn?.(this) ?? '') : (options.inverse?.(this) ?? '');
  },
  /** Block: kept when the facts name at least one fault level. */
  anyLevel(this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Options;
    return levelsOf([...factsOf(options).values()]).length
      ? (options.fn?.(this) ?? '')
      : (options.inverse?.(this) ?? '');
  },
  /** Block: once per fault level the facts name, most severe first; inside, {{levelName}} and {{levelDeadline "arrive"}}. */
  eachLevel(this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Options;
    const levels = levelsOf([...factsOf(options).values()]);
    return levels.map((level) => options.fn?.(this, { data: { ...options.data, level } }) ?? '').join('');
  },
  levelName: (...args: unknown[]) => {
    const options = args[args.length - 1] as Options;
    return slotsOf(options).put('text', '', levelOf(options));
  },
  /** The level's own time for that kind with its event, else the general promise's, else 「—」. */
  levelDeadline(...args: unknown[]) {
    const options = args[args.length - 1] as Options;
    const kind = args[0];
    if (typeof kind !== 'string' || !(DEADLINE_KINDS as readonly string[]).includes(kind))
      throw new Error(`levelDeadline 需要一个时限种类，如 {{levelDeadline "arrive"}}`);
    return slotsOf(options).put(
      'text',
      '',
      levelDeadline([...factsOf(options).values()], levelOf(options), kind as DeadlineKind) ?? '—',
    );
  },
  /** Block: kept when some offered fact of the kind is narrowed to a product or component. */
  anyItem(this: unknown, ...args: unknown[]) {
    const { items, options } = itemsOf(args);
    return items.length ? (options.fn?.(this) ?? '') : (options.inverse?.(this) ?? '');
  },
  /** Block: once per offered fact of the kind narrowed to a product or component; inside, {{itemName}} and {{figure}}. */
  eachItem(this: unknown, ...args: unknown[]) {
    const { items, options } = itemsOf(args);
    return items.map((item) => options.fn?.(this, { data: { ...options.data, item } }) ?? '').join('');
  },
  /** The row's product and component: 「空调主机」「压缩机」「空调主机压缩机」. */
  itemName: (...args: unknown[]) => {
    const options = args[args.length - 1] as Options;
    const s = itemOf(options).scope;
    return slotsOf(options).put('text', '', `${s?.product ?? ''}${s?.component ?? ''}`);
  },
  /** The event the row's period runs from (「验收合格之日」); without one, 「同整机」 when the whole unit's promise states it, else 「—」. */
  itemStart: (...args: unknown[]) => {
    const options = args[args.length - 1] as Options;
    const c = itemOf(options);
    const unit = [...factsOf(options).values()].find(
      (u) => u.offered && u.kind === c.kind && !u.scope?.product && !u.scope?.component && 'from' in u && u.from,
    );
    return slotsOf(options).put('text', '', 'from' in c && c.from ? EVENT_NAME[c.from] : unit ? '同整机' : '—');
  },
  /** The date a period ends (保修截止日期): {{until "warranty_tank" purchase_date}}, or {{until purchase_date}} in a row. */
  until: (...args: unknown[]) => {
    const options = args[args.length - 1] as Options;
    const rest = args.slice(0, -1);
    const item = options?.data?.item;
    let fact: Commitment | undefined;
    if (rest.length === 1 && item) fact = item;
    else if (rest.length === 2) {
      const { ids } = split([rest[0], options]);
      fact = factsOf(options).get(ids[0]!);
      if (!fact?.offered)
        throw new Error(`承诺「${ids[0]}」未提供：引用它的句子应写在 {{#fact "${ids[0]}"}}…{{/fact}} 之内`);
    } else
      throw new Error(
        'until 的写法：{{until "warranty" purchase_date}}，或在 {{#eachItem}} 内写 {{until purchase_date}}',
      );
    if (!('period' in fact)) throw new Error(`until 只用于期限类承诺（如保修期），「${fact.id}」不是`);
    const slots = slotsOf(options);
    const start = slots.get?.(rest[rest.length - 1]);
    if (start?.type !== 'date')
      throw new Error('until 需要一个日期变量作为起算日期，如 {{until "warranty" purchase_date}}');
    const iso = periodEnd(start.raw as string, fact.period);
    if (iso === undefined)
      throw new Error(`「${fact.id}」的期限${fact.period.value}${fact.period.unit}无法推算截止日期`);
    return slots.put('date', iso, formatDate(iso));
  },
  promise: (...args: unknown[]) => one(args, factPhrase, 'promise'),
  figure: (...args: unknown[]) => one(args, factFigure, 'figure'),
  /** A deadline with the event it runs from (「自接到报修通知起4小时内」), for table cells. */
  deadline: (...args: unknown[]) => one(args, factDeadline, 'deadline'),
};
