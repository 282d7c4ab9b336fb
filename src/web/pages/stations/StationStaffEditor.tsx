import { useEffect, useState } from 'react';
import { App, Button, Flex, Select, Typography } from 'antd';
import type { StationDetail } from '../../../shared/schemas/stations.js';
import { showError } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { useSetStationStaff, useStaffCandidates } from './stations.api.js';

interface Chosen {
  value: string;
  label: string;
}

/** The station's staff: accounts who handle its messages, appointments and reception records. */
export function StationStaffEditor({ station, canEdit }: { station: StationDetail; canEdit: boolean }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const candidates = useStaffCandidates(canEdit ? station.id : null, typed.trim());
  const save = useSetStationStaff();

  useEffect(() => {
    setChosen(station.staff.map((s) => ({ value: s.userId, label: s.displayName })));
  }, [station.staff]);

  if (!canEdit)
    return station.staff.length > 0 ? (
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {t('stStaff')}：{station.staff.map((s) => s.displayName).join('、')}
      </Typography.Paragraph>
    ) : null;

  const options = [
    ...chosen,
    ...(candidates.data ?? [])
      .filter((c) => !chosen.some((x) => x.value === c.userId))
      .map((c) => ({ value: c.userId, label: `${c.displayName}（${c.username}）` })),
  ];
  const submit = async () => {
    try {
      await save.mutateAsync({ id: station.id, userIds: chosen.map((c) => c.value) });
      message.success(t('saved'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  return (
    <Flex vertical gap={8} style={{ marginTop: 16 }}>
      <Typography.Text strong>{t('stStaff')}</Typography.Text>
      <Typography.Text type="secondary">{t('stStaffHelp')}</Typography.Text>
      <Select<Chosen[]>
        mode="multiple"
        labelInValue
        aria-label={t('stStaff')}
        placeholder={t('stStaffPlaceholder')}
        showSearch={{ filterOption: false, onSearch: setTyped }}
        loading={candidates.isFetching}
        value={chosen}
        options={options}
        onChange={(value) => setChosen(value.map((v) => ({ value: v.value, label: String(v.label) })))}
      />
      <div>
        <Button loading={save.isPending} onClick={() => void submit()}>
          {t('stStaffSave')}
        </Button>
      </div>
    </Flex>
  );
}
