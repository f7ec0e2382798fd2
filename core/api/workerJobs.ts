// The API channels whose work can take seconds and hundreds of MB (PDF and DOCX layout, XLSX/CSV reading, tender and
// Word reading, previews): the browser host and Electron's main process run them in a worker thread (host/workerPool.ts)
// bounded in time and memory, so the process that answers every other call never freezes. Cheap channels stay on the
// main loop. Also the errors a worker job ends with, coded, in Chinese with the values as params (English by code in
// WORKER_EN, merged into core/i18n/problemText.ts). Node-free.
import type { Channel } from './contract.js';

export const WORKER_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'exportDocument', // pdfmake lays out synchronously: a long plan is seconds of CPU
  'preview', // assembles every document of the project
  'parseCards', // XLSX/CSV reading of a 保修卡 batch and its preview
  'exportCards', // the batch's PDF or DOCX
  'readTender', // a tender's DOCX or PDF
  'tenderSelfCheck',
  'exportTenderSelfCheck',
  'libraryImportWord', // Word import preview
]);

export type WorkerFailure = 'job_timeout' | 'job_out_of_memory' | 'job_crashed';

/** The message (Chinese, as core words it) and the params of a job the host had to stop. */
export function workerFailure(
  code: WorkerFailure,
  p: { channel: string; seconds?: number; mb?: number; detail?: string },
): { code: WorkerFailure; message: string; params: Record<string, string | number> } {
  const params: Record<string, string | number> = { channel: p.channel };
  if (p.seconds !== undefined) params.seconds = p.seconds;
  if (p.mb !== undefined) params.mb = p.mb;
  const message =
    code === 'job_timeout'
      ? `这项操作超过 ${p.seconds} 秒仍未完成，已被终止（${p.channel}）：文件或表格可能过大，请拆分后重试`
      : code === 'job_out_of_memory'
        ? `这项操作所需内存超过 ${p.mb} MB，已被终止（${p.channel}）：文件或表格可能过大，请拆分后重试`
        : `处理这项操作的后台进程意外退出（${p.channel}），请重试；如果再次出现，请检查输入的文件`;
  return { code, message, params };
}

export const WORKER_EN: Record<string, string> = {
  job_timeout:
    'This operation did not finish within {seconds} seconds and was stopped ({channel}): the file or table may be too large; split it and try again',
  job_out_of_memory:
    'This operation needed more than {mb} MB of memory and was stopped ({channel}): the file or table may be too large; split it and try again',
  job_crashed:
    'The background worker handling this operation stopped unexpectedly ({channel}); try again, and if it happens again, check the input file',
};
