import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api';
import { LoginPage } from './pages/LoginPage';
import { Shell } from './Shell';
import { SessionProvider, useSession } from './session';

dayjs.locale('zh-cn');

const HomePage = lazy(() => import('./pages/HomePage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const EnterprisesPage = lazy(() => import('./pages/EnterprisesPage'));
const ReferencePage = lazy(() => import('./pages/ReferencePage'));
const EnterpriseDetailPage = lazy(() => import('./pages/EnterpriseDetailPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const SelfAssessmentPage = lazy(() => import('./pages/SelfAssessmentPage'));
const PipelinePoolPage = lazy(() => import('./pages/PipelinePoolPage'));
const RuleSetsPage = lazy(() => import('./pages/RuleSetsPage'));

const queryClient: QueryClient = new QueryClient({
  // A session that ended on the server (idle, expired, logged out elsewhere) shows the login page.
  queryCache: new QueryCache({
    onError: (error, q) => {
      if (error instanceof ApiError && error.status === 401 && q.queryKey[0] !== 'me') queryClient.setQueryData(['me'], null);
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
  const { user, loading } = useSession();
  if (loading) return null;
  if (!user) {
    return (
      <Routes>
        {/* The calculator is public: it stores nothing. */}
        <Route
          path="/calculator"
          element={
            <Suspense fallback={null}>
              <div style={{ padding: 24 }}>
                <SelfAssessmentPage />
              </div>
            </Suspense>
          }
        />
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  return (
    <Shell>
      <Suspense fallback={null}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/enterprises" element={<EnterprisesPage />} />
          <Route path="/enterprises/import" element={<ImportPage />} />
          <Route path="/enterprises/:id" element={<EnterpriseDetailPage />} />
          <Route path="/admin/users" element={<UsersPage />} />
          <Route path="/admin/audit" element={<AuditPage />} />
          <Route path="/reference" element={<ReferencePage />} />
          <Route path="/self-assessment" element={<SelfAssessmentPage />} />
          <Route path="/evaluations/pool" element={<PipelinePoolPage />} />
          <Route path="/evaluations/rules" element={<RuleSetsPage />} />
          <Route path="/calculator" element={<SelfAssessmentPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1d4ed8' } }}>
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
