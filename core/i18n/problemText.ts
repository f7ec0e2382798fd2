// A problem's text in the UI's language. Core writes every message in Chinese (exports and tests rely on it) and
// passes the values it interpolates as params; the shells word it here, by code. Pure (no DOM, no Node APIs), so the
// renderer and the CLI both import it. Values in params (labels, titles, user text) are shown as they are.
import type { Problem } from '../model/problem.js';
import { WORKER_EN } from '../api/workerJobs.js';
import { CARDS_EN } from '../cards/cardsText.js';
import { STORE_EN } from '../library/store/storeText.js';
import { SIGNING_EN } from '../text/signingText.js';
import { TEAM_FOLDER_EN } from '../teamFolder/text.js';
import { valueTemplate } from './valueText.js';

export type ProblemLang = 'zh-CN' | 'en';
type Params = Record<string, string | number>;
/** {name} placeholders; a function when part of the wording depends on which params are present. */
type Template = string | ((p: Params) => string);

const longer = (why: string) => `“{label}” ({value}) is longer than “{otherLabel}” ({otherValue}): ${why}`;
const row = (p: Params) => `Item {index} of the deviation table${p.item ? ' (tender item {item})' : ''} “{text}”`;

/** Why working days make a 偏离表 row negative (core/check/deviationRules.ts workingDaysWhy). */
const HOLIDAYS = 'over a weekend or a public holiday such as the Spring Festival or National Day';
const WORKING_DAYS: Params = {
  ours_longer: `: our {ours} may run longer than the required {required} ${HOLIDAYS}`,
  theirs_shorter: ': the required {required}, counted on consecutive working days, may be shorter than our {ours}',
  ours_shorter: ': our {ours}, counted on consecutive working days, may be shorter than the required {required}',
  theirs_longer: `: the required {required} may run longer than our {ours} ${HOLIDAYS}`,
};
const workingDays = (p: Params) => (p.workingDays ? String(WORKING_DAYS[String(p.workingDays)] ?? '') : '');
const SHARE_CELL = '“{column}” in row {row} of the table “{label}”';
// core/check/factTexts.ts FACT_PARTS, textRules.ts REQUIREMENT_PARTS and PROJECT_PARTS, by part.
const FACT_PART: Params = {
  label: 'name',
  text: 'stated service hours',
  per: 'unit of charge',
  level: 'fault level',
  product: 'product',
  component: 'component',
};
const REQUIREMENT_PART: Params = {
  text: 'requirement',
  response: 'response',
  note: 'remarks',
  accepted: 'reason for accepting the negative deviation',
};
const PROJECT_PART: Params = { title: 'document title', projectNo: 'project No.', bidder: 'bidder' };

// core/check/deviationRules.ts ISSUE_TEXT, by issue.
const ISSUE: Params = {
  unlinked:
    'is not linked to a variable of the bid, so its deviation cannot be computed; link a variable or state the deviation',
  unknown_variable: 'is linked to a variable that does not exist in the documents',
  unknown_fact: 'is linked to a commitment that does not exist in the project',
  no_value: 'is linked to a variable that has no value yet, so its deviation cannot be computed',
  not_measurable:
    'is linked to a variable that is not a figure, so it cannot be compared with the tender; state the deviation',
  units: "has units that cannot be converted between the tender's requirement and our promise; state the deviation",
  free_text: 'is a written requirement; confirm the response and state the deviation',
};

// core/project/fileProblems.ts ISSUE, by zod issue code.
const PROJECT_ISSUE: Params = {
  missing: 'is missing',
  invalid_type: 'has the wrong type',
  too_small: 'is too short or empty',
  too_big: 'is too long',
  invalid_value: 'is not an allowed value',
  invalid_format: 'has the wrong format',
  custom: 'is invalid',
  duplicate: 'is the same as another commitment’s',
  duplicate_of: 'is the same as that of commitment “{other}”',
  invisible: 'contains a character nobody can see ({codePoint}, {charEn})',
  number_max: 'may not be more than {limit}',
  number_min: 'may not be less than {limit}',
  number_above: 'must be more than {limit}',
  items_max: 'has {length} items, more than the limit of {limit}',
  text_max: 'has {length} characters, more than the limit of {limit}',
};

// core/assemble/conditions.ts ConditionProblem, by issue.
const CONDITION: Params = {
  undeclared: 'The condition refers to variable {key}, which no clause declares',
  no_value: 'The condition “{key} {op}” has no value to compare',
  types: 'The two sides of the condition “{key} {op}” have different types and cannot be compared',
};

const EN: Record<string, Template> = {
  // Names, signed packs, recent projects (core/text/signingText.ts).
  ...SIGNING_EN,
  // The shared team folder: its problems and the pack files a pull refuses (core/teamFolder/text.ts).
  ...TEAM_FOLDER_EN,
  // A worker job the host stopped: over its time or memory, or crashed (core/api/workerJobs.ts).
  ...WORKER_EN,
  // The clause store, its lock and backups, pack files, library inputs (core/library/store/storeText.ts).
  ...STORE_EN,
  // A 保修卡 data file that cannot be read, by params.why (core/cards/cardsText.ts).
  ...CARDS_EN,
  // Times that contradict each other (core/check/factRules.ts).
  response_after_arrival: longer('the phone response should not come later than the engineer on site'),
  // Facts that contradict each other (core/check/factRules.ts).
  exceeds_general_promise: longer(
    'the general promise covers every fault level and region, so a time for one level or region may not be looser',
  ),
  region_order: longer('a farther region should not be served faster than a nearer one'),
  duplicate_promise:
    '“{label}” ({value}) and “{otherLabel}” ({otherValue}) are the same promise stated with two different times',
  severity_order: longer('a more severe fault would be repaired more slowly'),
  standby_after_resolution: longer(
    'after the repair deadline and before a standby unit arrives, the purchaser has neither a repair nor a replacement',
  ),
  complaint_reply_after_close: longer('the reply to a complaint should not come later than its closing'),
  complaint_reply_after_visit: longer(
    'the complainant is met in person at the visit, so the reply should not come later than the visit',
  ),
  complaint_visit_after_close: longer(
    'a complaint already closed is not visited afterwards: the visit should come no later than the closing',
  ),
  installer_arrival_looser: longer(
    "the installer's on-site deadline is looser than the one we promise the purchaser: when the installer arrives as agreed, we are already in breach",
  ),
  installer_resolution_looser: longer(
    "the installer's repair deadline is looser than the one we promise the purchaser",
  ),
  installer_deadline_looser: longer(
    "the installer's deadline is looser than the one we promise the purchaser for the same thing: when the installer keeps the agreement, we are already in breach",
  ),
  // core/check/rules.ts
  resolution_before_arrival:
    '“{label}” promises repair within {resolution} of the report, but “{arrivalLabel}” is {arrival}: the repair cannot come before the engineer arrives',
  training_before_acceptance:
    'Row {row} of the training schedule is dated {date}, before the acceptance date {acceptance}',
  acceptance_before_bid: 'The acceptance date {acceptance} is before the document date {date}',
  end_before_start: '“{label}” {end} is before “{startLabel}” {start}',
  component_warranty_longer: longer(
    "a component's warranty may not exceed the whole unit's; if it is counted separately, mark that commitment as separate",
  ),
  empty_table: 'The table “{label}” has no rows',
  row_without_price: 'Row {row} of the table “{label}” has ¥0.00 as “{column}”; enter a price or state that it is free',
  placeholder_value: '“{label}” still holds placeholder text: {text}',
  // core/check/valueRules.ts
  blank_value: '“{label}” is empty: fill it in, a blank leaves a broken sentence in the document',
  blank_list_item: 'Item {item} of “{label}” is empty: fill it in or remove it',
  blank_table_cell: '“{column}” in row {row} of the table “{label}” is empty: fill it in or remove the row',
  zero_price: '“{label}” is ¥0.00: enter the real amount; if the service is free, remove the fee or say it is free',
  zero_figure:
    '“{label}” is {value}: a promised figure must be above zero; if it is not promised, remove the clause that states it',
  undecided_figure: (p) =>
    p.kind === 'text'
      ? '“{label}” is blank: the document leaves it out; to include it, fill it in'
      : '“{label}” is blank: the document makes no such promise; to make it, fill in the figure',
  free_with_price:
    '“{label}” is marked free but also states an amount of {amount}: remove the amount or the “free” mark',
  // core/check/confirmRules.ts
  unconfirmed_figure:
    '“{label}” shows an example figure ({value}) that nobody has confirmed: enter the figure or confirm it before exporting',
  // core/check/textRules.ts
  blank_fact_text: (p) =>
    `The ${FACT_PART[String(p.part)] ?? 'text'} of “{label}” is empty: fill it in, a blank leaves a broken sentence in the document`,
  requirement_text: (p) =>
    `Item {index} of the deviation table: the ${REQUIREMENT_PART[String(p.part)] ?? 'text'} ${p.text !== undefined ? 'still holds placeholder text: {text}' : 'is empty; fill it in or remove the item'}`,
  project_placeholder: (p) => `The ${PROJECT_PART[String(p.part)] ?? 'field'} still holds placeholder text: {text}`,
  // core/check/newerVersions.ts
  newer_clause_version:
    'The clause “{title}” ({variant}) has a newer approved version: this project uses version {pinned}, the latest is {latest}; run bidforge update or update it in the composer',
  unresolved_placeholder: 'The document still has placeholders that were not filled in: {text}',
  empty_section: 'The section “{section}” has no content',
  // The tender's mandated forms (core/check/mandatedFormRules.ts).
  mandated_column_blank:
    "The column “{column}” of the tender's “{form}” has no content: fill it in under Tender requirements, or use our own layout",
  mandated_blank_unfilled:
    "The blank in “{sentence}” of the tender's “{form}” asks for a promise the bid does not make: add it to the commitments, or use our own layout",
  mandated_blank_own_wording:
    "The unit of the blank in “{sentence}” of the tender's “{form}” cannot state our promise exactly; it is filled in our own wording",
  unapproved_clause:
    'The clause “{title}” ({variant}, version {version}) is not approved yet; the exported PDF will carry a “draft” watermark',
  percent_over_100: (p) => `${p.row !== undefined ? SHARE_CELL : '“{label}”'} is {value}, over 100%`,
  percent_not_positive: (p) =>
    `${p.row !== undefined ? SHARE_CELL : '“{label}”'} is {value}: a promised share must be above 0%; if there is no such term, remove the commitment`,
  // core/check/documentRules.ts, packageRules.ts, deviationRules.ts
  unresolved_annex_ref: (p) =>
    `The text refers to annex “{ref}”, which does not exist (annexes of this document: ${p.annexes ? '{annexes}' : 'none'})`,
  table_without_rows: 'The table ({header}) in “{section}” has a header but no rows',
  rmb_mismatch: 'The amount {figure} is written in words as “{words}”; it should be “{expected}”',
  card_warranty_mismatch:
    "The warranty card's “{cardLabel}” ({card}) differs from the service plan's “{planLabel}” ({plan})",
  negative_deviation: (p) =>
    p.accepted
      ? `${row(p)} is a negative deviation (response: {response})${workingDays(p)}; reason given for accepting it: {accepted}`
      : `${row(p)} is a negative deviation (response: {response})${workingDays(p)}; if it must stay, give a reason for accepting it, which will be listed in the remarks column`,
  star_negative_deviation: (p) =>
    `${row(p)} is a ★ item: a negative deviation may get the bid rejected${p.accepted ? ' (reason given: {accepted})' : ''}`,
  requirement_unknown_variable: (p) => `${row(p)} is linked to variable {key}, which does not exist in the documents`,
  deviation_unconfirmed: (p) => `${row(p)} ${ISSUE[String(p.issue)] ?? '({issue})'}`,
  // core/assemble, core/export
  conflicting_declaration: 'Variable {key} is declared as {ownerType} in clause {owner} but as {type} here',
  missing_value: 'The required variable “{label}” has no value',
  // The reason by its own code (core/i18n/valueText.ts); {reason} only for a problem made before reasons had codes.
  bad_value: (p) => `The value of “{label}” is invalid: ${valueTemplate(p.reasonCode, p, 'en') ?? '{reason}'}`,
  unused_value: (p) => `Variable {key} is not used by any clause${p.scope === 'package' ? ' of the bid package' : ''}`,
  // core/assemble/conditions.ts, by issue
  bad_condition: (p) => String(CONDITION[String(p.issue)] ?? 'The condition “{key} {op}” cannot be decided'),
  // core/api/handlers.ts
  pins_not_recorded: 'The clause versions were not recorded in the clause library: {reasonEn}',
  unknown_clause: 'The clause library has no clause {id} ({variant})',
  // core/library/store/versions.ts and core/library/handlers.ts (libraryPeople): the four-eyes rule and who acts
  own_version:
    'Version {version} of “{title}” ({variant}) was written by {name}, who cannot also approve it: another reviewer approves it, or turn on single-reviewer mode in Settings',
  no_user: 'Set your name in Settings first (on the command line: {option} NAME)',
  unknown_blueprint: (p) => `There is no blueprint named {blueprint}${p.available ? ' (available: {available})' : ''}`,
  unknown_document: 'The project has no document {document} (available: {available})',
  team_not_configured: 'No team library is set up: enter the server address and token under Settings → Team library',
  missing_glyph: 'The PDF fonts have no glyph for “{char}” (U+{codePoint}), used in: {where}',
  // core/project/fileProblems.ts: a project file that cannot be opened
  not_json: '{file}: not a valid JSON file',
  not_project: '{file}: not a project file (it should hold one JSON object)',
  not_json_at: '{file}: not a valid JSON file (error at line {line}, column {column})',
  project_field: (p) => `{file}: in the project file, the {fieldEn} ${PROJECT_ISSUE[String(p.issue)] ?? 'is invalid'}`,
  // core/cards: a data file's rows (the 保修卡 screen shows row and column in their own columns; see cardRowText)
  card_missing_customer: 'Row {row}, column “{column}”: the customer name is missing',
  card_missing_serial: 'Row {row}, column “{column}”: the serial number is missing',
  card_duplicate_serial: 'Row {row}, column “{column}”: serial number “{serial}” repeats row {first}',
  card_missing_date: 'Row {row}, column “{column}”: the date is missing, so the warranty period cannot be computed',
  card_bad_date:
    'Row {row}, column “{column}”: “{text}” is not a date (write it as 2026-11-24 or 2026/11/24, or in the Chinese form)',
  card_long_value: 'Row {row}, column “{column}”: long text ({length} characters) may not fit its box on the card',
  card_missing_column: 'No “{label}” column (header in row {row}: {headers}); change the header or map the column',
  card_mapping_unknown_column:
    'Column mapping: {label} is mapped to “{column}”, which the file does not have (header: {headers})',
  card_unmapped_field:
    'The card prints “{label}”, but no column feeds it, so it would print as an empty row; map a column or leave the row off the card',
  card_no_template:
    'Row {row}, column “{column}”: “{value}” matches no warranty-card template (available: {templates})',
  card_template_column_missing: 'Card templates are picked by “{label}”, but the file has no such column; map it',
  card_period_from_plan: (p) => {
    // Each figure in the unit the project states it in (core/cards/projectPeriods.ts); months when none is given.
    const EN_UNIT: Params = {
      个月: 'month',
      年: 'year',
      周: 'week',
      天: 'day',
      工作日: 'working day',
      小时: 'hour',
      分钟: 'minute',
    };
    const unit = (u: unknown, n: unknown) => `${EN_UNIT[String(u ?? '个月')] ?? String(u)}${n === 1 ? '' : 's'}`;
    if (p.why === 'unprintable')
      return `The warranty of ${p.product ? '“{product}” ' : ''}“{component}” ({period} ${unit(p.unit, p.period)}) cannot be printed on a warranty card, which prints whole days, weeks, months or years and their end date; the card has no line for “{component}”: state it in days, weeks, months or years in the project`;
    const differs = `The card's whole-unit warranty ({card} ${unit(p.cardUnit, p.card)}) differs from the plan's {plan} ${unit(p.planUnit, p.plan)}`;
    return p.why === 'not_printed'
      ? `${differs}; the plan's period cannot be printed on a card, so the cards print no whole-unit warranty`
      : `${differs}; the cards print the plan's {plan} ${unit(p.planUnit, p.plan)}`;
  },
};

// Handlebars errors as core/assemble/template.ts words them (TemplateError); the first match wins.
const TEMPLATE: [RegExp, string][] = [
  [
    /^变量 (?<key>\S+) 没有值（/,
    'The clause uses variable {key}, which has no value (it is not filled in, or no clause declares it)',
  ],
  [/^模板循环次数过多（超过 (?<max>\d+) 次）$/, 'The template loops too many times (more than {max})'],
  [
    /^模板过长（(?<chars>\d+) 字符，上限 (?<max>\d+)）$/,
    'The template is too long ({chars} characters; at most {max})',
  ],
  [
    /^模板展开后过长（(?<chars>\d+) 字符，上限 (?<max>\d+)）$/,
    'The filled-in template is too long ({chars} characters; at most {max})',
  ],
  [
    /^模板语法错误：第 (?<line>\d+) 行的 \{\{#(?<open>\S+)\}\} 块以 \{\{\/(?<close>\S+)\}\} 结束，两者应一致$/,
    'Template syntax error: the {{#{open}}} block on line {line} ends with {{/{close}}}; the two should match',
  ],
  [
    /^模板语法错误：模板在第 (?<line>\d+) 行意外结束/,
    'Template syntax error: the template ends unexpectedly on line {line} (a }} or {{/block}} may be missing)',
  ],
  [
    /^模板语法错误：第 (?<line>\d+) 行无法解析（(?<detail>[\s\S]*)）$/,
    'Template syntax error: line {line} cannot be parsed ({detail})',
  ],
  [/^模板语法错误：(?<detail>[\s\S]*)$/, 'Template syntax error: {detail}'],
  [/^模板不允许使用 \{\{\{ \}\}\} 原样输出$/, 'Templates may not use {{{ }}} (raw output)'],
  [/^模板不允许使用局部模板或装饰器$/, 'Templates may not use partials or decorators'],
  [/^模板不允许使用 (?<name>\S+) 助手$/, 'Templates may not use the {name} helper'],
  [/^模板不允许访问 (?<name>[\s\S]+)$/, 'Templates may not access {name}'],
  [
    /^模板引用了不存在的上层数据 (?<name>\S+)（写作 (?<written>\S+)：/,
    'The template refers to outer data {name} that does not exist (written {written}: more ../ than enclosing {{#each}} blocks; check the number of ../)',
  ],
  [
    /^模板引用了 (?<written>\S+)，但 (?<parent>\S+) 是一个值，没有下级字段 (?<field>\S+)$/,
    'The template refers to {written}, but {parent} is a single value with no field {field}',
  ],
  [/^模板错误：(?<detail>[\s\S]*)$/, 'Template error: {detail}'],
];

/**
 * Problems whose message is free text passed on (template and condition errors), or that are created outside the
 * code that passes params: their Chinese message is read by pattern, and the named groups are the params.
 */
const BY_MESSAGE: Record<string, [RegExp, string][]> = {
  template: TEMPLATE,
  bad_template: TEMPLATE,
  // core/api/cardsApi.ts
  card_rows_skipped: [
    [
      /^(?<errors>\d+) 行有错误，未导出；已导出 (?<rows>\d+) 张卡片$/,
      '{errors} rows have errors and were not exported; {rows} cards were exported',
    ],
  ],
};

/** Codes with an English wording (for the test that every code core produces has one). */
export const TRANSLATED_CODES: ReadonlySet<string> = new Set([...Object.keys(EN), ...Object.keys(BY_MESSAGE)]);

/** Fills {name} from params in one pass (values are never rescanned); undefined when a placeholder has no value. */
function fill(template: string, params: Params): string | undefined {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (Object.hasOwn(params, name)) return String(params[name]);
    missing = true;
    return m;
  });
  return missing ? undefined : out;
}

/** The English template and the params it is filled from: the problem's own, or read from its Chinese message. */
function english(p: Problem): { template: string; params: Params } | undefined {
  const t = Object.hasOwn(EN, p.code) ? EN[p.code] : undefined;
  if (t && p.params) return { template: typeof t === 'function' ? t(p.params) : t, params: p.params };
  for (const [re, template] of Object.hasOwn(BY_MESSAGE, p.code) ? BY_MESSAGE[p.code]! : []) {
    const m = re.exec(p.message);
    if (m) return { template, params: { ...m.groups } };
  }
  return undefined;
}

/** The values a problem's English text shows as they are (labels, titles, user text): what may stay Chinese in it. */
export const problemParams = (p: Problem): Params | undefined => english(p)?.params;

/** The problem's text in `lang`: Chinese as core wrote it, or English when its code has a wording; else the Chinese. */
export function problemText(p: Problem, lang: ProblemLang): string {
  if (lang !== 'en') return p.message;
  const e = english(p);
  return (e && fill(e.template, e.params)) ?? p.message;
}

/** A data-file row problem without its "row N, column X" lead, which the 保修卡 screen shows in columns of its own. */
export function cardRowText(p: Problem, lang: ProblemLang): string {
  return problemText(p, lang)
    .replace(/^第 \d+ 行，“[^”]*”列：/, '')
    .replace(/^Row \d+, column “[^”]*”: /, '');
}
