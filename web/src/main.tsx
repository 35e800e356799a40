import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from './modules/auth/LoginPage';
import { canOpen } from './navigation';
import { ROUTES } from './routes';
import { ApiError } from './shared/api';
import { Forbidden, Shell } from './shared/Shell';
import { SessionProvider, useSession } from './shared/session';

dayjs.locale('zh-cn');

// The forced password change (an administrator set the password) shows this page without the shell.
const ChangePasswordPage = lazy(() => import('./modules/auth/ChangePasswordPage'));

/**
 * antd's default greys, links and light tag colours fall below the 4.5:1 contrast that WCAG 2.1 AA
 * (GB/T 37668) asks for text: darker shades here, checked by axe-core in the page walk.
 */
const THEME: ThemeConfig = {
  token: {
    // Users who asked their system for less motion (WCAG 2.3.3) get no sliding or zooming popups.
    motion: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    colorPrimary: '#1d4ed8',
    colorLink: '#1d4ed8',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    // A field's error message is text to read: antd's #ff4d4f is 3.2:1 on white, this red 6.6:1.
    colorError: '#cf1322',
  },
  components: {
    // A table's empty state ("尚未运行批量评价…") is text to read, not a disabled control.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
    // The light Tag presets write their text in the 7th shade (3.4:1 on their background for
    // green, orange, gold…): the 8th/9th shades instead.
    Tag: {
      green7: '#237804',
      orange7: '#ad4e00',
      gold7: '#874d00',
      volcano7: '#ad2102',
      cyan7: '#006d75',
      lime7: '#3f6600',
      yellow7: '#876800',
      magenta7: '#9e1068',
    },
  },
};

const queryClient: QueryClient = new QueryClient({
  // A session that ended on the server (idle, expired, logged out elsewhere) shows the login page.
  queryCache: new QueryCache({
    onError: (error, q) => {
      if (error instanceof ApiError && error.status === 401 && q.queryKey[0] !== 'me') queryClient.setQueryData(['me'], null);
      // An administrator set a new password meanwhile: the session query brings up the change page.
      if (error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED') queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function Routed() {
  const { user, mustChangePassword, loading } = useSession();
  if (loading) return null;
  if (!user) {
    return (
      <Routes>
        {/* Public pages (the calculator): they store nothing. */}
        {ROUTES.filter((route) => route.public).map(({ path, page: Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <Suspense fallback={null}>
                <div style={{ padding: 24 }}>
                  <Page />
                </div>
              </Suspense>
            }
          />
        ))}
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  // A password an administrator set: nothing but changing it (the server refuses everything else too).
  if (mustChangePassword) {
    return (
      <Suspense fallback={null}>
        <ChangePasswordPage forced />
      </Suspense>
    );
  }
  return (
    <Shell>
      <Suspense fallback={null}>
        <Routes>
          {ROUTES.map((route) => {
            const Page = route.page;
            return <Route key={route.path} path={route.path} element={canOpen(user.role, route) ? <Page /> : <Forbidden />} />;
          })}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <Routed />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
