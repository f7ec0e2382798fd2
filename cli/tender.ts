// bidforge tender read <招标文件.docx|.pdf> [--json]: the rows the tender reader proposes, each with its page and
// paragraph, and the service sentences it could not read (for review). Through the API's readTender channel, as the
// app calls it. Exit 0 read, 2 the file cannot be read (a scan, a .doc, too large …).
// bidforge tender diff <旧版> <新版> [--json]: what a clarification added, changed and removed (core/tender/diff.ts).
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ApiHandlers } from '../core/api/contract.js';
import { toApiError } from '../core/api/dispatch.js';
import { diffTenders } from '../core/tender/diff.js';
import { MAX_BYTES } from '../core/tender/limits.js';
import { KIND_LABEL, placeText, tenderErrorText, type TenderLang } from '../core/tender/messages.js';
import type { TenderReading, TenderRow } from '../core/tender/model.js';
import type { Project } from '../core/model/project.js';
import { SELF_CHECK_KIND, SEVERITY_LABEL, selfCheckWords } from '../core/tender/selfCheckMessages.js';
import { fillTemplate, type Lang } from './messages.js';

type Io = { out: (s: string) => void; err: (s: string) => void; lang: Lang };

const TEXT = {
  which: {
    zh: 'tender：请用 bidforge tender read <招标文件.docx|招标文件.pdf> 或 bidforge tender diff <旧版> <新版>',
    en: 'tender: use bidforge tender read <tender.docx|tender.pdf> or bidforge tender diff <old> <new>',
  },
  diffSummary: {
    zh: '新增 %s 行，修改 %s 行，删除 %s 行，未变 %s 行',
    en: '%s rows added, %s changed, %s removed, %s unchanged',
  },
  added: { zh: '新增', en: 'added' },
  removed: { zh: '删除', en: 'removed' },
  changed: { zh: '修改', en: 'changed' },
  was: { zh: '原为', en: 'was' },
  cannotRead: { zh: '无法读取 %s（%s）', en: 'cannot read %s (%s)' },
  tooLarge: { zh: '%s 超过 %s MB 的上限', en: '%s is over the %s MB limit' },
  summary: {
    zh: '%s：%s 页，提出 %s 行；另有 %s 句服务要求未能识别，请复核',
    en: '%s: %s pages, %s rows proposed; %s service sentences were not recognised, please review them',
  },
  pagesNote: {
    zh: '（DOCX 的页码按分页符计，仅供参考；段落号从文件开头数起）',
    en: '(DOCX pages are counted from page breaks only; paragraphs are numbered from the start of the file)',
  },
  review: {
    zh: '待复核（服务章节中未识别的要求句）：',
    en: 'For review (service requirements no phrasing recognised):',
  },
  form: { zh: '列：%s', en: 'columns: %s' },
  checkSummary: {
    zh: '%s：自查发现 %s 个错误、%s 个提示',
    en: '%s: the self-check found %s errors and %s warnings',
  },
  checkClean: { zh: '%s：自查未发现问题', en: '%s: the self-check found nothing' },
  noTender: {
    zh: '（项目中没有招标文件记录：只核对了★条款和文件间的数字；请先在招标要求中导入招标文件）',
    en: '(the project holds no tender: only ★ items and figures across documents were checked; import the tender in Requirements first)',
  },
  todo: { zh: '处理：%s', en: 'to do: %s' },
  wroteXlsx: { zh: '已写入 %s', en: 'wrote %s' },
  cannotWrite: { zh: '无法写入 %s（%s）', en: 'cannot write %s (%s)' },
} as const;

const say = (lang: Lang, key: keyof typeof TEXT, ...args: (string | number)[]): string =>
  fillTemplate(TEXT[key][lang], args);

const OP: Record<string, string> = { '<=': '≤', '>=': '≥', '=': '=' };

/** One row as a line: place, kind, the figure it asks for (with its variable), then the tender's words. */
function rowLine(r: TenderRow, reading: TenderReading, lang: TenderLang): string {
  const figure = r.op ? `${OP[r.op]} ${r.schedule ?? `${r.value}${r.unit ?? ''}`}${r.key ? ` [${r.key}]` : ''}` : '';
  const points = r.points !== undefined ? (lang === 'zh' ? `${r.points}分` : `${r.points} points`) : '';
  const columns = r.form?.columns ? say(lang, 'form', r.form.columns.join(lang === 'zh' ? '、' : ', ')) : '';
  return [placeText(r.loc, reading.paragraphBasis, lang), KIND_LABEL[r.kind][lang], figure, points, r.text, columns]
    .filter(Boolean)
    .join('  ');
}

/** Reads one tender through the API, or says why not (the caller exits 2). */
async function read(api: ApiHandlers, file: string, io: Io): Promise<TenderReading | undefined> {
  // Refused before reading a huge file into memory.
  const size = await stat(file).then(
    (s) => s.size,
    () => undefined,
  );
  if (size !== undefined && size > MAX_BYTES)
    return void io.err(say(io.lang, 'tooLarge', file, MAX_BYTES / 1024 / 1024));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return void io.err(say(io.lang, 'cannotRead', file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  try {
    return await api.readTender({ fileName: basename(file), data: bytes.toString('base64') });
  } catch (e) {
    return void io.err(tenderErrorText(toApiError(e), io.lang));
  }
}

async function diff(api: ApiHandlers, older: string, newer: string, opts: { json: boolean }, io: Io): Promise<number> {
  const before = await read(api, older, io);
  const after = before && (await read(api, newer, io));
  if (!before || !after) return 2;
  const d = diffTenders(before.rows, after.rows);
  if (opts.json) {
    io.out(JSON.stringify(d, null, 2));
    return 0;
  }
  io.out(say(io.lang, 'diffSummary', d.added.length, d.changed.length, d.removed.length, d.unchanged));
  for (const r of d.added) io.out(`${say(io.lang, 'added')}  ${rowLine(r, after, io.lang)}`);
  for (const c of d.changed)
    io.out(
      `${say(io.lang, 'changed')}  ${rowLine(c.after, after, io.lang)}\n      ${say(io.lang, 'was')}  ${rowLine(c.before, before, io.lang)}`,
    );
  for (const r of d.removed) io.out(`${say(io.lang, 'removed')}  ${rowLine(r, before, io.lang)}`);
  return 0;
}

export async function tenderCommand(
  api: ApiHandlers,
  action: string | undefined,
  files: (string | undefined)[],
  opts: { json: boolean },
  io: Io,
): Promise<number> {
  const [file, other] = files;
  if (action === 'diff' && file && other) return diff(api, file, other, opts, io);
  if (action !== 'read' || !file) {
    io.err(say(io.lang, 'which'));
    return 2;
  }
  const reading = await read(api, file, io);
  if (!reading) return 2;
  if (opts.json) {
    io.out(JSON.stringify(reading, null, 2));
    return 0;
  }
  io.out(say(io.lang, 'summary', file, reading.pages, reading.rows.length, reading.review.length));
  if (reading.paragraphBasis === 'document') io.out(say(io.lang, 'pagesNote'));
  for (const r of reading.rows) io.out(rowLine(r, reading, io.lang));
  if (reading.review.length) {
    io.out('');
    io.out(say(io.lang, 'review'));
    for (const r of reading.review) io.out(`${placeText(r.loc, reading.paragraphBasis, io.lang)}  ${r.text}`);
  }
  return 0;
}

/**
 * bidforge check --tender PROJECT [--xlsx FILE] [--json]: the self-check against the project's stored tender (★ items,
 * 废标 conditions, mandated documents and sections, figures across documents). Exit 1 when it finds an error.
 */
export async function tenderCheck(
  api: ApiHandlers,
  project: Project,
  file: string,
  opts: { json: boolean; xlsx?: string },
  io: Io,
): Promise<number> {
  const { rows } = await api.tenderSelfCheck({ project });
  const errors = rows.filter((r) => r.severity === 'error').length;
  if (opts.json) io.out(JSON.stringify(rows, null, 2));
  else {
    if (!project.tender) io.out(say(io.lang, 'noTender'));
    io.out(
      rows.length ? say(io.lang, 'checkSummary', file, errors, rows.length - errors) : say(io.lang, 'checkClean', file),
    );
    for (const r of rows) {
      const words = io.lang === 'zh' ? r : selfCheckWords(r.code, r.params, io.lang);
      const where = r.where && project.tender ? placeText(r.where, project.tender.paragraphBasis, io.lang) : '';
      io.out(
        [SEVERITY_LABEL[r.severity][io.lang], SELF_CHECK_KIND[r.kind][io.lang], where, words.text]
          .filter(Boolean)
          .join('  '),
      );
      io.out(`      ${say(io.lang, 'todo', words.todo)}`);
    }
  }
  if (opts.xlsx) {
    const { bytes } = await api.exportTenderSelfCheck({ project, lang: io.lang });
    try {
      await writeFile(opts.xlsx, bytes);
    } catch (e) {
      io.err(say(io.lang, 'cannotWrite', opts.xlsx, (e as Error).message));
      return 2;
    }
    if (!opts.json) io.out(say(io.lang, 'wroteXlsx', resolve(opts.xlsx)));
  }
  return errors ? 1 : 0;
}
