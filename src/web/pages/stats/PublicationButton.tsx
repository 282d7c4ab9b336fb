import { useState } from 'react';
import { App, Button, Checkbox, Modal, Typography } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { rateDefinitions, rateKeys } from '../../../shared/stats-definitions.js';
import type { RateKey } from '../../../shared/stats-definitions.js';
import { errorText } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { useStatsText } from './use-stats-text.js';
import { usePublication, useSavePublication } from './stats.api.js';

/** The office chooses which indicators the public page shows. */
export function PublicationButton({ bodyId }: { bodyId: string | null }) {
  const { t, pick } = useStatsText();
  const locale = useLocale();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const publication = usePublication(open ? bodyId : null);
  const save = useSavePublication(bodyId);
  const [chosen, setChosen] = useState<RateKey[] | null>(null);
  const value = chosen ?? publication.data?.indicators ?? [];
  return (
    <>
      <Button icon={<GlobalOutlined />} onClick={() => setOpen(true)} disabled={!bodyId}>
        {t('stPublication')}
      </Button>
      <Modal
        open={open}
        title={t('stPublication')}
        confirmLoading={save.isPending}
        onCancel={() => {
          setOpen(false);
          setChosen(null);
        }}
        onOk={() =>
          save.mutate(value, {
            onSuccess: () => {
              void message.success(t('stSaved'));
              setOpen(false);
              setChosen(null);
            },
            onError: (error) => void message.error(errorText(error, locale.t)),
          })
        }
      >
        <Typography.Paragraph type="secondary">{t('stPublicationHint')}</Typography.Paragraph>
        <Checkbox.Group<RateKey>
          value={value}
          onChange={setChosen}
          options={rateKeys.map((r) => ({ value: r, label: pick(rateDefinitions[r].label) }))}
        />
      </Modal>
    </>
  );
}
