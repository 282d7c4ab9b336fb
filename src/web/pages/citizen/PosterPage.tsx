import { Button, Result, Skeleton } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { bodyLevelLabels } from '../../../shared/schemas/common.js';
import { stationKindLabels } from '../../../shared/schemas/stations.js';
import { useLocale } from '../../i18n/locale.js';
import { seatTitle, usePublicDeputy, usePublicStation } from './citizen.api.js';
import type { Target } from './citizen.api.js';
import './poster.css';

/**
 * The A4 poster for the wall (一码上墙): name, photo, level and the QR code, laid out in
 * millimetres so the browser's "print" gives one A4 page; the print button itself is not printed.
 */
export function PosterPage({ target }: { target: Target }) {
  const { t, pick } = useLocale();
  const deputy = usePublicDeputy(target.kind === 'deputy' ? target.code : undefined);
  const station = usePublicStation(target.kind === 'station' ? target.code : undefined);
  const query = target.kind === 'deputy' ? deputy : station;
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <Result status="404" title={t('czNotFound')} />;
  const qrSrc = `/api/v1/public/${target.kind === 'deputy' ? 'deputies' : 'stations'}/${target.code}/qr.svg`;
  const pageUrl = `${window.location.origin}/m/${target.kind === 'deputy' ? 'd' : 's'}/${target.code}`;
  return (
    <div className="minyi-poster-screen">
      <div className="minyi-poster-actions">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('czPrint')}
        </Button>
      </div>
      <article className="minyi-poster" data-testid="poster">
        <header className="minyi-poster-banner">
          <div className="minyi-poster-banner-title">
            {target.kind === 'deputy' ? t('czPosterTitleDeputy') : t('czPosterTitleStation')}
          </div>
          <div className="minyi-poster-banner-sub">{t('czPosterSlogan')}</div>
        </header>
        {deputy.data ? (
          <section className="minyi-poster-person">
            {deputy.data.hasPhoto ? (
              <img
                className="minyi-poster-photo"
                src={`/api/v1/public/deputies/${deputy.data.code}/photo`}
                alt={deputy.data.name}
              />
            ) : (
              <div className="minyi-poster-photo minyi-poster-photo-empty">
                {deputy.data.name.slice(0, 1)}
              </div>
            )}
            <div>
              <div className="minyi-poster-name">{deputy.data.name}</div>
              {deputy.data.seats.map((seat) => (
                <div key={seat.bodyName} className="minyi-poster-line">
                  {seatTitle(seat.bodyName, pick(bodyLevelLabels[seat.level]))}
                </div>
              ))}
              {deputy.data.stations.map((s) => (
                <div key={s.code} className="minyi-poster-line minyi-poster-muted">
                  {s.name}
                </div>
              ))}
            </div>
          </section>
        ) : null}
        {station.data ? (
          <section className="minyi-poster-person">
            <div>
              <div className="minyi-poster-name">{station.data.name}</div>
              <div className="minyi-poster-line">{pick(stationKindLabels[station.data.kind])}</div>
              <div className="minyi-poster-line minyi-poster-muted">{station.data.address}</div>
              {station.data.openingHours ? (
                <div className="minyi-poster-line minyi-poster-muted">{station.data.openingHours}</div>
              ) : null}
              <div className="minyi-poster-line minyi-poster-muted">
                {t('czPosterDeputies')}：{station.data.deputies.map((d) => d.name).join('、')}
              </div>
            </div>
          </section>
        ) : null}
        <section className="minyi-poster-code">
          <img src={qrSrc} alt={t('czQrAlt')} />
          <div className="minyi-poster-scan">{t('czPosterScan')}</div>
          <div className="minyi-poster-url">{pageUrl}</div>
        </section>
        <footer className="minyi-poster-footer">{t('czPosterFooter')}</footer>
      </article>
    </div>
  );
}
