import { useState } from 'react';
import { Button, Card, Flex, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, SafetyOutlined } from '@ant-design/icons';
import { roleLabels } from '../../../shared/role-labels.js';
import type { User } from '../../../shared/schemas/users.js';
import { ImportExport } from '../../components/ImportExport/ImportExport.js';
import { OneTimeSecretModal } from '../../components/OneTimeSecretModal.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { RoleTags } from '../../components/RoleTags.js';
import { formatDateTime, isInFuture } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useBodies } from '../bodies/bodies.api.js';
import { UserActions } from './UserActions.js';
import { UserFilters } from './UserFilters.js';
import { UserFormModal } from './UserFormModal.js';
import type { UserDialog } from './UserFormModal.js';
import { useUsers } from './users.api.js';
import type { UserQuery } from './users.api.js';

interface OneTimePassword {
  title: string;
  description: string;
  password: string;
}

/** Accounts of the bodies this administrator manages: find, create, edit, reset, unlock. */
export function UsersPage() {
  const { t, pick } = useLocale();
  const [query, setQuery] = useState<UserQuery>({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<UserDialog>(null);
  const [secret, setSecret] = useState<OneTimePassword | null>(null);
  const users = useUsers(query);
  const bodies = useBodies();
  const body = bodies.data?.find((candidate) => candidate.id === query.bodyId);
  const filter = (change: UserQuery) => setQuery((current) => ({ ...current, ...change, page: 1 }));

  const columns: TableColumnsType<User> = [
    { title: t('userUsername'), dataIndex: 'username', key: 'username', width: 140 },
    { title: t('userDisplayName'), dataIndex: 'displayName', key: 'displayName', width: 120 },
    {
      title: t('userRoles'),
      key: 'roles',
      render: (_value, user) => (
        <Tooltip
          title={user.roles.map((grant) => `${pick(roleLabels[grant.role])} · ${grant.bodyName}`).join('\n')}
          styles={{ container: { whiteSpace: 'pre-line' } }}
        >
          <span>
            <RoleTags roles={user.roles.map((grant) => grant.role)} />
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('userStatus'),
      key: 'status',
      width: 170,
      render: (_value, user) => (
        <Flex gap={4} wrap>
          {user.status === 'active' ? (
            <Tag color="success">{t('userStatusActive')}</Tag>
          ) : (
            <Tag>{t('userStatusDisabled')}</Tag>
          )}
          {isInFuture(user.lockedUntil) ? (
            <Tooltip title={t('userLockedUntil', { time: formatDateTime(user.lockedUntil) })}>
              <Tag color="error">{t('userLocked')}</Tag>
            </Tooltip>
          ) : null}
          {user.mustChangePassword ? <Tag color="warning">{t('userMustChange')}</Tag> : null}
          {user.totpEnabled ? (
            <Tag icon={<SafetyOutlined />} color="processing">
              {t('userTotp')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('userLastLogin'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      width: 150,
      render: (value: string | null) => formatDateTime(value),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 240,
      render: (_value, user) => (
        <UserActions
          user={user}
          onEdit={(target) => setDialog({ mode: 'edit', user: target })}
          onPasswordReset={(target, password) =>
            setSecret({
              title: t('userTemporaryPasswordTitle'),
              description: t('userTemporaryPasswordText', {
                name: `${target.displayName}（${target.username}）`,
              }),
              password,
            })
          }
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('usersTitle')}
        intro={t('usersIntro')}
        extra={
          <>
            {/* Imports and exports work on one body: the one chosen in the filter. */}
            <ImportExport
              kind="users"
              body={body}
              exportQuery={{ q: query.q, role: query.role, userStatus: query.status }}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
              {t('userCreate')}
            </Button>
          </>
        }
      />
      <Card className="minyi-table-card">
        <UserFilters bodyId={query.bodyId} onChange={filter} />
        {users.isError ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<User>
            rowKey="id"
            columns={columns}
            dataSource={users.data?.items}
            loading={users.isFetching}
            scroll={{ x: 1000 }}
            size="middle"
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('totalItems', { total }),
              onChange: (page, pageSize) => setQuery((current) => ({ ...current, page, pageSize })),
            }}
          />
        )}
      </Card>
      <UserFormModal
        dialog={dialog}
        onClose={() => setDialog(null)}
        onCreated={(user, password) =>
          password
            ? setSecret({
                title: t('userInitialPasswordTitle'),
                description: t('userInitialPasswordText', {
                  name: `${user.displayName}（${user.username}）`,
                }),
                password,
              })
            : undefined
        }
      />
      <OneTimeSecretModal
        secret={secret?.password ?? null}
        title={secret?.title ?? ''}
        description={secret?.description}
        label={t('loginPassword')}
        onClose={() => setSecret(null)}
      />
    </>
  );
}
