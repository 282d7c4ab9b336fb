import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import {
  createBrowserRouter,
  Navigate,
  Outlet,
  RouterProvider,
  useLocation,
  useNavigate,
} from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { canOpen } from './app/access.js';
import { pageRegistry } from './app/registry.js';
import type { PageEntry } from './app/registry.js';
import { isSessionComplete, SessionProvider, useSession } from './auth/session.js';
import type { LoginRedirectState } from './auth/session.js';
import { PageSpin } from './components/PageSpin.js';
import { useLocale } from './i18n/locale.js';
import { AppLayout } from './layout/AppLayout.js';

const LoginPage = lazy(async () => ({ default: (await import('./pages/login/LoginPage.js')).LoginPage }));
// The public pages behind the QR codes (`/m/…`): no session, no staff menu.
const CitizenApp = lazy(async () => ({
  default: (await import('./pages/citizen/CitizenApp.js')).CitizenApp,
}));
// No sign-in: the public proposes livelihood projects and reads their published results.
const PublicLivelihoodPage = lazy(async () => ({
  default: (await import('./pages/public/PublicLivelihoodPage.js')).PublicLivelihoodPage,
}));
// No sign-in: the public portal of disclosed suggestions (建议公开).
const PortalListPage = lazy(async () => ({
  default: (await import('./pages/portal/PortalListPage.js')).PortalListPage,
}));
// No sign-in: the indicators each congress publishes (办理情况公开).
const PublicStatsPage = lazy(async () => ({
  default: (await import('./pages/stats/PublicStatsPage.js')).PublicStatsPage,
}));
const PortalDetailPage = lazy(async () => ({
  default: (await import('./pages/portal/PortalDetailPage.js')).PortalDetailPage,
}));

function Root() {
  return (
    <SessionProvider>
      <Outlet />
    </SessionProvider>
  );
}

/** The signed-in app; anyone else (or with a step pending) goes to the login page. */
function SignedInShell() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageSpin fullScreen />;
  if (!isSessionComplete(me)) {
    const state: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return <AppLayout me={me} />;
}

function NoticePage({ status, title, text }: { status: '403' | '404'; title: string; text: string }) {
  const { t } = useLocale();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={title}
      subTitle={text}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('backHome')}
        </Button>
      }
    />
  );
}

function Forbidden() {
  const { t } = useLocale();
  return <NoticePage status="403" title={t('forbiddenTitle')} text={t('forbiddenText')} />;
}

function NotFound() {
  const { t } = useLocale();
  return <NoticePage status="404" title={t('notFoundTitle')} text={t('notFoundText')} />;
}

/** A registry page behind its role check (the server checks again; this only avoids dead ends). */
function RegisteredPage({ entry }: { entry: PageEntry }) {
  const { me } = useSession();
  if (!me || !canOpen(me, entry)) return <Forbidden />;
  const Page = entry.page;
  return <Page />;
}

function pageRoute(entry: PageEntry): RouteObject {
  const element: ReactNode = <RegisteredPage entry={entry} />;
  return entry.path === '/' ? { index: true, element } : { path: entry.path, element };
}

const router = createBrowserRouter([
  {
    path: '/m/*',
    element: (
      <Suspense fallback={<PageSpin fullScreen />}>
        <CitizenApp />
      </Suspense>
    ),
  },
  {
    element: <Root />,
    children: [
      {
        path: '/login',
        element: (
          <Suspense fallback={<PageSpin fullScreen />}>
            <LoginPage />
          </Suspense>
        ),
      },
      ...['/public/livelihood', '/public/livelihood/:id'].map((path) => ({
        path,
        element: (
          <Suspense fallback={<PageSpin fullScreen />}>
            <PublicLivelihoodPage />
          </Suspense>
        ),
      })),
      {
        path: '/public/stats',
        element: (
          <Suspense fallback={<PageSpin fullScreen />}>
            <PublicStatsPage />
          </Suspense>
        ),
      },
      {
        path: '/public/suggestions',
        element: (
          <Suspense fallback={<PageSpin fullScreen />}>
            <PortalListPage />
          </Suspense>
        ),
      },
      {
        path: '/public/suggestions/:id',
        element: (
          <Suspense fallback={<PageSpin fullScreen />}>
            <PortalDetailPage />
          </Suspense>
        ),
      },
      {
        path: '/',
        element: <SignedInShell />,
        children: [...pageRegistry.map(pageRoute), { path: '*', element: <NotFound /> }],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
