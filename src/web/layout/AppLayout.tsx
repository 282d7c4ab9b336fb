import { Suspense, useState } from 'react';
import { Button, Drawer, Layout, theme } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Outlet } from 'react-router-dom';
import type { Me } from '../../shared/schemas/auth.js';
import { PageSpin } from '../components/PageSpin.js';
import { useLocale } from '../i18n/locale.js';
import { Brand } from './Brand.js';
import { HeaderBar } from './HeaderBar.js';
import { SideMenu } from './SideMenu.js';
import { usePhone } from './use-phone.js';

/** The signed-in frame: side menu (a drawer on phones), header, and the page. */
export function AppLayout({ me }: { me: Me }) {
  const phone = usePhone();
  const { t } = useLocale();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
        >
          <SideMenu me={me} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          theme="light"
          width={224}
          collapsedWidth={64}
          collapsed={collapsed}
          trigger={null}
          className="minyi-sider"
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <div className="minyi-sider-brand">
            <Brand compact={collapsed} />
          </div>
          <SideMenu me={me} />
          <Button
            type="text"
            className="minyi-sider-toggle"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            aria-label={t('collapseMenu')}
            onClick={() => setCollapsed((value) => !value)}
          />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          className="minyi-header"
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: phone ? 8 : 24,
          }}
        >
          <HeaderBar me={me} phone={phone} onOpenMenu={() => setDrawerOpen(true)} />
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
