// Why a 保修卡 data file (or the CLI's project file) cannot be read: one card_bad_file problem per reason, with a `why`
// param and the values; why a card template cannot be used; which company line 设置 lacks for a card to print, and
// which warranty periods. Worded here in Chinese (core's language) and in English (merged into
// core/i18n/problemText.ts by code). Pure: the renderer and the CLI import it.
import { BidForgeError } from '../model/problem.js';

type Params = Record<string, string | number>;
type Template = string | ((p: Params) => string);

/** The file the CLI could not read: the data file, or the project file whose periods the cards print. */
export type CardFileKind = 'data' | 'project';
const KIND_ZH: Record<CardFileKind, string> = { data: '数据文件', project: '项目文件' };
const KIND_EN: Params = { data: 'data file', project: 'project file' };

const upper = (s: string | number) => String(s).charAt(0).toUpperCase() + String(s).slice(1);
const NOT_XLSX_ZH = (file: unknown, why: string) => `${file}：不是有效的 XLSX 文件（${why}）`;
const NOT_XLSX_EN = (why: string) => `{file}: not a valid XLSX file (${why})`;

/** card_bad_file, by params.why: the Chinese message and the English template. */
const BAD_FILE = {
  csv_quotes: {
    zh: (p: Params) => `${p.file}：${p.row === undefined ? '' : `第 ${p.row} 行：`}CSV 引号不配对，无法读取`,
    en: (p: Params) =>
      `{file}: ${p.row === undefined ? '' : 'row {row}: '}a quote mark in the CSV is not closed, so the file cannot be read`,
  },
  // core/cards/zipLimits.ts: an XLSX is a zip, read before exceljs sees it.
  not_zip: {
    zh: (p: Params) => NOT_XLSX_ZH(p.file, '找不到 ZIP 目录'),
    en: NOT_XLSX_EN('it is not a zip archive: no zip directory was found'),
  },
  zip_damaged: {
    zh: (p: Params) => NOT_XLSX_ZH(p.file, 'ZIP 目录损坏'),
    en: NOT_XLSX_EN('its zip directory is damaged'),
  },
  entry_misplaced: {
    zh: (p: Params) => NOT_XLSX_ZH(p.file, `“${p.entry}”的位置不对`),
    en: NOT_XLSX_EN('“{entry}” is not where the zip directory says'),
  },
  entry_inflate: {
    zh: (p: Params) => NOT_XLSX_ZH(p.file, `“${p.entry}”无法解压`),
    en: NOT_XLSX_EN('“{entry}” cannot be unpacked'),
  },
  // exceljs refused the workbook: its own (English) reason is kept as reasonEn.
  not_xlsx: {
    zh: (p: Params) => NOT_XLSX_ZH(p.file, '其中的工作簿内容已损坏，无法读取'),
    en: NOT_XLSX_EN('{reasonEn}'),
  },
  no_sheet: { zh: (p: Params) => `${p.file}：工作簿中没有工作表`, en: '{file}: the workbook has no worksheet' },
  xls: {
    zh: (p: Params) => `${p.file}：不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV`,
    en: '{file}: old Excel files (.xls) are not supported; save it as .xlsx or CSV',
  },
  empty: {
    zh: (p: Params) => `${p.file}：文件是空的，没有表头和数据`,
    en: '{file}: the file is empty, it has no header and no data',
  },
  // cli/cards.ts: a file the command line could not read; reason/reasonEn from core/fs/fsProblem.ts.
  not_found: {
    zh: (p: Params) => `找不到${KIND_ZH[p.kind as CardFileKind]}：${p.file}`,
    en: (p: Params) => `${upper(KIND_EN[String(p.kind)] ?? 'file')} not found: {file}`,
  },
  folder: {
    zh: (p: Params) => `${p.file} 是一个文件夹，不是${KIND_ZH[p.kind as CardFileKind]}`,
    en: (p: Params) => `{file} is a folder, not a ${KIND_EN[String(p.kind)] ?? 'file'}`,
  },
  unreadable: {
    zh: (p: Params) => `无法读取${KIND_ZH[p.kind as CardFileKind]} ${p.file}：${p.reason}`,
    en: (p: Params) => `Cannot read the ${KIND_EN[String(p.kind)] ?? 'file'} {file}: {reasonEn}`,
  },
} satisfies Record<string, { zh: (p: Params) => string; en: Template }>;

export type CardFileWhy = keyof typeof BAD_FILE;

/** A data file that cannot be read, as one card_bad_file problem whose params say why (see BAD_FILE). */
export function badCardFile(why: CardFileWhy, params: Params & { file: string }): BidForgeError {
  const all = { ...params, why };
  const message = BAD_FILE[why].zh(all);
  return new BidForgeError('card_bad_file', message, [
    { severity: 'error', code: 'card_bad_file', message, params: all },
  ]);
}

/** Any other refusal of the cards code as one problem with its params, so it can be worded in English (CARDS_EN). */
export function cardRefusal(code: string, message: string, params: Params): BidForgeError {
  return new BidForgeError(code, message, [{ severity: 'error', code, message, params }]);
}

/** A card template file that cannot be used (card_bad_template), by params.why: the Chinese message and the English. */
const BAD_TEMPLATE = {
  not_found: { zh: (p: Params) => `找不到保修卡模板：${p.template}`, en: 'Card template not found: {template}' },
  unreadable: {
    zh: (p: Params) => `无法读取保修卡模板 ${p.file}：${p.reason}`,
    en: 'Cannot read the card template {file}: {reasonEn}',
  },
  json: {
    // whereZh, whereEn: where JSON.parse stopped (core/model/zodDetail.ts jsonWhere), or ''.
    zh: (p: Params) => `${p.file}: 不是有效的 JSON${p.whereZh}`,
    en: '{file}: not valid JSON{whereEn}',
  },
  fields: {
    zh: (p: Params) => `${p.file}: 保修卡模板格式错误：${p.detail}`,
    en: '{file}: the card template is not valid: {detailEn}',
  },
} satisfies Record<string, { zh: (p: Params) => string; en: string }>;

export type CardTemplateWhy = keyof typeof BAD_TEMPLATE;

/** A card template refused, as one bad_card_template problem whose params say why (see BAD_TEMPLATE). */
export function badCardTemplate(why: CardTemplateWhy, params: Params): BidForgeError {
  const all = { ...params, why };
  const message = BAD_TEMPLATE[why].zh(all);
  return new BidForgeError('bad_card_template', message, [
    { severity: 'error', code: 'bad_card_template', message, params: all },
  ]);
}

/**
 * The company lines a card prints, named as 设置 → 公司信息 names them (renderer/src/settings/messages.ts
 * settings.companyName, settings.hotline, settings.serviceHours; a test keeps them the same).
 */
export const PROFILE_FIELDS = {
  name: { zh: '公司名称', en: 'Company name' },
  hotline: { zh: '服务热线', en: 'Service hotline' },
  serviceHours: { zh: '服务时间', en: 'Service hours' },
} as const;
export type ProfileField = keyof typeof PROFILE_FIELDS;
/** Where the user fills them in. */
const WHERE_ZH = '设置 → 公司信息';
const WHERE_EN = 'Settings → Company profile';

/** One company line a batch cannot print: left blank, or holding a placeholder such as 待定 or XXX. */
export type ProfileGap = { field: ProfileField; value: string };

/** card_profile_missing: the batch is refused, one problem per company line it lacks, each naming where to fill it. */
export function cardProfileMissing(gaps: ProfileGap[]): BidForgeError {
  const problems = gaps.map(({ field, value }) => {
    const { zh, en } = PROFILE_FIELDS[field];
    const message = value
      ? `保修卡上的“${zh}”是占位文字“${value}”，不能印在卡上：请在 ${WHERE_ZH} 中填写实际的${zh}后再打印`
      : `保修卡上的“${zh}”未填写：请在 ${WHERE_ZH} 中填写后再打印`;
    return {
      severity: 'error' as const,
      code: 'card_profile_missing',
      message,
      params: { field, label: zh, labelEn: en, value, where: WHERE_ZH, whereEn: WHERE_EN },
      field: `company.${field}`,
    };
  });
  return new BidForgeError('card_profile_missing', problems.map((p) => p.message).join('；'), problems);
}

/**
 * Where a card's periods are given, named as the 保修卡 screen names it (renderer/src/settings/messages.ts
 * cards.periodsTitle; a test keeps them the same).
 */
export const PERIODS_FIELD = { zh: '保修期限', en: 'Warranty periods' } as const;

/** A printed template whose periods are missing, or one of its components whose period is blank or 0. */
export type PeriodGap = {
  template: string;
  title: string;
  /** The component, when one of them has a blank or 0 period; absent when the template has no period at all. */
  component?: string;
  /** A period of 0 with its unit ("0个月", and "0 months"); absent when left blank. */
  zero?: string;
  zeroEn?: string;
  /** The project the batch comes from, when it states none for this template. */
  project?: string;
};

const periodGapZh = (g: PeriodGap) => {
  const card = `保修卡“${g.title}”`;
  if (g.component !== undefined)
    return `${card}上“${g.component}”的保修期${g.zero ? `是 ${g.zero}` : '未填写'}：请在“${PERIODS_FIELD.zh}”中填写（至少 1 天）或删去这一行后再打印`;
  if (g.project !== undefined)
    return `项目“${g.project}”没有可印在${card}上的保修期：请在“编制”中补上保修承诺，或在“${PERIODS_FIELD.zh}”中改为手动填写后再打印`;
  return `${card}的“${PERIODS_FIELD.zh}”未填写：请在“${PERIODS_FIELD.zh}”中选择项目（印方案承诺的保修期），或添加部件并填写保修期后再打印`;
};

/**
 * card_periods_missing: the batch is refused, one problem per printed template without periods (or with a component
 * whose period is blank or 0), each naming 保修期限 and how to give them — never a sample period nobody decided.
 */
export function cardPeriodsMissing(gaps: PeriodGap[]): BidForgeError {
  const problems = gaps.map((g) => {
    const message = periodGapZh(g);
    return {
      severity: 'error' as const,
      code: 'card_periods_missing',
      message,
      params: { ...g, label: PERIODS_FIELD.zh, labelEn: PERIODS_FIELD.en },
      field: `periods.${g.template}`,
    };
  });
  return new BidForgeError('card_periods_missing', problems.map((p) => p.message).join('；'), problems);
}

// A placeholder no params have: a card_bad_file made elsewhere (without a known why) keeps its own message.
const OTHER = '{unworded}';

export const CARDS_EN: Record<string, Template> = {
  card_bad_file: (p) => {
    const t: Template = Object.hasOwn(BAD_FILE, String(p.why)) ? BAD_FILE[p.why as CardFileWhy].en : OTHER;
    return typeof t === 'function' ? t(p) : t;
  },
  bad_card_template: (p) =>
    Object.hasOwn(BAD_TEMPLATE, String(p.why)) ? BAD_TEMPLATE[p.why as CardTemplateWhy].en : OTHER,
  card_profile_missing: (p) =>
    p.value
      ? 'The warranty card’s “{labelEn}” is a placeholder, “{value}”, which cannot be printed: enter the real one under {whereEn}, then print'
      : 'The warranty card’s “{labelEn}” is not filled in: fill it in under {whereEn}, then print',
  card_periods_missing: (p) =>
    p.component !== undefined
      ? p.zero
        ? 'The period of “{component}” on the warranty card “{title}” is {zeroEn}: under “{labelEn}” enter at least 1 day, or remove the row, then print'
        : 'The period of “{component}” on the warranty card “{title}” is not filled in: under “{labelEn}” enter it (at least 1 day), or remove the row, then print'
      : p.project !== undefined
        ? 'The project “{project}” states no warranty period the card “{title}” can print: add the warranty commitment in Compose, or fill in “{labelEn}” yourself, then print'
        : 'The warranty card “{title}” has no “{labelEn}”: under “{labelEn}” choose the project (the plan’s warranty commitments are printed), or add the components and their periods, then print',
  card_no_rows: '{file}: no valid rows to export ({skipped} rows have errors)',
  card_bad_pattern: (p) =>
    p.why === 'unknown'
      ? 'The file-name pattern “{pattern}” has placeholders that are not known: {unknown} (known: {known})'
      : p.why === 'none'
        ? 'The file-name pattern “{pattern}” needs at least one placeholder, such as {example}'
        : OTHER,
  card_bad_mapping: (p) =>
    p.why === 'syntax'
      ? 'The column mapping “{part}” is not understood: write field=header, with a field among {fields}'
      : OTHER,
  card_file_too_big: (p) =>
    p.stage === 'sheet'
      ? '{file}: the worksheet has {rows} rows × {columns} columns, more than can be read; delete the extra rows and columns or save it as CSV'
      : '{file}: the workbook is refused, it would unpack to too much (a “decompression bomb”?); remove extra sheets in Excel or save it as CSV',
};
