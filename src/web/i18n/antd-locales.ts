import type { ConfigProviderProps } from 'antd';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import enUSModule from 'antd/es/locale/en_US.js';
import type { LocaleCode } from './localised.js';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

function isAntdLocale(value: unknown): value is AntdLocale {
  return typeof value === 'object' && value !== null && 'locale' in value;
}

/**
 * antd's locale files carry no package `exports`, so TypeScript (NodeNext) types their default
 * import as a CommonJS namespace while the bundler hands over the locale itself. Accept both.
 */
function interopLocale(module: unknown): AntdLocale {
  if (isAntdLocale(module)) return module;
  if (typeof module === 'object' && module !== null && 'default' in module && isAntdLocale(module.default))
    return module.default;
  throw new Error('antd locale could not be loaded');
}

export const antdLocales: Record<LocaleCode, AntdLocale> = {
  'zh-CN': interopLocale(zhCNModule),
  'en-US': interopLocale(enUSModule),
};
