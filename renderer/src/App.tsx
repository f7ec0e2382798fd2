// The app shell: antd theme and locale, the UI language, and the one screen there is for now.
import { App as AntApp, ConfigProvider, theme, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useEffect, useState } from 'react';
import { Composer } from './composer/Composer.js';
import { DEFAULT_LOCALE, I18nProvider, LOCALES, type Locale } from './i18n.js';

const UI_FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const THEME: ThemeConfig = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1f5eb8',
    colorInfo: '#1f5eb8',
    borderRadius: 6,
    fontFamily: UI_FONT,
    fontSize: 14,
    colorTextBase: '#1f2329',
  },
  components: {
    Collapse: { headerPadding: '12px 16px', contentPadding: '4px 16px 8px' },
    Form: { itemMarginBottom: 14, verticalLabelPadding: '0 0 4px' },
    Table: { cellPaddingBlockSM: 6, cellPaddingInlineSM: 6 },
  },
};

const LOCALE_KEY = 'bidforge.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(LOCALE_KEY);
    if (saved && saved in LOCALES) return saved as Locale;
  } catch {
    /* storage may be unavailable */
  }
  return DEFAULT_LOCALE;
}

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      /* ignore */
    }
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME}>
      <I18nProvider locale={locale}>
        <AntApp className="bf-root" message={{ top: 64, maxCount: 3 }}>
          <Composer locale={locale} onLocaleChange={setLocale} />
        </AntApp>
      </I18nProvider>
    </ConfigProvider>
  );
}
