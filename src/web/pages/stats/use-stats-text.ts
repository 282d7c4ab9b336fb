import { fillTemplate, useLocale } from '../../i18n/locale.js';
import type { MessageParams } from '../../i18n/locale.js';
import type { StatsMessageKey } from './stats.messages.js';
import { statsMessages } from './stats.messages.js';

/** `t` for the statistics pages' own texts, plus `pick` for labels from the shared definitions. */
export function useStatsText() {
  const { pick } = useLocale();
  const t = (key: StatsMessageKey, params?: MessageParams) => fillTemplate(pick(statsMessages[key]), params);
  return { t, pick };
}
