// bidforge cards: a data file (CSV in UTF-8 or GBK, or XLSX) → warranty cards in one batch file, and per card on request.
// A client of the same API handlers as the app (core/api/cardsApi.ts): the company from 设置 (settings.json in the
// --data folder), the same templates, periods and checks, so the CLI and the app print the same card. The periods come
// from --project (its warranty facts), else --period (typed), else a company's own --template; with none, nothing is
// printed (the built-in templates carry no sample periods).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { ApiHandlers } from '../core/api/contract.js';
import { badCardFile, type CardFileKind } from '../core/cards/cardsText.js';
import { errorText } from '../core/i18n/errorText.js';
import { CARD_FIELDS, parseMapping, type CardField } from '../core/cards/fields.js';
import { checkNamePattern, DEFAULT_NAME_PATTERN } from '../core/cards/files.js';
import { fsProblem, fsProblemZh } from '../core/fs/fsProblem.js';
import { problemLine } from '../core/i18n/problemLine.js';
import { BidForgeError } from '../core/model/problem.js';
import { parseProjectText } from '../core/project/parse.js';
import { parsePeriods } from './cardPeriods.js';

export type CardsArgs = {
  dataFile?: string;
  out?: string;
  template?: string;
  layout?: string;
  format?: string;
  perCard: boolean;
  namePattern?: string;
  qr: boolean;
  json: boolean;
  map?: string;
  /** hans | hant */
  script?: string;
  /** A project file whose warranty periods (and script) the cards print. */
  project?: string;
  /** Typed periods, "整机=36个月" each: every template of the batch prints them where the project states none. */
  period?: string[];
  /** product | model: the column that picks each row's card template. */
  by?: string;
  /** Fields left off the card: "product,dealer" (or their Chinese names). */
  hide?: string;
  /** The language of the problem lines (--lang). */
  lang?: 'zh' | 'en';
};

/** The file's bytes, or a card_bad_file refusal worded in both languages (the OS's reason as fsProblem words it). */
const read = (file: string, kind: CardFileKind) =>
  readFile(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw badCardFile('not_found', { file, kind });
    if (e.code === 'EISDIR') throw badCardFile('folder', { file, kind });
    throw badCardFile('unreadable', { file, kind, reason: fsProblemZh(e), reasonEn: fsProblem(e) });
  });

/** "product,经销商" → ['product', 'dealer']. */
function hideList(text: string): CardField[] {
  const labels = parseMapping(
    text
      .split(/[,，]/)
      .map((f) => `${f.trim()}=x`)
      .join(','),
  );
  return CARD_FIELDS.filter((f) => f in labels);
}

/** Arguments refused before anything is read (exit 2), in the --lang language. */
const REFUSED = {
  zh: {
    dataFile: 'cards：请指定数据文件（bidforge cards <data.csv|data.xlsx> --out <目录>）',
    out: 'cards：请用 --out <目录> 指定输出位置',
    script: (v: string) => `cards：--script 只能是 hans 或 hant，不能是“${v}”`,
    by: (v: string) => `cards：--by 只能是 product 或 model，不能是“${v}”`,
    format: (v: string) => `cards：未知的格式“${v}”（可用：pdf、docx、both）`,
  },
  en: {
    dataFile: 'cards: which data file? (bidforge cards <data.csv|data.xlsx> --out <dir>)',
    out: 'cards: say where to write with --out <dir>',
    script: (v: string) => `cards: --script is hans or hant, not ${v}`,
    by: (v: string) => `cards: --by is product or model, not ${v}`,
    format: (v: string) => `cards: unknown format “${v}” (use pdf, docx or both)`,
  },
};

/** After a refusal for want of periods: how to give them on the command line. */
const PERIOD_HINT = {
  zh: '命令行：用 --project <项目.json> 印项目的保修期，或用 --period 部件=期限 逐项给出（如 --period 整机=36个月 --period 压缩机=6年）',
  en: "On the command line: --project <project.json> prints the project's periods, or give each with --period component=period (e.g. --period 整机=36months --period 压缩机=6years)",
};

/** The closing lines, in the --lang language. */
const SUMMARY = {
  zh: {
    made: (cards: number, files: number) => `已生成 ${cards} 张卡片，写入 ${files} 个文件：`,
    more: (n: number) => `  ……另有 ${n} 个`,
    skipped: (n: number, rows: string) => `${n} 行未导出${rows ? `（第 ${rows} 行）` : ''}，原因见上`,
  },
  en: {
    made: (cards: number, files: number) => `${cards} cards; wrote ${files} file(s):`,
    more: (n: number) => `  … and ${n} more`,
    skipped: (n: number, rows: string) => `${n} row(s) not exported${rows ? `: ${rows}` : ''}; the reasons are above`,
  },
};

/** 0: every row exported; 1: some rows were left out (the valid ones were still exported); a string → exit 2. */
export async function cardsCommand(
  a: CardsArgs,
  out: (s: string) => void,
  err: (s: string) => void,
  api: ApiHandlers,
): Promise<number | string> {
  const no = REFUSED[a.lang === 'en' ? 'en' : 'zh'];
  if (!a.dataFile) return no.dataFile;
  if (!a.out) return no.out;
  if (a.script !== undefined && a.script !== 'hans' && a.script !== 'hant') return no.script(a.script);
  if (a.by !== undefined && a.by !== 'product' && a.by !== 'model') return no.by(a.by);
  if (a.format !== undefined && !['pdf', 'docx', 'both'].includes(a.format)) return no.format(a.format);
  if (a.perCard) checkNamePattern(a.namePattern ?? DEFAULT_NAME_PATTERN);
  const typed = parsePeriods(a.period ?? [], a.lang === 'en' ? 'en' : 'zh');
  if (typeof typed === 'string') return typed;
  const formats = a.format === undefined ? ['pdf'] : a.format === 'both' ? ['pdf', 'docx'] : [a.format];
  const base = {
    fileName: basename(a.dataFile),
    data: (await read(a.dataFile, 'data')).toString('base64'),
    // --map "serial=机器码,date=开票日期" overrides the automatic header recognition for the named fields.
    ...(a.map === undefined ? {} : { mapping: parseMapping(a.map) }),
    ...(a.template ? { template: a.template } : {}),
    ...(a.script ? { script: a.script as 'hans' | 'hant' } : {}),
    ...(a.by ? { templateBy: a.by as 'product' | 'model' } : {}),
    ...(a.hide ? { hide: hideList(a.hide) } : {}),
    ...(a.project ? { project: parseProjectText((await read(a.project, 'project')).toString('utf8'), a.project) } : {}),
  };
  // --period: the batch's template prints them; with --by, every template a row may pick (parseCards lists them).
  const ids = !typed.length
    ? []
    : a.by
      ? (await api.parseCards({ ...base, previewCount: 0, qr: false })).templateChoices.map((t) => t.id)
      : [a.template ?? 'standard'];
  const request = { ...base, ...(ids.length ? { periods: Object.fromEntries(ids.map((id) => [id, typed])) } : {}) };
  const parsed = await api.parseCards({ ...request, previewCount: 0, qr: a.qr });
  if (parsed.fatal) throw new BidForgeError(parsed.fatal.code, parsed.fatal.message, parsed.fatal.params?.problems);
  if (!a.json)
    for (const p of parsed.problems) err(problemLine({ ...p, file: a.dataFile }, a.lang === 'en' ? 'en' : 'zh-CN'));
  // No company name or hotline in 设置 (--data), or no warranty period: nothing is written, rather than cards with a
  // blank or sample company or a period nobody decided. Exit 2, and for periods how to give them here.
  if (parsed.refused) {
    const en = a.lang === 'en';
    err(`${en ? 'error: ' : '错误：'}${errorText(parsed.refused, en ? 'en' : 'zh-CN')}`);
    if (parsed.refused.params?.problems.some((p) => p.code === 'card_periods_missing'))
      err(PERIOD_HINT[en ? 'en' : 'zh']);
    return 2;
  }
  // Every file is made before the first is written: a refusal (bad layout, say) leaves the folder as it was.
  const results: Awaited<ReturnType<ApiHandlers['exportCards']>>[] = [];
  if (parsed.validRows > 0) {
    for (const format of formats) {
      results.push(
        await api.exportCards({
          ...request,
          format: format as 'pdf' | 'docx',
          layout: (a.layout ?? 'a5') as 'a5',
          qr: a.qr,
          ...(a.perCard ? { perCard: { namePattern: a.namePattern ?? DEFAULT_NAME_PATTERN } } : {}),
        }),
      );
    }
    await mkdir(a.out, { recursive: true });
  }
  const written: string[] = [];
  for (const f of [...results, ...results.flatMap((r) => r.files ?? [])]) {
    const path = join(a.out, f.fileName);
    await writeFile(path, f.bytes);
    written.push(path);
  }
  const cards = results[0]?.cards ?? 0;
  const skipped = results[0]?.skipped ?? { count: parsed.skippedRows, rows: [] };
  if (a.json)
    out(JSON.stringify({ written, cards, skipped, problems: parsed.problems, templates: parsed.templates }, null, 2));
  else {
    const w = SUMMARY[a.lang === 'en' ? 'en' : 'zh'];
    out(w.made(cards, written.length));
    for (const f of written.slice(0, 20)) out(`  ${resolve(f)}`);
    if (written.length > 20) out(w.more(written.length - 20));
    const rows = skipped.rows.slice(0, 20).join(', ') + (skipped.rows.length > 20 ? ' …' : '');
    if (skipped.count) out(w.skipped(skipped.count, rows));
  }
  return skipped.count || parsed.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
