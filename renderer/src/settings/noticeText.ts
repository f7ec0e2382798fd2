// A settings-file notice (a damaged file kept aside, core/settings/jsonFile.ts) in the UI's language: the reason comes
// from core in Chinese (reason) and in English (reasonEn).
import type { SettingsNotice } from '@core/api/appContract.js';
import type { Locale, Translate } from '../catalog.js';

export function noticeText(n: SettingsNotice, t: Translate, locale: Locale): string {
  return t('settings.corrupt', {
    file: n.file,
    aside: n.movedAsideAs,
    reason: locale === 'en' ? n.reasonEn : n.reason,
  });
}
