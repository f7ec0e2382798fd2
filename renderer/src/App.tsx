// The app shell: antd theme and locale, the UI language, and navigation between the screens.
// To fill a screen, point its entry in `screens` at your component (one line), e.g. `component: HomeScreen`.
import { BookOutlined, EditOutlined, HomeOutlined, IdcardOutlined, SettingOutlined } from '@ant-design/icons';
import { App as AntApp, ConfigProvider, Menu, theme, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { api, errorMessage } from './api.js';
import { continueLast } from './home/continueLast.js';
import { shell } from './lib/shell.js';
import { Composer } from './composer/Composer.js';
import { DEFAULT_LOCALE, I18nProvider, LOCALES, useI18n, type Locale, type MessageKey } from './i18n.js';
import { LibraryScreen } from './library/LibraryScreen.js';
import './shell.css';
import { CardsScreen } from './cards/CardsScreen.js';
import { HomeScreen } from './home/HomeScreen.js';
import { SettingsScreen } from './settings/SettingsScreen.js';
import { TeamAutoSync } from './settings/TeamAutoSync.js';
import type { ScreenKey, ScreenProps } from './screenProps.js';

const CJK_FONTS =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC"';
const LATIN_FONTS =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", "DejaVu Sans"';
// Chinese first for the Chinese UI (CJK punctuation full width, as Chinese text wants it); Latin first for the English
// UI, so its quotes and apostrophes (“single reviewer”, clause’s) are set as English ones, not as full-width CJK marks.
const UI_FONT: Record<Locale, string> = {
  'zh-CN': `${CJK_FONTS}, ${LATIN_FONTS}, sans-serif`,
  en: `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`,
};

const THEME: ThemeConfig = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1f5eb8',
    colorInfo: '#1f5eb8',
    borderRadius: 6,
    fontSize: 14,
    colorTextBase: '#1f2329',
  },
  components: {
    Collapse: { headerPadding: '12px 16px', contentPadding: '4px 16px 8px' },
    Form: { itemMarginBottom: 14, verticalLabelPadding: '0 0 4px' },
    Table: { cellPaddingBlockSM: 6, cellPaddingInlineSM: 6 },
  },
};
/** One theme per UI language (made once, so the theme object stays the same between renders). */
const THEMES: Record<Locale, ThemeConfig> = {
  'zh-CN': { ...THEME, token: { ...THEME.token, fontFamily: UI_FONT['zh-CN'] } },
  en: { ...THEME, token: { ...THEME.token, fontFamily: UI_FONT.en } },
};

/** What every screen gets from the shell (renderer/src/screenProps.ts). */
export type { ScreenKey, ScreenProps };

/** The screens, in menu order. */
export const screens: { key: ScreenKey; label: MessageKey; icon: ReactNode; component: ComponentType<ScreenProps> }[] =
  [
    { key: 'home', label: 'nav.home', icon: <HomeOutlined />, component: HomeScreen },
    { key: 'composer', label: 'nav.composer', icon: <EditOutlined />, component: Composer },
    { key: 'library', label: 'nav.library', icon: <BookOutlined />, component: LibraryScreen },
    { key: 'cards', label: 'nav.cards', icon: <IdcardOutlined />, component: CardsScreen },
    { key: 'settings', label: 'nav.settings', icon: <SettingOutlined />, component: SettingsScreen },
  ];

const LOCALE_KEY = 'bidforge.locale';
/** The app opens on 首页: the recent projects, and 「继续上次的项目」 to pick up where the user left off. */
const START_SCREEN: ScreenKey = 'home';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(LOCALE_KEY);
    if (saved && saved in LOCALES) return saved as Locale;
  } catch {
    /* storage may be unavailable */
  }
  return DEFAULT_LOCALE;
}

/** The screen named in the URL hash (#library), so a reload or a test can open one directly. */
function screenFromHash(): ScreenKey {
  const key = location.hash.replace(/^#\/?/, '');
  return screens.some((s) => s.key === key) ? (key as ScreenKey) : START_SCREEN;
}

function Shell({ locale, onLocaleChange }: { locale: Locale; onLocaleChange: (l: Locale) => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [current, setCurrent] = useState<ScreenKey>(screenFromHash);
  // Screens stay mounted once opened, so switching away never loses unsaved work. 编制 is always mounted: it receives
  // the menu's file commands and projects handed over from 首页.
  const [visited, setVisited] = useState<ScreenKey[]>(() => [...new Set<ScreenKey>([screenFromHash(), 'composer'])]);
  const navigate = (key: ScreenKey) => {
    setCurrent(key);
    setVisited((v) => (v.includes(key) ? v : [...v, key]));
    history.replaceState(null, '', `#${key}`);
  };
  /** 「继续上次的项目」 from the menu or the keyboard (首页 has the button). */
  const resume = () =>
    void continueLast(navigate).then(
      (found) => found || message.info(tRef.current('home.continueNone')),
      (e: unknown) => message.error(tRef.current('home.failed', { message: errorMessage(e, locale) })),
    );
  const tRef = useRef(t);
  tRef.current = t;
  useEffect(() => {
    const onHash = () => navigate(screenFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The desktop menu: 视图 switches screens, 新建 goes to 首页; file commands belong to 编制, which acts on them itself
  // (it is always mounted, see `visited`), so the shell only brings it to the front.
  useEffect(
    () =>
      shell.onMenu(({ command, arg }) => {
        if (command === 'screen' && screens.some((s) => s.key === arg)) navigate(arg as ScreenKey);
        else if (command === 'new') navigate('home');
        else if (command === 'continue') resume();
        else if (command !== 'screen') navigate('composer');
      }),
    [],
  );
  // The same from the keyboard in the browser host (the desktop menu owns the accelerator; browsers may keep it).
  useEffect(() => {
    if (shell.native) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey || e.key.toLowerCase() !== 't') return;
      e.preventDefault();
      resume();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="bf-shell">
      <nav className="bf-shell-nav" aria-label={t('nav.label')}>
        <div className="bf-shell-brand" title={`${t('app.name')} ${t('app.subtitle')}`}>
          <Logo />
          <span className="bf-shell-brand-name">{t('app.name')}</span>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[current]}
          onClick={(e) => navigate(e.key as ScreenKey)}
          items={screens.map((s) => ({ key: s.key, icon: s.icon, label: t(s.label), 'data-testid': `nav-${s.key}` }))}
          className="bf-shell-menu"
        />
      </nav>
      <TeamAutoSync />
      <div className="bf-shell-body">
        {screens
          .filter((s) => visited.includes(s.key))
          .map((s) => (
            <div key={s.key} className="bf-shell-screen" hidden={s.key !== current}>
              <s.component locale={locale} onLocaleChange={onLocaleChange} navigate={navigate} />
            </div>
          ))}
      </div>
    </div>
  );
}

function Logo() {
  return (
    <svg className="bf-logo" viewBox="0 0 32 32" aria-hidden="true">
      <rect x="1" y="1" width="30" height="30" rx="7" fill="currentColor" />
      <path d="M10 8h9l5 5v11a1 1 0 0 1-1 1H10a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" fill="#fff" opacity="0.95" />
      <path d="M12 15h8M12 18.5h8M12 22h5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <path d="M19 8v5h5" fill="none" stroke="currentColor" strokeWidth="1.2" opacity="0.5" />
    </svg>
  );
}

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  // The language saved in 设置 wins over the last one seen in this browser (unless the user changed it meanwhile).
  const touched = useRef(false);
  const changeLocale = (l: Locale) => {
    touched.current = true;
    setLocale(l);
  };
  useEffect(() => {
    api.getSettings({}).then(
      ({ settings }) => {
        if (!touched.current && settings.uiLanguage in LOCALES) setLocale(settings.uiLanguage);
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    shell.setLanguage(locale); // the native menu follows the UI language
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      /* ignore */
    }
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEMES[locale]}>
      <I18nProvider locale={locale}>
        <AntApp className="bf-root" message={{ top: 64, maxCount: 3 }}>
          <Shell locale={locale} onLocaleChange={changeLocale} />
        </AntApp>
      </I18nProvider>
    </ConfigProvider>
  );
}
