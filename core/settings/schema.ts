// The user's settings (settings.json in the data folder): who they are, their company, and UI defaults.
import { z } from 'zod';
import { normalizeName } from '../text/names.js';
import { teamServerSchema } from './teamSchema.js';
import { teamFolderSettingsSchema } from '../teamFolder/settingsSchema.js';

export const SETTINGS_SCHEMA_VERSION = 1;
/** A logo is embedded in documents and stored in settings.json: keep it small. */
export const LOGO_MAX_BYTES = 256 * 1024;
/** base64 grows 4/3; the data-URL prefix adds a few characters. */
const LOGO_MAX_CHARS = Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 40;

const text = (max: number) => z.string().trim().max(max).default('');

export const logoSchema = z
  .string()
  .max(LOGO_MAX_CHARS, `徽标图片不能超过 ${LOGO_MAX_BYTES / 1024} KB`)
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, '徽标须为 PNG 或 JPEG 图片（data URL）');

export const companyProfileSchema = z.object({
  name: text(200),
  address: text(300),
  hotline: text(50),
  serviceHours: text(200),
  bankName: text(200),
  bankAccount: text(60),
  legalRepresentative: text(50),
  creditCode: z
    .string()
    .trim()
    .max(18)
    .regex(/^$|^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为 18 位数字或大写字母')
    .default(''),
  logo: logoSchema.optional(),
});
export type CompanyProfile = z.infer<typeof companyProfileSchema>;

export const settingsSchema = z.object({
  schema: z.literal(SETTINGS_SCHEMA_VERSION).default(SETTINGS_SCHEMA_VERSION),
  /** Normalised like every name (core/text/names.ts); SettingsStore.save refuses invisible characters in it. */
  userName: text(50).transform(normalizeName),
  /** Single-reviewer mode: a clause's author may approve their own version; its history records 单人审核. */
  singleReviewer: z.boolean().default(false),
  defaultScript: z.enum(['hans', 'hant']).default('hans'),
  uiLanguage: z.enum(['zh-CN', 'en']).default('zh-CN'),
  company: companyProfileSchema.default(() => companyProfileSchema.parse({})),
  /** 团队库: the team server this folder syncs with (core/settings/teamSchema.ts, core/teamSync). */
  teamServer: teamServerSchema.optional(),
  /** 团队库 without a server: the shared folder of signed packs (core/teamFolder/settingsSchema.ts). */
  teamFolder: teamFolderSettingsSchema.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;
/** What a caller may send: every field optional, defaults filled in. */
export type SettingsInput = z.input<typeof settingsSchema>;

export const defaultSettings = (): Settings => settingsSchema.parse({});
