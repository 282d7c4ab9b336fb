import type { ReactNode } from 'react';
import { Result } from 'antd';
import { Navigate, Route, Routes, useParams } from 'react-router-dom';
import { useLocale } from '../../i18n/locale.js';
import { CitizenLayout } from './CitizenLayout.js';
import './citizen.css';
import { DeputyProfilePage } from './DeputyProfilePage.js';
import { StationPublicPage } from './StationPublicPage.js';
import { MessagePage } from './MessagePage.js';
import { BookPage } from './BookPage.js';
import { TrackPage } from './TrackPage.js';
import { StationDirectoryPage } from './StationDirectoryPage.js';
import { PosterPage } from './PosterPage.js';
import type { Target } from './citizen.api.js';

function WithTarget({ kind, render }: { kind: Target['kind']; render: (target: Target) => ReactNode }) {
  const { code } = useParams();
  return code ? <>{render({ kind, code: code.toUpperCase() })}</> : <Navigate to="/m/stations" replace />;
}

function NotFound() {
  const { t } = useLocale();
  return <Result status="404" title={t('czNotFound')} subTitle={t('czNotFoundText')} />;
}

/** The public mobile site at `/m/…`: what the QR codes on the walls open. No account needed. */
export function CitizenApp() {
  const page = (element: ReactNode) => <CitizenLayout>{element}</CitizenLayout>;
  return (
    <Routes>
      <Route
        path="d/:code"
        element={page(<WithTarget kind="deputy" render={(t) => <DeputyProfilePage code={t.code} />} />)}
      />
      <Route
        path="d/:code/message"
        element={page(<WithTarget kind="deputy" render={(t) => <MessagePage target={t} />} />)}
      />
      <Route
        path="d/:code/book"
        element={page(<WithTarget kind="deputy" render={(t) => <BookPage target={t} />} />)}
      />
      <Route
        path="d/:code/poster"
        element={<WithTarget kind="deputy" render={(t) => <PosterPage target={t} />} />}
      />
      <Route
        path="s/:code"
        element={page(<WithTarget kind="station" render={(t) => <StationPublicPage code={t.code} />} />)}
      />
      <Route
        path="s/:code/message"
        element={page(<WithTarget kind="station" render={(t) => <MessagePage target={t} />} />)}
      />
      <Route
        path="s/:code/book"
        element={page(<WithTarget kind="station" render={(t) => <BookPage target={t} />} />)}
      />
      <Route
        path="s/:code/poster"
        element={<WithTarget kind="station" render={(t) => <PosterPage target={t} />} />}
      />
      <Route path="track" element={page(<TrackPage />)} />
      <Route path="track/:code" element={page(<TrackPage />)} />
      <Route path="stations" element={page(<StationDirectoryPage />)} />
      <Route path="*" element={page(<NotFound />)} />
    </Routes>
  );
}
