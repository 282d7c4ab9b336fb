import { useMemo, useState } from 'react';
import { Menu } from 'antd';
import { useLocation } from 'react-router-dom';
import type { Me } from '../../shared/schemas/auth.js';
import { entryForPath } from '../app/access.js';
import { useLocale } from '../i18n/locale.js';
import { buildMenuItems, groupMenuKey } from './menu-items.js';

/** The registry's menu for this user, with the current page selected and its group open. */
export function SideMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const { pick } = useLocale();
  const location = useLocation();
  const items = useMemo(() => buildMenuItems(me, pick), [me, pick]);
  const current = entryForPath(location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() =>
    current?.group ? [groupMenuKey(current.group)] : [],
  );
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={current ? [current.key] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={() => onNavigate?.()}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
