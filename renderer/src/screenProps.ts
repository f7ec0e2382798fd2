// What every screen gets from the shell; its own module so screens need not import App (which imports them).
import type { Locale } from './i18n.js';

export type ScreenKey = 'home' | 'composer' | 'library' | 'cards' | 'settings';
export type ScreenProps = {
  locale: Locale;
  onLocaleChange: (l: Locale) => void;
  navigate: (screen: ScreenKey) => void;
};
