import { useEffect, useState } from 'react';
import { App, Button, Drawer, Empty, Flex, List, Select, Tag, Typography, Upload } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import type { Station } from '../../../shared/schemas/stations.js';
import { bodyLevelLabels } from '../../../shared/schemas/common.js';
import type { BodyLevel } from '../../../shared/schemas/common.js';
import { showError } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { useDeputies } from '../deputies/deputies.api.js';
import { useSetStationDeputies, useStation, useUploadStationPhoto } from './stations.api.js';
import { StationStaffEditor } from './StationStaffEditor.js';

interface Member {
  deputyId: string;
  name: string;
  levels: BodyLevel[];
}

/** 编组进站: the station's deputies in rotation order, added from every level; and its photo. */
export function StationDeputiesDrawer({
  station,
  onClose,
}: {
  station: Station | null;
  onClose: () => void;
}) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const detail = useStation(station?.id ?? null);
  const save = useSetStationDeputies();
  const upload = useUploadStationPhoto();
  const [members, setMembers] = useState<Member[]>([]);
  const [typed, setTyped] = useState('');
  const candidates = useDeputies(
    { q: typed.trim() || undefined, status: 'active', page: 1, pageSize: 20 },
    station !== null,
  );
  const canEdit = detail.data?.canEdit ?? false;

  useEffect(() => {
    if (detail.data)
      setMembers(detail.data.deputies.map(({ deputyId, name, levels }) => ({ deputyId, name, levels })));
  }, [detail.data]);

  const move = (index: number, by: number) =>
    setMembers((current) => {
      const next = [...current];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });
  const submit = async () => {
    if (!station) return;
    try {
      await save.mutateAsync({ id: station.id, deputyIds: members.map((m) => m.deputyId) });
      message.success(t('saved'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  return (
    <Drawer
      open={station !== null}
      onClose={onClose}
      size={520}
      title={station ? `${station.name} · ${t('stDeputies')}` : ''}
      extra={
        canEdit ? (
          <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
            {t('save')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('stDeputiesHelp')}</Typography.Paragraph>
      {canEdit ? (
        <Select<string>
          showSearch={{ filterOption: false, onSearch: setTyped }}
          value={null}
          placeholder={t('stAddDeputy')}
          style={{ width: '100%', marginBottom: 12 }}
          loading={candidates.isFetching}
          options={(candidates.data?.items ?? [])
            .filter((d) => !members.some((m) => m.deputyId === d.id))
            .map((d) => ({
              value: d.id,
              label: `${d.name}（${d.seats
                .filter((s) => s.status === 'active')
                .map((s) => s.bodyName)
                .join('、')}）`,
            }))}
          onChange={(id) => {
            const deputy = candidates.data?.items.find((d) => d.id === id);
            if (deputy)
              setMembers((current) => [
                ...current,
                {
                  deputyId: deputy.id,
                  name: deputy.name,
                  levels: deputy.seats.filter((s) => s.status === 'active').map((s) => s.level),
                },
              ]);
          }}
        />
      ) : null}
      {members.length === 0 ? (
        <Empty description={t('stNoDeputies')} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={members}
          renderItem={(member, index) => (
            <List.Item
              actions={
                canEdit
                  ? [
                      <Button
                        key="up"
                        size="small"
                        type="text"
                        icon={<ArrowUpOutlined />}
                        disabled={index === 0}
                        aria-label={t('stMoveUp')}
                        onClick={() => move(index, -1)}
                      />,
                      <Button
                        key="down"
                        size="small"
                        type="text"
                        icon={<ArrowDownOutlined />}
                        disabled={index === members.length - 1}
                        aria-label={t('stMoveDown')}
                        onClick={() => move(index, 1)}
                      />,
                      <Button
                        key="remove"
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('stRemove')}
                        onClick={() =>
                          setMembers((current) => current.filter((m) => m.deputyId !== member.deputyId))
                        }
                      />,
                    ]
                  : []
              }
            >
              <Flex gap={8} align="center" wrap>
                <Typography.Text type="secondary">{index + 1}</Typography.Text>
                <span>{member.name}</span>
                {member.levels.map((level) => (
                  <Tag key={level}>{pick(bodyLevelLabels[level])}</Tag>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {detail.data ? <StationStaffEditor station={detail.data} canEdit={canEdit} /> : null}
      {canEdit && station ? (
        <Flex vertical gap={8} style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('stPhoto')}</Typography.Text>
          <Upload
            accept="image/jpeg,image/png,image/webp"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload
                .mutateAsync({ id: station.id, file })
                .then(() => message.success(t('saved')))
                .catch((error: unknown) => showError(message, error, t));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {detail.data?.hasPhoto ? t('stPhotoReplace') : t('stPhotoUpload')}
            </Button>
          </Upload>
        </Flex>
      ) : null}
    </Drawer>
  );
}
