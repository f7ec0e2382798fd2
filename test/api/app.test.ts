// 首页, 保修卡 and 设置 channels, in-process and through the HTTP host: settings, recent projects, backups, cards.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@core/api/contract.js';
import { createHandlers } from '@core/api/handlers.js';
import { createHttpClient } from '@core/api/httpClient.js';
import { createLocalClient } from '@core/api/localClient.js';
import { openStore } from '@core/library/store/index.js';
import { settingsSchema } from '@core/settings/index.js';
import { startHost, type RunningHost } from '../../host/server.js';
import { tempDir } from '../helpers/tmp.js';
import { TEST_PERIODS as periods } from '../cards/helpers.js';

const dataDir = tempDir('bf-app-api-');
const handlers = createHandlers({ templatesDir: 'templates', dataDir, program: 'test' });
const rendererDir = tempDir('bf-renderer-');
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body>app</body></html>');
let host: RunningHost;
beforeAll(async () => {
  host = await startHost({ handlers, rendererDir });
});
afterAll(() => host.close());

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const CSV = [
  '客户名称,联系电话,产品,型号,机身编号,开票日期',
  '张三,13800000000,空调,KFR-35,SN001,2026-01-31',
  '李四,13900000000,空调,KFR-35,SN002,2026-13-01',
  '王五,,空调,KFR-50,SN001,2026-02-01',
  ',,空调,KFR-50,SN004,2026-02-01',
].join('\n');

const transports: [string, () => ApiHandlers][] = [
  ['in-process', () => createLocalClient(handlers)],
  ['HTTP host', () => createHttpClient(host.url.replace(/\/$/, ''), host.token)],
];

describe.each(transports)('app channels through %s', (_name, api) => {
  it('saves settings and reads them back with the data folder', async () => {
    const settings = settingsSchema.parse({
      userName: '王工',
      company: { name: '华信制冷设备有限公司', hotline: '400-820-6688' },
    });
    await api().saveSettings({ settings });
    const got = await api().getSettings({});
    expect(got.settings).toMatchObject({ userName: '王工', company: { name: '华信制冷设备有限公司' } });
    expect(got.dataDir).toBe(dataDir);
  });

  it('records a recent project, lists it, finds it and reopens it', async () => {
    const { project } = await api().newProject({
      blueprint: 'service-plan',
      name: 'hospital-plan',
      title: '某医院空调项目',
    });
    await api().recordRecentProject({ project });
    expect((await api().listRecentProjects({})).projects[0]).toMatchObject({
      id: project.id,
      title: '某医院空调项目',
      saved: false,
    });
    expect((await api().searchProjects({ query: '医院' })).hits.map((h) => h.id)).toContain(project.id);
    // A hit in a value names it by the label the library gives it, never by its key alone.
    const [hit] = (await api().searchProjects({ query: '华信制冷' })).hits;
    expect(hit?.matches).toContainEqual(
      expect.objectContaining({ where: 'company_name', label: expect.stringMatching(/\p{Script=Han}/u) }),
    );
    expect((await api().openRecentProject({ id: project.id! })).project.values.company_name).toBe(
      '华信制冷设备有限公司',
    );
    await expect(api().openRecentProject({ id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reads a card file: suggests the mapping, names row errors with row and column, previews valid rows', async () => {
    const r = await api().parseCards({ fileName: 'cards.csv', data: b64(CSV), periods, previewCount: 2, qr: true });
    expect(r.headers).toEqual(['客户名称', '联系电话', '产品', '型号', '机身编号', '开票日期']);
    expect(r.fatal).toBeUndefined();
    expect(r.suggested).toMatchObject({ customer: '客户名称', phone: '联系电话', date: '开票日期' });
    expect(r).toMatchObject({ dataRows: 4, validRows: 1 });
    // The card prints 联系地址 and 经销商, which no column fills: one warning each, before the rows' problems.
    expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [undefined, undefined, 'card_unmapped_field'],
      [undefined, undefined, 'card_unmapped_field'],
      [3, '开票日期', 'card_bad_date'],
      [4, '机身编号', 'card_duplicate_serial'],
      [5, '客户名称', 'card_missing_customer'],
    ]);
    expect(r.preview[0]).toMatchObject({
      row: 2,
      serial: 'SN001',
      company: '华信制冷设备有限公司',
      hotline: '400-820-6688',
    });
    expect(r.preview[0]!.qr!.length).toBeGreaterThan(20);
  });

  it('reports an unmapped required column with the headers still there to map', async () => {
    const r = await api().parseCards({
      fileName: 'x.csv',
      data: b64('名字,编号,时间\n张三,A1,2026-01-01\n'),
      periods,
      previewCount: 0,
      qr: false,
    });
    expect(r.fatal?.code).toBe('card_missing_column');
    expect(r.headers).toEqual(['名字', '编号', '时间']);
    const mapped = await api().parseCards({
      fileName: 'x.csv',
      data: b64('名字,编号,时间\n张三,A1,2026-01-01\n'),
      mapping: { customer: '名字', serial: '编号', date: '时间' },
      periods,
      previewCount: 1,
      qr: false,
    });
    expect(mapped).toMatchObject({ validRows: 1, preview: [{ serial: 'A1' }] });
  });

  it('exports the valid rows to one PDF and says how many rows were left out', async () => {
    const r = await api().exportCards({
      fileName: 'cards.csv',
      periods,
      data: b64(CSV),
      format: 'pdf',
      layout: 'a4x2',
      qr: false,
    });
    expect(r.fileName).toBe('保修卡-cards.pdf');
    expect(new TextDecoder().decode(r.bytes.slice(0, 5))).toBe('%PDF-');
    expect(r.problems).toEqual([expect.objectContaining({ code: 'card_rows_skipped' })]);
  });

  it('exports DOCX too', async () => {
    const r = await api().exportCards({
      fileName: 'cards.csv',
      periods,
      data: b64(CSV),
      format: 'docx',
      layout: 'a5',
      qr: true,
    });
    expect(r.fileName).toBe('保修卡-cards.docx');
    expect(r.bytes[0]).toBe(0x50);
  });

  it('without a warranty period (no project, none typed; the built-in templates carry none) previews no card and exports none', async () => {
    const r = await api().parseCards({ fileName: 'cards.csv', data: b64(CSV), previewCount: 2, qr: false });
    expect(r).toMatchObject({ validRows: 1, preview: [] });
    expect(r.templates).toMatchObject([{ id: 'standard', components: [], periodsFrom: 'none' }]);
    expect(r.refused?.params?.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'card_periods_missing',
        '保修卡“产品保修卡”的“保修期限”未填写：请在“保修期限”中选择项目（印方案承诺的保修期），或添加部件并填写保修期后再打印',
      ],
    ]);
    await expect(
      api().exportCards({ fileName: 'cards.csv', data: b64(CSV), format: 'pdf', layout: 'a5', qr: false }),
    ).rejects.toMatchObject({ code: 'card_periods_missing' });
    // Typed periods print, as typed: the preview shows them and says where they come from.
    const typed = await api().parseCards({
      fileName: 'cards.csv',
      data: b64(CSV),
      periods: { standard: [{ name: '整机', weeks: 6 }] },
      previewCount: 1,
      qr: false,
    });
    expect(typed.refused).toBeUndefined();
    expect(typed.templates).toMatchObject([{ periodsFrom: 'edited' }]);
    expect(typed.preview[0]!.periods).toEqual([{ name: '整机', label: '6周', end: '2026年3月14日' }]);
  });

  it('leaves a field blank when the user maps it to nothing', async () => {
    const data = b64('客户名称,序列号,购买日期,经销商\n张三,SN1,2026-01-31,某经销部\n');
    const auto = await api().parseCards({ fileName: 'd.csv', data, periods, previewCount: 1, qr: false });
    expect(auto.preview[0]!.fields.find((f) => f.label === '经销商')?.value).toBe('某经销部');
    const none = await api().parseCards({
      fileName: 'd.csv',
      data,
      mapping: { dealer: '' },
      periods,
      previewCount: 1,
      qr: false,
    });
    expect(none.columns.dealer).toBeUndefined();
    expect(none.preview[0]!.fields.find((f) => f.label === '经销商')?.value).toBe('');
  });

  it('reads an XLSX upload', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['客户名称', '序列号', '安装日期']);
    ws.addRow(['张三', 'SN9', new Date(Date.UTC(2026, 0, 31))]);
    const data = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = await api().parseCards({ fileName: 'k.xlsx', data, periods, previewCount: 1, qr: false });
    expect(r).toMatchObject({ encoding: 'xlsx', sheet: '客户', validRows: 1, preview: [{ serial: 'SN9' }] });
  });

  it('rejects a layout it does not know', async () => {
    await expect(
      api().exportCards({ fileName: 'c.csv', data: b64(CSV), format: 'pdf', layout: 'a3' } as never),
    ).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('library backups', () => {
  it('lists backups newest first and restores the chosen one, keeping the damaged file aside', async () => {
    const dir = tempDir('bf-backups-');
    const store = await openStore({ dataDir: dir, program: 'test', templatesDir: 'templates' });
    await store.close();
    const api = createLocalClient(createHandlers({ templatesDir: 'templates', dataDir: dir, program: 'test' }));
    const { backups } = await api.listBackups({});
    expect(backups.length).toBeGreaterThan(0);
    const chosen = backups[backups.length - 1]!;
    writeFileSync(join(dir, 'library.json'), '{ broken');
    const r = await api.restoreBackup({ name: chosen.name });
    expect(r.restoredFrom).toBe(chosen.name);
    expect(r.replaced?.movedAsideAs).toMatch(/^library\.replaced-/);
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'backups', chosen.name), 'utf8'),
    );
    expect(readdirSync(dir).some((f) => f.startsWith('library.replaced-'))).toBe(true);
    await expect(api.restoreBackup({ name: 'library-20990101T000000000Z.json' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(api.restoreBackup({ name: '../settings.json' })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('has no backups without a data folder', async () => {
    const api = createLocalClient(createHandlers({ templatesDir: 'templates' }));
    expect(await api.listBackups({})).toEqual({ backups: [], dataDir: null });
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(true);
  });
});
