import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import {
  AimOutlined,
  DashboardOutlined,
  EyeOutlined,
  FileProtectOutlined,
  HighlightOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import type { Role } from '../../../shared/schemas/roles.js';
import type { PageEntry } from '../../app/registry.js';

function lazyPage<Name extends string, Module extends Record<Name, ComponentType>>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** The menu group of these pages. */
export const supervisionMenuGroup = {
  label: { zh: '督办与跟踪', en: 'Supervision' },
  icon: <EyeOutlined />,
};

const overseers: readonly Role[] = ['office_staff', 'admin', 'supervision_office'];
const units: readonly Role[] = ['unit_handler', 'unit_leader'];
const staff: readonly Role[] = ['office_staff', 'admin', 'committee_staff', 'leader', 'supervision_office'];

const board = lazyPage(() => import('./SupervisionBoardPage.js'), 'SupervisionBoardPage');
const overview = lazyPage(() => import('./SupervisionOverviewPage.js'), 'SupervisionOverviewPage');
const item = lazyPage(() => import('./SupervisionItemPage.js'), 'SupervisionItemPage');
const rectifications = lazyPage(() => import('./RectificationsPage.js'), 'RectificationsPage');
const followups = lazyPage(() => import('../followups/FollowupsPage.js'), 'FollowupsPage');
const records = lazyPage(() => import('../records/RecordsPage.js'), 'RecordsPage');

/** 督 and after (issue 4): boards, overview, rectification, the follow-up ledger, record signatures. */
export const supervisionPages: readonly PageEntry[] = [
  {
    key: 'supervision-board',
    path: '/supervision/board',
    label: { zh: '督办看板', en: 'My supervision board' },
    icon: <AimOutlined />,
    roles: ['leader', 'committee_staff', 'deputy'],
    group: 'supervision',
    page: board,
  },
  {
    key: 'supervision-overview',
    path: '/supervision/overview',
    label: { zh: '督办总览', en: 'Supervision overview' },
    icon: <DashboardOutlined />,
    roles: overseers,
    group: 'supervision',
    page: overview,
  },
  {
    key: 'supervision-item',
    path: '/supervision/:id',
    label: { zh: '督办事项', en: 'Supervised item' },
    icon: <DashboardOutlined />,
    // Anyone signed in: the server answers 404 for an item the user may not follow.
    roles: 'everyone',
    hideInMenu: true,
    page: item,
  },
  {
    key: 'records',
    path: '/records',
    label: { zh: '纪实表签字', en: 'Records to sign' },
    icon: <HighlightOutlined />,
    roles: [...staff, ...units, 'deputy'],
    group: 'supervision',
    page: records,
  },
  {
    key: 'followups',
    path: '/followups',
    label: { zh: '跟踪办理台账', en: 'Follow-up ledger' },
    icon: <ScheduleOutlined />,
    roles: [...staff, ...units],
    group: 'supervision',
    page: followups,
  },
  {
    key: 'followup',
    path: '/followups/:id',
    label: { zh: '跟踪承诺', en: 'Promise' },
    icon: <ScheduleOutlined />,
    roles: [...staff, ...units],
    hideInMenu: true,
    page: followups,
  },
  {
    key: 'rectifications',
    path: '/rectifications',
    label: { zh: '整改任务', en: 'Rectification' },
    icon: <FileProtectOutlined />,
    roles: [...staff, ...units],
    group: 'supervision',
    page: rectifications,
  },
  {
    key: 'rectification',
    path: '/rectifications/:id',
    label: { zh: '整改任务', en: 'Rectification' },
    icon: <FileProtectOutlined />,
    roles: [...staff, ...units],
    hideInMenu: true,
    page: rectifications,
  },
];
