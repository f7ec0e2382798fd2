// The UI's language for React components: a context holding the locale and its translator (the catalog is catalog.ts).
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { DEFAULT_LOCALE, translator, type Locale, type Translate } from './catalog.js';

export * from './catalog.js';

const I18nContext = createContext<{ locale: Locale; t: Translate }>({
  locale: DEFAULT_LOCALE,
  t: translator(DEFAULT_LOCALE),
});

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n() {
  return useContext(I18nContext);
}
