// Names people give and compare — clause titles, variant names, user names, signer names: one rule for every place that
// accepts them (library inputs, packs, settings). A name is NFKC-normalised (full-width letters, compatibility forms
// and odd spaces become their plain form), trimmed, and inner runs of spaces become one. Characters nobody can see —
// zero-width, bidi controls, other format and control characters, fillers that render blank — are refused, never
// dropped silently: "标准" plus a zero-width space is not a new variant and must not pass for 标准. Two names that look
// the same (same after normalising, ignoring case, spaces and Latin/Cyrillic/Greek look-alike letters) are one name.
// Full-width Chinese punctuation is kept as written (NFKC would make it ASCII) but compared as NFKC.
// Pure: no Node, no DOM, so the renderer checks with the same rule.
import { z } from 'zod';
import { BidForgeError, type Problem } from '../model/problem.js';

/** The fields names are given in, with their label in each language (errors name the field by its label). */
export const NAME_FIELDS = {
  clauseTitle: { zh: '条款标题', en: 'clause title' },
  variant: { zh: '变体名称', en: 'variant name' },
  userName: { zh: '用户名', en: 'user name' },
  person: { zh: '作者或审核人', en: 'author or reviewer' },
  signerName: { zh: '签发人名称', en: 'signer name' },
  category: { zh: '条款分类', en: 'clause category' },
} as const;
export type NameField = keyof typeof NAME_FIELDS;

/** Characters that show nothing or reorder text: refused in names (tabs and line breaks are spaces: normalizeName). */
const INVISIBLE =
  /\u034F|\p{Variation_Selector}|(?![\t\n\v\f\r])[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0]/u;

/** What a refused character is, in Chinese and English, for the ones people meet. */
const KNOWN: Record<number, [string, string]> = {
  8203: ['零宽空格', 'zero-width space'],
  8204: ['零宽非连接符', 'zero-width non-joiner'],
  8205: ['零宽连接符', 'zero-width joiner'],
  8288: ['零宽不换行符', 'word joiner'],
  65279: ['零宽不换行空格（BOM）', 'zero-width no-break space (BOM)'],
  173: ['软连字符', 'soft hyphen'],
  8206: ['从左到右标记', 'left-to-right mark'],
  8207: ['从右到左标记', 'right-to-left mark'],
  1564: ['阿拉伯字母标记', 'Arabic letter mark'],
  8234: ['双向嵌入控制符', 'bidi embedding'],
  8235: ['双向嵌入控制符', 'bidi embedding'],
  8236: ['双向格式结束符', 'bidi pop'],
  8237: ['双向覆盖控制符', 'bidi override'],
  8238: ['从右到左覆盖控制符', 'right-to-left override'],
  8294: ['双向隔离控制符', 'bidi isolate'],
  8295: ['双向隔离控制符', 'bidi isolate'],
  8296: ['双向隔离控制符', 'bidi isolate'],
  8297: ['双向隔离结束符', 'bidi isolate end'],
  12644: ['韩文填充符', 'Hangul filler'],
};

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first invisible character in `text`, if any: its code point and what it is called. */
export function invisibleIn(text: string): { codePoint: string; zh: string; en: string; index: number } | undefined {
  const m = INVISIBLE.exec(text);
  if (!m) return undefined;
  const cp = m[0].codePointAt(0)!;
  const [zh, en] = KNOWN[cp] ?? ['不可见的控制或格式字符', 'invisible control or format character'];
  return { codePoint: hex(cp), zh, en, index: m.index };
}

/** `text` with each invisible character shown as [U+XXXX]: a name someone else wrote, shown without being able to hide
 * or reorder anything (a bidi override in a pack's signer name cannot make it read as another). */
export function showInvisible(text: string): string {
  return text.replace(new RegExp(INVISIBLE.source, 'gu'), (c) => `[${hex(c.codePointAt(0)!)}]`);
}

/**
 * NFKC, trimmed, inner whitespace runs as one space — except Chinese full-width punctuation （），：；！？ which NFKC
 * would turn into ASCII: a title is printed as a heading, and 保修条款（标准） must stay as written. Does not check
 * for invisible characters (checkName does).
 */
export function normalizeName(text: string): string {
  return text
    .replace(/[^\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]+/gu, (run) => run.normalize('NFKC'))
    .trim()
    .replace(/\s+/g, ' ');
}

// Latin look-alikes among Cyrillic and Greek letters: "Аdmin" with a Cyrillic А is "admin". Mapped before lower-casing,
// so an upper-case letter maps to the Latin letter it looks like (Greek Η is H, not the n its lower case resembles).
const CONFUSABLE: Record<string, string> = Object.fromEntries(
  [
    ['АВЕКМНОРСТХУІЈЅ', 'ABEKMHOPCTXYIJS'],
    ['аеорсхуіјѕ', 'aeopcxyijs'],
    ['ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', 'ABEZHIKMNOPTYX'],
    ['οραν', 'opav'],
  ].flatMap(([from, to]) => [...from!].map((c, i) => [c, to![i]!])),
);
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLE).join('')}]`, 'g');

/** What two names are compared by: equal keys look the same to a reader. */
export function nameKey(text: string): string {
  return normalizeName(text.replace(new RegExp(INVISIBLE.source, 'gu'), ''))
    .normalize('NFKC') // （ and ( look alike: compared in full NFKC
    .replace(CONFUSABLE_RE, (c) => CONFUSABLE[c]!)
    .toLowerCase()
    .replace(/\s+/g, '');
}

/** Why a name is refused: the problem's code, its Chinese message and its params (label, code point…). */
export type NameProblem = Problem & { params: Record<string, string | number> };

function problem(code: string, message: string, params: Record<string, string | number>, field?: string): NameProblem {
  return { severity: 'error', code, message, params, ...(field ? { field } : {}) };
}

/** The problem with `raw` as a name of `field`, or its normalised form. */
export function checkName(
  raw: string,
  field: NameField,
  opts: { max?: number; optional?: boolean } = {},
): { name: string } | { problem: NameProblem } {
  const { zh, en } = NAME_FIELDS[field];
  const inv = invisibleIn(raw);
  if (inv)
    return {
      problem: problem(
        'name_invisible',
        `${zh}含有不可见字符 ${inv.codePoint}（${inv.zh}），已拒绝：请删去该字符后重新输入`,
        { label: zh, labelEn: en, codePoint: inv.codePoint, charEn: inv.en },
        field,
      ),
    };
  const name = normalizeName(raw);
  if (!name && !opts.optional)
    return { problem: problem('name_empty', `${zh}不能为空`, { label: zh, labelEn: en }, field) };
  const max = opts.max ?? 200;
  if (name.length > max)
    return {
      problem: problem(
        'name_too_long',
        `${zh}过长（${name.length} 字符，上限 ${max}）`,
        { label: zh, labelEn: en, length: name.length, max },
        field,
      ),
    };
  return { name };
}

/** The problem when `name` looks like one of `taken` without being it, e.g. “标准” beside “標準” or “Ｓtd” beside “std”. */
export function lookalikeProblem(name: string, taken: Iterable<string>, field: NameField): NameProblem | undefined {
  const key = nameKey(name);
  for (const other of taken)
    if (other !== name && nameKey(other) === key) {
      const { zh, en } = NAME_FIELDS[field];
      return problem(
        'name_lookalike',
        `${zh}“${name}”与已有的“${other}”看起来相同，容易混淆，已拒绝：请使用已有的名称，或另取一个明显不同的名称`,
        { label: zh, labelEn: en, name, other },
        field,
      );
    }
  return undefined;
}

/** Throws BidForgeError 'bad_name' carrying the problem. */
export function nameError(p: NameProblem): BidForgeError {
  return new BidForgeError('bad_name', p.message, [p]);
}

/** The normalised name, or throws 'bad_name' naming the field by its label. */
export function acceptName(raw: string, field: NameField, opts: { max?: number; optional?: boolean } = {}): string {
  const r = checkName(raw, field, opts);
  if ('problem' in r) throw nameError(r.problem);
  return r.name;
}

/** acceptName, and refused when it looks like one of `taken` but is not it. */
export function acceptNewName(raw: string, field: NameField, taken: Iterable<string>): string {
  const name = acceptName(raw, field);
  const clash = lookalikeProblem(name, taken, field);
  if (clash) throw nameError(clash);
  return name;
}

/** A zod string that is a name of `field`: normalised, invisible characters refused with the field's label. */
export function nameSchema(field: NameField, opts: { max?: number; optional?: boolean } = {}) {
  return z.string().transform((raw, ctx) => {
    const r = checkName(raw, field, opts);
    if ('problem' in r) {
      ctx.addIssue({ code: 'custom', message: r.problem.message, params: r.problem.params });
      return z.NEVER;
    }
    return r.name;
  });
}
