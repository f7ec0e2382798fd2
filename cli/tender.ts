// bidforge tender read <招标文件.docx|.pdf> [--json]: the rows the tender reader proposes, each with its page and
// paragraph, and the service sentences it could not read (for review). Through the API's readTender channel, as the
// app calls it. Exit 0 read, 2 the file cannot be read (a scan, a .doc, too large …).
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ApiHandlers } from '../core/api/contract.js';
import { toApiError } from '../core/api/dispatch.js';
import { MAX_BYTES } from '../core/tender/limits.js';
import { KIND_LABEL, placeText, tenderErrorText, type TenderLang } from '../core/tender/messages.js';
import type { TenderReading, TenderRow } from '../core/tender/model.js';
import type { Lang } from './messages.js';

type Io = { out: (s: string) => void; err: (s: string) => void; lang: Lang };

const TEXT = {
  which: { zh: 'tender：请用 bidforge tender read <招标文件.docx|招标文件.pdf>', en: 'tender: use bidforge tender read <tender.docx|tender.pdf>' },
  cannotRead: { zh: '无法读取 %s（%s）', en: 'cannot read %s (%s)' },
  tooLarge: { zh: '%s 超过 %s MB 的上限', en: '%s is over the %s MB limit' },
  summary: { zh: '%s：%s 页，提出 %s 行；另有 %s 句服务要求未能识别，请复核', en: '%s: %s pages, %s rows proposed; %s service sentences were not recognised, please review them' },
  pagesNote: { zh: '（DOCX 的页码按分页符计，仅供参考；段落号从文件开头数起）', en: '(DOCX pages are counted from page breaks only; paragraphs are numbered from the start of the file)' },
  review: { zh: '待复核（服务章节中未识别的要求句）：', en: 'For review (service requirements no phrasing recognised):' },
  form: { zh: '列：%s', en: 'columns: %s' },
} as const;

function say(lang: Lang, key: keyof typeof TEXT, ...args: (string | number)[]): string {
  let i = 0;
  return TEXT[key][lang].replace(/%s/g, () => String(args[i++] ?? ''));
}

const OP: Record<string, string> = { '<=': '≤', '>=': '≥', '=': '=' };

/** One row as a line: place, kind, the figure it asks for (with its variable), then the tender's words. */
function rowLine(r: TenderRow, reading: TenderReading, lang: TenderLang): string {
  const figure = r.op ? `${OP[r.op]} ${r.schedule ?? `${r.value}${r.unit ?? ''}`}${r.key ? ` [${r.key}]` : ''}` : '';
  const points = r.points !== undefined ? (lang === 'zh' ? `${r.points}分` : `${r.points} points`) : '';
  const columns = r.form?.columns ? say(lang, 'form', r.form.columns.join(lang === 'zh' ? '、' : ', ')) : '';
  return [placeText(r.loc, reading.paragraphBasis, lang), KIND_LABEL[r.kind][lang], figure, points, r.text, columns].filter(Boolean).join('  ');
}

export async function tenderCommand(api: ApiHandlers, action: string | undefined, file: string | undefined, opts: { json: boolean }, io: Io): Promise<number> {
  if (action !== 'read' || !file) {
    io.err(say(io.lang, 'which'));
    return 2;
  }
  // Refused before reading a huge file into memory.
  const size = await stat(file).then((s) => s.size, () => undefined);
  if (size !== undefined && size > MAX_BYTES) {
    io.err(say(io.lang, 'tooLarge', file, MAX_BYTES / 1024 / 1024));
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    io.err(say(io.lang, 'cannotRead', file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    return 2;
  }
  let reading: TenderReading;
  try {
    reading = await api.readTender({ fileName: basename(file), data: bytes.toString('base64') });
  } catch (e) {
    const err = toApiError(e);
    io.err(tenderErrorText(err, io.lang));
    return 2;
  }
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
