import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Me } from '../../shared/schemas/auth.js';
import { visiblePages } from '../app/access.js';
import { menuGroups } from '../app/registry.js';
import type { MenuGroupKey } from '../app/registry.js';
import type { LocaleContextValue } from '../i18n/locale.js';

type MenuItem = NonNullable<MenuProps['items']>[number];

export function groupMenuKey(group: MenuGroupKey): string {
  return `group:${group}`;
}

/** The side menu from the registry: the user's pages, grouped where an entry names a group. */
export function buildMenuItems(me: Me, pick: LocaleContextValue['pick']): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<MenuGroupKey, MenuItem[]>();
  for (const entry of visiblePages(me)) {
    if (entry.hideInMenu) continue;
    const item: MenuItem = {
      key: entry.key,
      icon: entry.icon,
      label: <Link to={entry.path}>{pick(entry.label)}</Link>,
    };
    if (!entry.group) {
      items.push(item);
      continue;
    }
    let children = groups.get(entry.group);
    if (!children) {
      // The group takes the place of its first visible page.
      children = [];
      groups.set(entry.group, children);
      const group = menuGroups[entry.group];
      items.push({ key: groupMenuKey(entry.group), icon: group.icon, label: pick(group.label), children });
    }
    children.push(item);
  }
  return items;
}
