// How a clause reads facts. {{#fact "arrive"}}…{{/fact}} keeps its text only when the fact is offered, so a
// promise the bid does not make leaves no sentence behind; {{promise "arrive"}} prints the whole promise
// (「自接到报修通知起2小时内到达现场」) and {{figure "arrive"}} the figure alone (「2小时」). Both refuse a fact that is
// not offered: outside a {{#fact}} guard that would print half a sentence. {{deadline "fix_l1"}} prints a time with
// its event (「工程师到达现场后4小时内」) for tables.
import { isConventionalFactId } from './ids.js';
import { levelDeadline, levelsOf } from './levels.js';
import { factDeadline, factFigure, factPhrase } from './phrase.js';
import { DEADLINE_KINDS, type Commitment, type DeadlineKind } from './schema.js';

/** Where the facts sit in a template context: a symbol, so no template can name or shadow it. */
export const FACTS = Symbol('facts');

type SlotsLike = { put(type: 'text', raw: string, text: string): string };
type Data = { root?: Record<PropertyKey, unknown>; slots?: SlotsLike; level?: string };
type Options = { data?: Data; fn?: (ctx: unknown, o?: { data: Data }) => string; inverse?: (ctx: unknown) => string; hash?: unknown };

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
  if (!ids.length || ids.some((x) => typeof x !== 'string')) throw new Error('name the fact in quotes, e.g. {{#fact "arrive"}}');
  const unknown = (ids as string[]).find((id) => !isConventionalFactId(id));
  if (unknown) throw new Error(`未知的承诺编号「${unknown}」：应为承诺种类（如 arrive），或种类加后缀（如 arrive_l3、warranty_compressor）`);
  return { ids: ids as string[], options };
}

const offered = (facts: Map<string, Commitment>, id: string) => facts.get(id)?.offered === true;

function one(args: unknown[], print: (c: Commitment) => string, name: string): string {
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
  if (level === undefined) throw new Error('{{levelName}} 和 {{levelDeadline}} 只能写在 {{#eachLevel}}…{{/eachLevel}} 之内');
  return level;
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
    return levelsOf([...factsOf(options).values()]).length ? (options.fn?.(this) ?? '') : (options.inverse?.(this) ?? '');
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
    if (typeof kind !== 'string' || !(DEADLINE_KINDS as readonly string[]).includes(kind)) throw new Error(`levelDeadline 需要一个时限种类，如 {{levelDeadline "arrive"}}`);
    return slotsOf(options).put('text', '', levelDeadline([...factsOf(options).values()], levelOf(options), kind as DeadlineKind) ?? '—');
  },
  promise: (...args: unknown[]) => one(args, factPhrase, 'promise'),
  figure: (...args: unknown[]) => one(args, factFigure, 'figure'),
  /** A deadline with the event it runs from (「自接到报修通知起4小时内」), for table cells. */
  deadline: (...args: unknown[]) => one(args, factDeadline, 'deadline'),
};
