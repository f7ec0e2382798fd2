// Settings, company profile and recent projects, kept in the data folder.
export {
  companyProfileSchema,
  defaultSettings,
  LOGO_MAX_BYTES,
  settingsSchema,
  SETTINGS_SCHEMA_VERSION,
  type CompanyProfile,
  type Settings,
  type SettingsInput,
} from './schema.js';
export { fillFromProfile, PROFILE_KEYS } from './profile.js';
export {
  RECENT_MAX,
  searchRecent,
  withRecent,
  type ProjectHit,
  type RecentEntry,
  type RecentSummary,
} from './recent.js';
export { RECENT_FILE, SETTINGS_FILE, SettingsStore, type SettingsStoreOptions } from './store.js';
export type { FileNotice } from './jsonFile.js';
