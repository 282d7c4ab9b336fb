import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntdApp, ConfigProvider } from 'antd';
import { QueryClientProvider } from '@tanstack/react-query';
import 'antd/dist/reset.css';
import './styles.css';
import { queryClient } from './api/query-client.js';
import { AppRouter } from './App.js';
import { antdLocales } from './i18n/antd-locales.js';
import { LocaleProvider, useLocale } from './i18n/locale.js';

const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

function ThemedApp() {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={antdLocales[locale]}
      theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 6, fontFamily } }}
    >
      <AntdApp>
        <AppRouter />
      </AntdApp>
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <ThemedApp />
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
