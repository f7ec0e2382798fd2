// Settings in the data folder: defaults, atomic saves, a damaged file kept aside, the company profile and recent projects.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import type { Project } from '@core/model/project.js';
import type { VariableDecl } from '@core/model/variables.js';
import {
  fillFromProfile,
  RECENT_MAX,
  searchRecent,
  settingsSchema,
  SettingsStore,
  withRecent,
  type CompanyProfile,
} from '@core/settings/index.js';
import { tempDir } from '../helpers/tmp.js';

const profile = (p: Partial<CompanyProfile>): CompanyProfile => settingsSchema.parse({ company: p }).company;
const text = (key: string, def?: string): [string, VariableDecl] => [
  key,
  { key, type: 'text', label: key, required: true, ...(def === undefined ? {} : { default: def }) } as VariableDecl,
];
const project = (values: Record<string, unknown>, extra: Partial<Project> = {}): Project => ({
  schema: 1,
  name: 'p',
  title: '某医院项目',
  blueprint: 'service-plan',
  projectNo: '',
  bidder: '',
  date: '2026-11-24',
  script: 'hans',
  values,
  ...extra,
});

describe('settings file', () => {
  it('starts with defaults when the data folder has no settings yet', async () => {
    const { settings, notices } = await new SettingsStore({ dataDir: tempDir() }).get();
    expect(settings).toMatchObject({ userName: '', defaultScript: 'hans', uiLanguage: 'zh-CN', company: { name: '' } });
    expect(notices).toEqual([]);
  });

  it('keeps what was saved for the next start, written without leftover temp files', async () => {
    const dir = tempDir();
    await new SettingsStore({ dataDir: dir }).save({
      userName: '王工',
      defaultScript: 'hant',
      company: { name: '华信制冷设备有限公司', hotline: '400-820-6688' },
    });
    const { settings } = await new SettingsStore({ dataDir: dir }).get();
    expect(settings).toMatchObject({
      userName: '王工',
      defaultScript: 'hant',
      company: { name: '华信制冷设备有限公司', hotline: '400-820-6688' },
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is readable by its owner only, since it holds the 团队库 token (also after an older, open file is rewritten)', async () => {
    const dir = tempDir();
    const path = join(dir, 'settings.json');
    writeFileSync(path, '{}\n', { mode: 0o644 });
    await new SettingsStore({ dataDir: dir }).save({
      teamServer: { url: 'https://library.example.cn', token: `bft_${'a'.repeat(32)}`, auto: true },
    });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect((await new SettingsStore({ dataDir: dir }).get()).settings.teamServer?.url).toBe(
      'https://library.example.cn',
    );
  });

  it('moves a damaged settings file aside, says so, and never loses its text', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{"userName": "王工", oops');
    const { settings, notices } = await new SettingsStore({
      dataDir: dir,
      clock: () => new Date('2026-11-24T08:00:00Z'),
    }).get();
    expect(settings.userName).toBe('');
    expect(notices).toEqual([
      expect.objectContaining({
        code: 'settings_corrupt',
        file: 'settings.json',
        movedAsideAs: 'settings.corrupt-20261124T080000000Z.json',
      }),
    ]);
    expect(readFileSync(join(dir, notices[0]!.movedAsideAs), 'utf8')).toBe('{"userName": "王工", oops');
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
  });

  it('refuses a logo that is not a small PNG or JPEG', () => {
    expect(settingsSchema.safeParse({ company: { logo: 'data:image/gif;base64,R0lGOD==' } }).success).toBe(false);
    expect(
      settingsSchema.safeParse({ company: { logo: `data:image/png;base64,${'A'.repeat(400_000)}` } }).success,
    ).toBe(false);
    expect(settingsSchema.safeParse({ company: { logo: 'data:image/png;base64,iVBORw0KGgo=' } }).success).toBe(true);
  });

  it('refuses a malformed 统一社会信用代码', () => {
    expect(settingsSchema.safeParse({ company: { creditCode: '12345' } }).success).toBe(false);
    expect(settingsSchema.safeParse({ company: { creditCode: '91310000MA1FL1234X' } }).success).toBe(true);
  });
});

describe('company profile fills a new project', () => {
  const decls = new Map([
    text('company_name'),
    text('hotline'),
    text('service_hours', '周一至周五 9:00–18:00'),
    text('party_b_bank_account'),
    text('address'),
  ]);
  const company = profile({
    name: '华信制冷设备有限公司',
    hotline: '400-820-6688',
    serviceHours: '7×24 小时',
    bankAccount: '6222 0000 1111',
    address: '',
  });

  it('fills empty values and values still at their default', () => {
    const p = fillFromProfile(project({ service_hours: '周一至周五 9:00–18:00' }), decls, company);
    expect(p.values).toMatchObject({
      company_name: '华信制冷设备有限公司',
      hotline: '400-820-6688',
      service_hours: '7×24 小时',
      party_b_bank_account: '6222 0000 1111',
    });
    expect(p.bidder).toBe('华信制冷设备有限公司');
  });

  it('never overwrites what the writer typed, and leaves a field empty when the profile is', () => {
    const p = fillFromProfile(project({ hotline: '010-12345678' }, { bidder: '另一家公司' }), decls, company);
    expect(p.values.hotline).toBe('010-12345678');
    expect(p.bidder).toBe('另一家公司');
    expect(p.values).not.toHaveProperty('address');
  });

  it('fills only keys the blueprint declares', () => {
    const p = fillFromProfile(project({}), new Map([text('hotline')]), company);
    expect(Object.keys(p.values)).toEqual(['hotline']);
  });

  it('newProject starts with the saved company name and default script', async () => {
    const api = createLocalClient(createHandlers({ templatesDir: 'templates' }));
    await api.saveSettings({
      settings: settingsSchema.parse({
        defaultScript: 'hant',
        company: { name: '华信制冷设备有限公司', hotline: '400-820-6688' },
      }),
    });
    const { project: p } = await api.newProject({ blueprint: 'service-plan' });
    expect(p.values.company_name).toBe('华信制冷设备有限公司');
    expect(p.values.hotline).toBe('400-820-6688');
    expect(p.bidder).toBe('华信制冷设备有限公司');
    expect(p.script).toBe('hant');
  });
});

describe('recent projects', () => {
  it('puts the latest first, once, and keeps the newest twenty', () => {
    let list = withRecent([], project({}, { id: 'a' }), '2026-11-24T08:00:00Z');
    list = withRecent(list, project({}, { id: 'b' }), '2026-11-24T09:00:00Z');
    list = withRecent(list, project({}, { id: 'a', title: '改名' }), '2026-11-24T10:00:00Z');
    expect(list.map((e) => [e.id, e.title])).toEqual([
      ['a', '改名'],
      ['b', '某医院项目'],
    ]);
    for (let i = 0; i < 30; i++) list = withRecent(list, project({}, { id: `n${i}` }), '2026-11-24T11:00:00Z');
    expect(list).toHaveLength(RECENT_MAX);
  });

  it('finds a project by a word in its title or in a table value, ignoring case and width', () => {
    const list = withRecent(
      withRecent([], project({ fee_items: [{ item: '上门服务', note: 'VIP 客户' }] }, { id: 'a' }), 't'),
      project({}, { id: 'b', title: '学校空调项目' }),
      't',
    );
    expect(searchRecent(list, '学校').map((h) => h.id)).toEqual(['b']);
    const [hit] = searchRecent(list, 'ｖｉｐ');
    expect(hit).toMatchObject({ id: 'a', matches: [{ where: 'fee_items', text: 'VIP 客户' }] });
    expect(searchRecent(list, '医院 上门').map((h) => h.id)).toEqual(['a']);
    expect(searchRecent(list, '  ')).toEqual([]);
  });

  it('are kept in the data folder and reopen as they were saved', async () => {
    const dir = tempDir();
    const p = project({ hotline: '400' }, { id: 'plan-1' });
    await new SettingsStore({ dataDir: dir }).record(p);
    const again = new SettingsStore({ dataDir: dir });
    expect((await again.listRecent()).map((e) => e.id)).toEqual(['plan-1']);
    expect((await again.open('plan-1'))?.project).toEqual(p);
  });

  it('records concurrent saves without losing one', async () => {
    const s = new SettingsStore({ dataDir: tempDir() });
    await Promise.all(Array.from({ length: 8 }, (_, i) => s.record(project({}, { id: `p${i}` }))));
    expect(await s.listRecent()).toHaveLength(8);
  });
});
