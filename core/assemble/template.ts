// Fills a clause body with Handlebars, strictly. User values never reach the Markdown parser as text:
// each value becomes a private-use "slot" marker that is swapped for its display text only after parsing,
// so a value like "| **x** <b>" can never create a table cell, bold text or HTML.
import Handlebars from 'handlebars';
import { AnnexIndex } from './annex.js';
import { describeTemplateError } from './templateErrors.js';
import { FACT_HELPERS } from '../commitments/helpers.js';
import { addMonths, chineseNumeral, durationHours, formatDate, formatScalar, rmbUppercase } from '../format/zh.js';
import type { Duration, Row, ScalarType, ScalarValue, Value, VariableDecl } from '../model/variables.js';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = /\uE000(\d+)\uE001/g;
const ONE_SLOT = /^\uE000(\d+)\uE001$/;

type Slot = { type: ScalarType; raw: ScalarValue; text: string };

export class Slots {
  readonly items: Slot[] = [];
  put(type: ScalarType, raw: ScalarValue, text = formatScalar(type, raw)): string {
    this.items.push({ type, raw, text: text.replace(/[\uE000\uE001]/g, '') });
    return `${OPEN}${this.items.length - 1}${CLOSE}`;
  }
  get(marker: unknown): Slot | undefined {
    // Helper results arrive in sub-expressions as Handlebars SafeStrings.
    const text =
      typeof marker === 'string' ? marker : marker instanceof Handlebars.SafeString ? marker.toString() : undefined;
    if (text === undefined) return undefined;
    const m = ONE_SLOT.exec(text);
    return m ? this.items[Number(m[1])] : undefined;
  }
  /**
   * The length of a string once its markers are filled, without building it: a limit on output must count what is
   * finally produced (40,000 markers of a 10,000-character value are 400 million characters, not 320,000).
   */
  filledLength(s: string): number {
    let length = s.length;
    for (const m of s.matchAll(SLOT)) length += (this.items[Number(m[1])]?.text.length ?? 0) - m[0].length;
    return length;
  }
  /** Replace every slot marker in a string by its display text. */
  fill(s: string): string {
    return s.replace(SLOT, (_, i: string) => this.items[Number(i)]?.text ?? '');
  }
}

const KNOWN_HELPERS: string[] = [
  'rmb',
  'cn',
  'addMonths',
  'sum',
  'times',
  'sumProduct',
  'annex',
  'gte',
  'lte',
  'gt',
  'lt',
  'eq',
];
const hb = Handlebars.create();

/** A helper defined beside its feature (core/commitments: fact, promise, figure), known to strict compilation. */
export function registerHelper(name: string, fn: Handlebars.HelperDelegate): void {
  if (!KNOWN_HELPERS.includes(name)) KNOWN_HELPERS.push(name);
  hb.registerHelper(name, fn);
}
for (const [name, fn] of Object.entries(FACT_HELPERS)) registerHelper(name, fn as Handlebars.HelperDelegate);

type Budget = { steps: number };
type HelperOptions = { data: { root: unknown; slots?: Slots; annexes?: AnnexIndex; budget?: Budget } };
function slotsOf(options: HelperOptions): Slots {
  const s = options?.data?.slots;
  if (!s) throw new Error('internal: template rendered without slots');
  return s;
}

/**
 * Loop steps one render may take: {{#each}} iterations plus rows read by sum/sumProduct. The output limit alone is
 * checked too late to bound time — three nested loops over 5,000-row tables are 1.25e11 steps with no output.
 * A real clause loops once over a table of at most 5,000 rows (plus a few sums), far below this.
 */
export const MAX_LOOP_STEPS = 1_000_000;
function spend(options: HelperOptions, steps: number): void {
  const b = options?.data?.budget;
  if (!b) throw new Error('internal: template rendered without a budget');
  b.steps += steps;
  if (b.steps > MAX_LOOP_STEPS) throw new TemplateError(`模板循环次数过多（超过 ${MAX_LOOP_STEPS} 次）`);
}

type Block = (context: unknown, options?: unknown) => string;
// Handlebars' own each, unchanged (@index, @first, @last, ../, {{else}}), with every iteration counted and its
// output measured as it is built, so a runaway loop stops early instead of after all the work.
const handlebarsEach = hb.helpers.each!;
hb.registerHelper('each', function (this: unknown, context: unknown, options: HelperOptions & { fn: Block }) {
  const body = options.fn;
  if (typeof body !== 'function') return handlebarsEach.call(this, context, options); // {{each x}}: its own error
  let chars = 0;
  const fn: Block = (value, o) => {
    spend(options, 1);
    const out = body(value, o);
    // This block's output all ends up in the clause, so once it alone is over the limit the whole is too.
    chars += slotsOf(options).filledLength(out);
    if (chars > MAX_OUTPUT_CHARS) throw new TemplateError(tooLong(chars));
    return out;
  };
  return handlebarsEach.call(this, context, { ...options, fn });
});

/** A comparable number (or string for dates) for a value or a slot. */
function comparable(v: unknown, slots: Slots): number | string {
  const slot = slots.get(v);
  const raw = slot ? slot.raw : v;
  if (slot?.type === 'duration') return durationHours(raw as Duration);
  if (typeof raw === 'number' || typeof raw === 'string') return raw;
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  throw new Error(`cannot compare ${JSON.stringify(raw)}`);
}

function compareHelper(test: (a: number | string, b: number | string) => boolean) {
  return (a: unknown, b: unknown, options: HelperOptions) => {
    const slots = slotsOf(options);
    return test(comparable(a, slots), comparable(b, slots));
  };
}

hb.registerHelper(
  'gte',
  compareHelper((a, b) => a >= b),
);
hb.registerHelper(
  'lte',
  compareHelper((a, b) => a <= b),
);
hb.registerHelper(
  'gt',
  compareHelper((a, b) => a > b),
);
hb.registerHelper(
  'lt',
  compareHelper((a, b) => a < b),
);
hb.registerHelper(
  'eq',
  compareHelper((a, b) => a === b),
);

hb.registerHelper('rmb', (amount: unknown, options: HelperOptions) => {
  const slots = slotsOf(options);
  const slot = slots.get(amount);
  if (slot?.type !== 'money') throw new Error('rmb expects a money variable');
  return new hb.SafeString(slots.put('text', '', rmbUppercase(slot.raw as number)));
});

hb.registerHelper('cn', (n: unknown, options: HelperOptions) => {
  const slots = slotsOf(options);
  const v = comparable(n, slots);
  if (typeof v !== 'number') throw new Error('cn expects a number');
  return new hb.SafeString(slots.put('text', '', chineseNumeral(v)));
});

hb.registerHelper('addMonths', (date: unknown, months: unknown, options: HelperOptions) => {
  const slots = slotsOf(options);
  const d = slots.get(date);
  if (d?.type !== 'date') throw new Error('addMonths expects a date first');
  const m = slots.get(months);
  let n: number;
  if (typeof months === 'number') n = months;
  else if (m?.type === 'duration' && ((m.raw as Duration).unit === '个月' || (m.raw as Duration).unit === '年'))
    n = (m.raw as Duration).value * ((m.raw as Duration).unit === '年' ? 12 : 1);
  else throw new Error('addMonths expects a number of months (or a duration in 个月/年) second');
  const iso = addMonths(d.raw as string, n);
  return new hb.SafeString(slots.put('date', iso, formatDate(iso)));
});

/** {{sum fee_items "price"}}: the total of a money or number column, keeping its type (money stays money). */
hb.registerHelper('sum', (rows: unknown, column: unknown, options: HelperOptions) => {
  const slots = slotsOf(options);
  if (!Array.isArray(rows) || typeof column !== 'string') throw new Error('sum expects a table and a column name');
  let type: ScalarType = 'number';
  let total = 0;
  spend(options, rows.length);
  for (const row of rows as Record<string, unknown>[]) {
    const cell = row[column];
    const slot = slots.get(cell);
    if (
      slot &&
      (slot.type === 'money' || slot.type === 'number' || slot.type === 'integer' || slot.type === 'percent')
    ) {
      type = slot.type;
      total += slot.raw as number;
    } else if (typeof cell === 'number') total += cell;
    else throw new Error(`sum: column ${column} is not a number or money column`);
  }
  return new hb.SafeString(slots.put(type === 'integer' ? 'number' : type, total));
});

/** {{times unit_fee quantity}}: money × a count, exact in fen. */
hb.registerHelper('times', (a: unknown, b: unknown, options: HelperOptions) => {
  const slots = slotsOf(options);
  const sa = slots.get(a);
  const factor = comparable(b, slots);
  if (typeof factor !== 'number') throw new Error('times expects a number second');
  if (sa?.type === 'money') return new hb.SafeString(slots.put('money', Math.round((sa.raw as number) * factor)));
  const n = comparable(a, slots);
  if (typeof n !== 'number') throw new Error('times expects a number or money first');
  return new hb.SafeString(slots.put('number', n * factor));
});

/** {{sumProduct install_batches "unit_price" "qty"}}: Σ price × quantity over a table's rows, exact in fen. */
hb.registerHelper('sumProduct', (rows: unknown, priceColumn: unknown, qtyColumn: unknown, options: HelperOptions) => {
  const slots = slotsOf(options);
  if (!Array.isArray(rows) || typeof priceColumn !== 'string' || typeof qtyColumn !== 'string')
    throw new Error('sumProduct expects a table and two column names');
  spend(options, rows.length);
  let money = false;
  let total = 0;
  for (const row of rows as Record<string, unknown>[]) {
    const price = slots.get(row[priceColumn]);
    const qty = comparable(row[qtyColumn], slots);
    if (typeof qty !== 'number') throw new Error(`sumProduct: column ${qtyColumn} is not a number column`);
    if (price?.type === 'money') {
      money = true;
      // Round per row, as an invoice does: the total is then the sum of the printed line amounts.
      total += Math.round((price.raw as number) * qty);
    } else {
      const p = comparable(row[priceColumn], slots);
      if (typeof p !== 'number') throw new Error(`sumProduct: column ${priceColumn} is not a number or money column`);
      total += p * qty;
    }
  }
  return new hb.SafeString(slots.put(money ? 'money' : 'number', total));
});

/** {{annex "偏离表"}} → 附件N, the number the annex titled so has in this document. */
hb.registerHelper('annex', (ref: unknown, options: HelperOptions) => {
  const slots = slotsOf(options);
  if (typeof ref !== 'string') throw new Error('annex expects the annex title in quotes, e.g. {{annex "偏离表"}}');
  const index = options.data.annexes ?? new AnnexIndex([]);
  return new hb.SafeString(slots.put('text', '', index.resolve(ref)));
});

export type TemplateContext = Record<string, unknown>;

/** Builds the Handlebars context: strings and formatted values become slots; numbers and booleans stay raw. */
export function buildContext(
  values: Map<string, Value>,
  decls: Map<string, VariableDecl>,
  slots: Slots,
  extra: Record<string, { type: ScalarType; value: ScalarValue }> = {},
): TemplateContext {
  // A plain object: Handlebars needs its prototype to name a missing key, and blocks prototype lookups itself.
  const ctx: TemplateContext = {};
  const scalar = (type: ScalarType, v: ScalarValue): unknown => {
    if (type === 'boolean' || type === 'integer' || type === 'number') return v;
    if (typeof v === 'string' && v === '') return '';
    return slots.put(type, v);
  };
  for (const [key, decl] of decls) {
    const v = values.get(key);
    if (v === undefined) continue;
    if (decl.type === 'list') ctx[key] = (v as string[]).map((s) => scalar('text', s));
    else if (decl.type === 'table')
      ctx[key] = (v as Row[]).map((row) => {
        const r: Record<string, unknown> = {};
        for (const col of decl.columns ?? []) r[col.key] = scalar(col.type, row[col.key]!);
        return r;
      });
    else ctx[key] = scalar(decl.type, v as ScalarValue);
  }
  for (const [key, { type, value }] of Object.entries(extra)) ctx[key] = scalar(type, value);
  return ctx;
}

/**
 * Compiled templates, most recently used last. Bounded: legal's editor compiles a new body on every keystroke, and
 * 300 large drafts once held 3 GB. A library's approved clauses (a few hundred, small) all stay.
 */
const compiled = new Map<string, HandlebarsTemplateDelegate>();
export const COMPILED_CACHE_MAX_CHARS = 20_000_000;
let compiledChars = 0;
function rememberCompiled(source: string, fn: HandlebarsTemplateDelegate): void {
  compiled.set(source, fn);
  compiledChars += source.length;
  for (const oldest of compiled.keys()) {
    if (compiledChars <= COMPILED_CACHE_MAX_CHARS) break;
    compiled.delete(oldest);
    compiledChars -= oldest.length;
  }
}
/** The total length of the templates kept compiled (for tests). */
export const compiledCacheChars = () => compiledChars;
const FORBIDDEN_NAMES = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);
const FORBIDDEN_HELPERS = new Set(['log', 'lookup']);
export const MAX_TEMPLATE_CHARS = 200_000;
/** One clause's text once filled (values in), far beyond any real clause. */
export const MAX_OUTPUT_CHARS = 5_000_000;

/** Clause templates come from other people (packs): refuse raw output, partials, prototype names, odd helpers. */
export function validateTemplate(source: string): void {
  if (source.length > MAX_TEMPLATE_CHARS)
    throw new TemplateError(`模板过长（${source.length} 字符，上限 ${MAX_TEMPLATE_CHARS}）`);
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(source);
  } catch (e) {
    throw new TemplateError(syntaxError(e));
  }
  const why = forbiddenIn(ast);
  if (why) throw new TemplateError(why);
}

/** Handlebars' parse error in one line: where, and what it expected (its first line alone says only the line). */
function syntaxError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /^Parse error on line (\d+):\n[\s\S]*\n(Expecting [^\n]*)$/.exec(msg);
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):\d+$/.exec(msg);
  if (mismatch)
    return `模板语法错误：第 ${mismatch[3]} 行的 {{#${mismatch[1]}}} 块以 {{/${mismatch[2]}}} 结束，两者应一致`;
  if (!m) return `模板语法错误：${msg.split('\n')[0]}`;
  if (/got 'EOF'$/.test(m[2]!)) return `模板语法错误：模板在第 ${m[1]} 行意外结束（可能缺少 }} 或 {{/块名}}）`;
  return `模板语法错误：第 ${m[1]} 行无法解析（${m[2]}）`;
}

/**
 * Why a template may never render (a forbidden construct), or undefined. Packs are refused for this. A body that
 * does not parse is not forbidden: it renders nothing, and a pack of shared drafts may hold half-written ones.
 */
export function forbiddenConstruct(source: string): string | undefined {
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(source);
  } catch {
    return undefined;
  }
  return forbiddenIn(ast);
}

function forbiddenIn(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const n = node as {
    type?: string;
    escaped?: boolean;
    parts?: string[];
    original?: string;
    path?: { original?: string };
  };
  if (n.type === 'MustacheStatement' && n.escaped === false) return '模板不允许使用 {{{ }}} 原样输出';
  if (
    n.type === 'PartialStatement' ||
    n.type === 'PartialBlockStatement' ||
    n.type === 'Decorator' ||
    n.type === 'DecoratorBlock'
  )
    return '模板不允许使用局部模板或装饰器';
  if (n.type === 'PathExpression' && n.parts?.some((p) => FORBIDDEN_NAMES.has(p)))
    return `模板不允许访问 ${n.original}`;
  if (
    (n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') &&
    FORBIDDEN_HELPERS.has(n.path?.original ?? '')
  )
    return `模板不允许使用 ${n.path?.original} 助手`;
  for (const v of Object.values(node))
    for (const child of Array.isArray(v) ? v : [v]) {
      const why = forbiddenIn(child);
      if (why) return why;
    }
  return undefined;
}

/**
 * Where compiled templates outlive the process (the CLI's is a folder of the user's cache, templateCache.ts): each
 * stored as Handlebars' precompiled JavaScript, by `identity` (Handlebars' version and the compile options) and source.
 * Only templates that passed validateTemplate are stored, so a stored one is not validated again.
 */
export type TemplateSpecStore = {
  get(identity: string, source: string): string | undefined;
  set(identity: string, source: string, spec: string): void;
};
let specStore: TemplateSpecStore | undefined;
/** Compiled templates are read from and written to `store` from now on (undefined: compiled in memory only). */
export function setTemplateSpecStore(store: TemplateSpecStore | undefined): void {
  specStore = store;
}

const compileOptions = () => ({
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries([...KNOWN_HELPERS].sort().map((h) => [h, true])),
  noEscape: false,
});

/** A validated template compiled, or its stored precompiled form: the same JavaScript Handlebars would make. */
function compileTemplate(source: string): HandlebarsTemplateDelegate {
  const store = specStore;
  if (!store) {
    validateTemplate(source);
    return hb.compile(source, compileOptions());
  }
  const options = compileOptions();
  const identity = `handlebars ${Handlebars.VERSION} ${JSON.stringify(options)}`;
  const stored = store.get(identity, source);
  if (stored !== undefined) {
    try {
      return specTemplate(stored);
    } catch {
      // Not JavaScript Handlebars made (a damaged store): compiled anew below.
    }
  }
  validateTemplate(source);
  const spec = hb.precompile(source, options) as string;
  const fn = specTemplate(spec);
  store.set(identity, source, spec);
  return fn;
}

/** Precompiled template JavaScript (an object literal) as a template function, as Handlebars' runtime loads one. */
function specTemplate(spec: string): HandlebarsTemplateDelegate {
  // Handlebars' own precompiled output, made by this process or read back (hash-checked) from the user's cache.
  const templateSpec = new Function(`return ${spec};`)() as TemplateSpecification;
  return hb.template(templateSpec);
}

/** Renders a template strictly. Throws TemplateError naming the missing variable or the helper problem. */
export function renderTemplate(source: string, ctx: TemplateContext, slots: Slots, annexes?: AnnexIndex): string {
  let fn = compiled.get(source);
  if (fn) {
    compiled.delete(source); // most recently used goes last
    compiled.set(source, fn);
  } else {
    fn = compileTemplate(source);
    rememberCompiled(source, fn);
  }
  let out: string;
  try {
    const budget: Budget = { steps: 0 }; // per render: the live preview renders each clause afresh
    out = fn(ctx, {
      data: { slots, budget, ...(annexes ? { annexes } : {}) },
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
  } catch (e) {
    if (e instanceof TemplateError) throw e;
    throw new TemplateError(describeTemplateError(e, source));
  }
  const length = slots.filledLength(out);
  if (length > MAX_OUTPUT_CHARS) throw new TemplateError(tooLong(length));
  return out;
}

const tooLong = (chars: number) => `模板展开后过长（${chars} 字符，上限 ${MAX_OUTPUT_CHARS}）`;

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly missingKey?: string,
  ) {
    super(message);
  }
}

export function missingKeyOf(e: TemplateError): string | undefined {
  return /变量 (\S+) 没有值/.exec(e.message)?.[1];
}
