import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { setApiLanguage } from '../api/client.js';
import { setDayjsLocale } from '../format/time.js';
import { dictionary } from './dictionary.js';
import type { MessageKey } from './dictionary.js';
import { languageOf } from './localised.js';
import type { Localised, LocaleCode } from './localised.js';

const storageKey = 'minyi.locale';

export type MessageParams = Record<string, string | number>;

export interface LocaleContextValue {
  locale: LocaleCode;
  setLocale: (locale: LocaleCode) => void;
  /** A dictionary string with `{name}` placeholders filled in. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** The current language's side of a `{ zh, en }` label (shared labels such as `roleLabels`). */
  pick: (text: Localised) => string;
}

function storedLocale(): LocaleCode {
  try {
    return window.localStorage.getItem(storageKey) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Everything outside React that follows the language: API header, dayjs, `<html lang>`. */
function applyLocale(locale: LocaleCode): void {
  setApiLanguage(locale);
  setDayjsLocale(locale);
  document.documentElement.lang = locale;
}

export function fillTemplate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

/** Chinese by default; English when chosen, remembered in this browser. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<LocaleCode>(() => {
    const initial = storedLocale();
    applyLocale(initial);
    return initial;
  });

  const setLocale = useCallback((next: LocaleCode) => {
    applyLocale(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<LocaleContextValue>(() => {
    const language = languageOf(locale);
    return {
      locale,
      setLocale,
      t: (key, params) => fillTemplate(dictionary[key][language], params),
      pick: (text) => text[language],
    };
  }, [locale, setLocale]);

  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}
