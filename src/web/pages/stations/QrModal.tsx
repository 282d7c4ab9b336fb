import { Button, Flex, Modal, Skeleton, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useLocale } from '../../i18n/locale.js';
import { useQrInfo } from './stations.api.js';

export interface QrTarget {
  kind: 'deputies' | 'stations';
  id: string;
  name: string;
}

/** The QR code of a deputy or station: the stable address it holds, PNG/SVG and the A4 poster. */
export function QrModal({ target, onClose }: { target: QrTarget | null; onClose: () => void }) {
  const { t } = useLocale();
  const info = useQrInfo(target?.kind ?? 'stations', target?.id ?? null);
  return (
    <Modal
      open={target !== null}
      onCancel={onClose}
      footer={null}
      title={target ? `${target.name} · ${t('stQr')}` : ''}
      destroyOnHidden
    >
      {info.data ? (
        <Flex vertical align="center" gap={12}>
          <img src={info.data.svgUrl} alt={t('stQr')} width={220} height={220} />
          <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
            {info.data.url}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('stQrHelp')}
          </Typography.Text>
          <Flex gap={8} wrap justify="center">
            <Button
              icon={<DownloadOutlined />}
              href={info.data.pngUrl}
              download={`${target?.name ?? 'qr'}.png`}
            >
              PNG
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={info.data.svgUrl}
              download={`${target?.name ?? 'qr'}.svg`}
            >
              SVG
            </Button>
            <Button type="primary" icon={<PrinterOutlined />} href={info.data.posterUrl} target="_blank">
              {t('stPoster')}
            </Button>
          </Flex>
        </Flex>
      ) : (
        <Skeleton active />
      )}
    </Modal>
  );
}
