/** A text in both languages, Chinese first; the same shape the shared schemas use for labels. */
export interface Localised {
  zh: string;
  en: string;
}

export type LocaleCode = 'zh-CN' | 'en-US';

/** The key of a `Localised` for a locale. */
export function languageOf(locale: LocaleCode): keyof Localised {
  return locale === 'en-US' ? 'en' : 'zh';
}
