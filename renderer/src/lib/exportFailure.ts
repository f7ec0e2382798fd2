// What the composer says when an export fails, in the UI's language: how many check errors stop it (the problems
// panel lists them one by one), or the error itself worded from its code and params.
import { errorText, problemsOf } from '@core/i18n/errorText.js';
import { errorCode } from '../api.js';
import type { Locale, Translate } from '../i18n.js';

export function exportFailure(e: unknown, t: Translate, locale: Locale): string {
  if (errorCode(e) === 'check_failed')
    return t('msg.exportCheckFailed', { count: problemsOf(e).filter((p) => p.severity === 'error').length || 1 });
  return t('msg.exportFailed', { message: errorText(e, locale) });
}
