// Real problems from the 保修卡 reader and batch and from opening a project file, for the English-wording tests
// (test/core/problem-text.test.ts): each made by the code that reports it, never written by hand.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardsCommand } from '../../cli/cards.js';
import type { ApiHandlers } from '@core/api/contract.js';
import { buildBatch } from '@core/cards/batch.js';
import { periodsFromProject } from '@core/cards/projectPeriods.js';
import { parseMapping } from '@core/cards/fields.js';
import { checkNamePattern } from '@core/cards/files.js';
import { csvGrid, readCardGrid, rowsFromGrid, xlsxGrid } from '@core/cards/read.js';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { templatesDir } from './paths.js';
import { loadCardTemplate, parseCardTemplate } from '@core/cards/template.js';
import { checkXlsxLimits } from '@core/cards/zipLimits.js';
import { BidForgeError, type Problem } from '@core/model/problem.js';
import { parseProjectText } from '@core/project/parse.js';

export function cardProblems(): Problem[] {
  const header = { rowNumber: 1, cells: ['客户名称', '序列号', '安装日期', '地址'] };
  const rows = [
    { rowNumber: 2, cells: ['', 'SN1', '2026-01-05', '北京'] },
    { rowNumber: 3, cells: ['客户乙', '', '2026-01-05', '北京'] },
    { rowNumber: 4, cells: ['客户丙', 'SN1', '2026-01-05', '北京'] },
    { rowNumber: 5, cells: ['客户丁', 'SN4', '', '北京'] },
    { rowNumber: 6, cells: ['客户戊', 'SN5', '2026-02-30', '北京'] },
    { rowNumber: 7, cells: ['客户己', 'SN6', '2026-01-05', '北京市'.repeat(30)] },
  ];
  return [
    ...rowsFromGrid([header, ...rows], '客户.csv').problems,
    ...refusalOf(() => rowsFromGrid([{ rowNumber: 1, cells: ['客户名称', '地址'] }, rows[0]!], '客户.csv')),
    ...refusalOf(() => rowsFromGrid([header, ...rows], '客户.csv', { dealer: '经销商' })),
  ];
}

/** Why a project file cannot be opened: not JSON (with and without a position), not an object, wrong fields. */
export function fileProblems(): Problem[] {
  return [
    '{ "schema": 1,\n "name": ',
    '{ "schema": 1,\n  , }',
    '',
    '[1]',
    '{"schema": 2, "name": 42, "title": "", "date": "2026-02-30", "script": "x"}',
  ].flatMap((text) => refusalOf(() => parseProjectText(text, 'p.json')));
}

/** The problems a refusal carries; a call that is not refused fails the test. */
function refusalOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof BidForgeError) return e.problems;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** A card batch's own problems: a printed field no column fills, a row no template takes, a refused workbook. */
export function batchProblems(): Problem[] {
  const template = parseCardTemplate(
    {
      id: 'standard',
      title: '产品保修卡',
      company: '某公司',
      hotline: '400',
      components: [{ name: '整机', months: 36 }],
      match: ['空调'],
      fields: ['customer', 'serial', 'date', 'dealer'],
    },
    't',
  );
  const grid = [
    { rowNumber: 1, cells: ['客户名称', '序列号', '购买日期', '产品名称'] },
    { rowNumber: 2, cells: ['客户甲', 'SN1', '2026-01-05', '冰箱'] },
  ];
  const read = rowsFromGrid(grid, 'x.csv');
  // A zip whose directory declares 300 MB for its one entry.
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt32LE(300 * 1024 * 1024, 24);
  cd.writeUInt16LE(1, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 10);
  return [
    ...buildBatch(read, 'x.csv', { template, templates: [template], templateBy: 'product' }).problems.filter(
      (p) => p.code !== 'card_long_value',
    ),
    ...refusalOf(() => buildBatch(read, 'x.csv', { template, templates: [template], templateBy: 'model' })),
    ...periodsFromProject({ values: { warranty_months: 36, whole_unit_months: 24 } }).problems,
    ...refusalOf(() => checkXlsxLimits(new Uint8Array(Buffer.concat([cd, Buffer.from('a'), end])), 'x.xlsx')),
  ];
}

/** A zip of stored (uncompressed) entries, written by hand so its directory can say anything (CRCs are left 0). */
export function storedZip(parts: { name: string; data: string; offset?: number; method?: number }[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const data = Buffer.from(p.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(p.method ?? 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(p.method ?? 0, 10);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(p.offset ?? offset, 42);
    chunks.push(local, name, data);
    central.push(cd, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cd, end]));
}

/** The problems an async refusal carries; a call that is not refused fails the test. */
async function asyncRefusalOf(fn: () => Promise<unknown>): Promise<Problem[]> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof BidForgeError) return e.problems;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** Each reason a card data file cannot be read (card_bad_file, by params.why), from the reader and the CLI. */
export async function cardFileRefusals(): Promise<Problem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bf-card-file-'));
  const csv = join(dir, 'ok.csv');
  writeFileSync(csv, '客户名称,序列号,购买日期\n甲,SN1,2026-01-05\n');
  mkdirSync(join(dir, 'folder.json'));
  // The CLI reads its files before it asks the API anything.
  const cli = (dataFile: string, project?: string) => () =>
    cardsCommand(
      { dataFile, out: join(dir, 'out'), perCard: false, qr: false, json: false, ...(project ? { project } : {}) },
      () => {},
      () => {},
      {} as ApiHandlers,
    );
  const bytes = (s: string) => new Uint8Array(Buffer.from(s));
  // A zip whose directory declares one entry and holds none.
  const noDirectory = storedZip([]);
  new DataView(noDirectory.buffer).setUint16(noDirectory.length - 12, 1, true);
  return [
    ...refusalOf(() => csvGrid('客户名称,序列号\n"甲,SN1\n', '客户.csv')),
    ...refusalOf(() => checkXlsxLimits(bytes('客户名称,序列号'), '客户.xlsx')),
    ...refusalOf(() => checkXlsxLimits(noDirectory, '客户.xlsx')),
    ...refusalOf(() => checkXlsxLimits(storedZip([{ name: 'xl/workbook.xml', data: 'x', offset: 1 }]), '客户.xlsx')),
    ...refusalOf(() => checkXlsxLimits(storedZip([{ name: 'xl/workbook.xml', data: 'xyz', method: 8 }]), '客户.xlsx')),
    ...(await asyncRefusalOf(() =>
      xlsxGrid(storedZip([{ name: 'xl/workbook.xml', data: '<workbook><' }]), '客户.xlsx'),
    )),
    ...(await asyncRefusalOf(() => xlsxGrid(storedZip([{ name: 'a.txt', data: 'hello' }]), '客户.xlsx'))),
    ...(await asyncRefusalOf(() => readCardGrid(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), '客户.xls'))),
    ...refusalOf(() => rowsFromGrid([], '客户.csv')),
    ...(await asyncRefusalOf(cli(join(dir, '没有.csv')))),
    ...(await asyncRefusalOf(cli(csv, join(dir, 'folder.json')))),
    // A name longer than any file system allows (ENAMETOOLONG): unreadable whoever runs the test.
    ...(await asyncRefusalOf(cli(join(dir, `${'长'.repeat(300)}.csv`)))),
    ...refusalOf(() => checkNamePattern('{serial}-{客户}')),
    ...refusalOf(() => checkNamePattern('保修卡')),
    ...refusalOf(() => parseMapping('序列号')),
    ...(await noRowsRefusal()),
  ];
}

/** exportCards of a file whose every row has an error: an ApiError with params, as the screen gets it. */
async function noRowsRefusal(): Promise<Problem[]> {
  const api = createLocalClient(createHandlers({ templatesDir }));
  // A company in 设置, or the batch is refused for that first (cardProfileRefusals).
  const { settings } = await api.getSettings({});
  await api.saveSettings({
    settings: { ...settings, company: { ...settings.company, name: '甲公司', hotline: '400-1' } },
  });
  const data = Buffer.from('客户名称,序列号,购买日期\n,SN1,2026-01-05\n').toString('base64');
  try {
    const periods = { standard: [{ name: '整机', months: 12 }] };
    await api.exportCards({ fileName: '客户.csv', data, periods, format: 'pdf', layout: 'a5', qr: false });
  } catch (e) {
    const { code, message, params } = e as { code: string; message: string; params?: Problem['params'] };
    return [{ severity: 'error', code, message, ...(params ? { params } : {}) }];
  }
  throw new Error('expected a refusal');
}

/** Why a batch prints no card (card_profile_missing: 设置 has no company name, a placeholder hotline;
 * card_periods_missing: no period given, a blank or 0 one, a project stating none) and why a card template cannot be
 * used (bad_card_template, by params.why), as the handlers and the loader report them. */
export async function cardProfileAndTemplateRefusals(): Promise<Problem[]> {
  const api = createLocalClient(createHandlers({ templatesDir }));
  const { settings } = await api.getSettings({});
  await api.saveSettings({ settings: { ...settings, company: { ...settings.company, hotline: '400-XXX' } } });
  const data = Buffer.from('客户名称,序列号,购买日期\n甲,SN1,2026-01-05\n').toString('base64');
  const parse = async (more: Partial<Parameters<ApiHandlers['parseCards']>[0]>) =>
    (await api.parseCards({ fileName: '客户.csv', data, previewCount: 1, qr: false, ...more })).refused?.params
      ?.problems ?? [];
  const noWarranty = parseProjectText(
    JSON.stringify({
      schema: 1,
      name: 'p',
      title: '某项目',
      blueprint: 'service-plan',
      date: '2026-11-24',
      values: {},
    }),
    'p.json',
  );
  const dir = mkdtempSync(join(tmpdir(), 'bf-card-template-'));
  writeFileSync(join(dir, 'bad.json'), '{ "id": "x",\n  "title": }');
  mkdirSync(join(dir, 'folder.json'));
  return [
    // The company's (with no period either: both at once).
    ...(await parse({})),
    ...(await parse({ periods: { standard: [{ name: '整机' }, { name: '压缩机', weeks: 0 }] } })),
    ...(await parse({ project: noWarranty })),
    ...(await asyncRefusalOf(() => loadCardTemplate('no-such-card'))),
    ...(await asyncRefusalOf(() => loadCardTemplate(join(dir, 'bad.json')))),
    ...(await asyncRefusalOf(() => loadCardTemplate(join(dir, 'folder.json')))),
    ...refusalOf(() =>
      parseCardTemplate({ id: 'x', title: '卡', components: [{ name: '整机', months: 0 }] }, 'x.json'),
    ),
  ];
}
