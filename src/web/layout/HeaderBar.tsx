import { App, Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { LogoutOutlined, MenuOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { Me } from '../../shared/schemas/auth.js';
import { roleLabels } from '../../shared/role-labels.js';
import { distinctRoles } from '../auth/roles.js';
import { useSession } from '../auth/session.js';
import { RoleTags } from '../components/RoleTags.js';
import { useLocale } from '../i18n/locale.js';
import { NotificationBell } from '../pages/notifications/NotificationBell.js';
import { Brand } from './Brand.js';

interface HeaderBarProps {
  me: Me;
  phone: boolean;
  onOpenMenu: () => void;
}

/** Brand (on phones, with the menu button), notifications, language switch and the user's menu. */
export function HeaderBar({ me, phone, onOpenMenu }: HeaderBarProps) {
  const { t, pick, locale, setLocale } = useLocale();
  const { logout } = useSession();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const roles = distinctRoles(me);

  const confirmLogout = () =>
    modal.confirm({
      title: t('logoutConfirm'),
      okText: t('logout'),
      cancelText: t('cancel'),
      onOk: () => logout(),
    });

  const userMenu: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <Flex vertical style={{ maxWidth: 260 }}>
          <Typography.Text strong>{me.displayName}</Typography.Text>
          <Typography.Text type="secondary" style={{ whiteSpace: 'normal' }}>
            {roles.map((role) => pick(roleLabels[role])).join('、')}
          </Typography.Text>
        </Flex>
      ),
    },
    { type: 'divider' },
    { key: 'account', icon: <UserOutlined />, label: t('accountTitle'), onClick: () => navigate('/account') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('logout'), danger: true, onClick: confirmLogout },
  ];

  return (
    <Flex
      align="center"
      justify="space-between"
      gap={8}
      style={{ height: '100%', width: '100%', minWidth: 0 }}
    >
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        {phone ? (
          <>
            <Button type="text" icon={<MenuOutlined />} aria-label={t('openMenu')} onClick={onOpenMenu} />
            <Brand />
          </>
        ) : null}
      </Flex>
      <Flex align="center" gap={phone ? 4 : 12} style={{ minWidth: 0 }}>
        <NotificationBell />
        <Button
          type="text"
          icon={<TranslationOutlined />}
          title={t('languageSwitchTitle')}
          onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
        >
          {t('languageSwitch')}
        </Button>
        <Dropdown menu={{ items: userMenu }} trigger={['click']} placement="bottomRight">
          <Button type="text" style={{ height: 'auto', paddingBlock: 4, minWidth: 0 }}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              <Avatar size="small" icon={<UserOutlined />} style={{ flex: 'none' }} />
              {phone ? null : (
                <>
                  <Typography.Text strong ellipsis style={{ maxWidth: 160 }}>
                    {me.displayName}
                  </Typography.Text>
                  <span className="minyi-header-roles">
                    <RoleTags roles={roles} max={2} />
                  </span>
                </>
              )}
            </Flex>
          </Button>
        </Dropdown>
      </Flex>
    </Flex>
  );
}
