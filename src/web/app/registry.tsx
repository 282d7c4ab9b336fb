import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import {
  ApartmentOutlined,
  FileDoneOutlined,
  BulbOutlined,
  FileSearchOutlined,
  InboxOutlined,
  SendOutlined,
  StarOutlined,
  TagsOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ClusterOutlined,
  ControlOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Role } from '../../shared/role-labels.js';
import type { Localised } from '../i18n/localised.js';
import { votingMenuGroup, votingPages } from '../pages/ballots/voting.pages.js';
import { stationPages, stationsMenuGroup } from '../pages/stations/stations.pages.js';
import { supervisionMenuGroup, supervisionPages } from '../pages/supervision/supervision.pages.js';
import { statsMenuGroup, statsPages } from '../pages/stats/stats.pages.js';
import { reportPages } from '../pages/reports/reports.pages.js';

/** Menu groups (sub-menus). A group shows when the user sees at least one of its pages. */
export const menuGroups = {
  organisation: { label: { zh: '组织与人员', en: 'Organisation' }, icon: <ClusterOutlined /> },
  voting: votingMenuGroup,
  stations: stationsMenuGroup,
  supervision: supervisionMenuGroup,
  stats: statsMenuGroup,
  system: { label: { zh: '系统管理', en: 'Administration' }, icon: <SettingOutlined /> },
} satisfies Record<string, { label: Localised; icon: ReactNode }>;
export type MenuGroupKey = keyof typeof menuGroups;

export interface PageEntry {
  /** Unique; also the menu item key. */
  key: string;
  /** Route path, absolute. */
  path: string;
  label: Localised;
  icon: ReactNode;
  /** Who sees it in the menu and may open it; `everyone` is any signed-in user. */
  roles: readonly Role[] | 'everyone';
  /** Sub-menu it sits in; top level when absent. */
  group?: MenuGroupKey;
  /** A page reached from other pages (a detail, a form), not from the menu. */
  hideInMenu?: boolean;
  /** Loaded on first visit, so each page is its own chunk. */
  page: LazyExoticComponent<ComponentType>;
}

/** A lazily loaded named export, so pages keep named exports and still split per route. */
function lazyPage<Name extends string, Module extends Record<Name, ComponentType>>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/**
 * Every page of the signed-in app, in menu order. Adding a page is one entry here: the menu, the
 * route, the role check and the code splitting follow from it.
 */
export const pageRegistry: readonly PageEntry[] = [
  {
    key: 'home',
    path: '/',
    label: { zh: '工作台', en: 'Home' },
    icon: <HomeOutlined />,
    roles: 'everyone',
    page: lazyPage(() => import('../pages/home/HomePage.js'), 'HomePage'),
  },
  {
    key: 'suggestions-mine',
    path: '/suggestions/mine',
    label: { zh: '我的建议', en: 'My suggestions' },
    icon: <BulbOutlined />,
    roles: ['deputy'],
    page: lazyPage(() => import('../pages/suggestions/mine/MySuggestionsPage.js'), 'MySuggestionsPage'),
  },
  {
    key: 'suggestion-new',
    path: '/suggestions/new',
    label: { zh: '起草建议', en: 'Draft a suggestion' },
    icon: <BulbOutlined />,
    roles: ['deputy'],
    hideInMenu: true,
    page: lazyPage(() => import('../pages/suggestions/draft/DraftPage.js'), 'DraftPage'),
  },
  {
    key: 'suggestion-edit',
    path: '/suggestions/:id/edit',
    label: { zh: '修改建议', en: 'Edit a suggestion' },
    icon: <BulbOutlined />,
    roles: ['deputy'],
    hideInMenu: true,
    page: lazyPage(() => import('../pages/suggestions/draft/DraftPage.js'), 'DraftPage'),
  },
  {
    key: 'suggestion-detail',
    path: '/suggestions/:id',
    label: { zh: '建议详情', en: 'Suggestion' },
    icon: <BulbOutlined />,
    // Anyone signed in: the server answers 404 for an item the user may not see.
    roles: 'everyone',
    hideInMenu: true,
    page: lazyPage(
      () => import('../pages/suggestions/detail/SuggestionDetailPage.js'),
      'SuggestionDetailPage',
    ),
  },
  {
    key: 'unit-inbox',
    path: '/inbox',
    label: { zh: '承办单位待办', en: 'Unit inbox' },
    icon: <InboxOutlined />,
    roles: ['unit_handler', 'unit_leader'],
    page: lazyPage(() => import('../pages/suggestions/inbox/InboxPage.js'), 'InboxPage'),
  },
  {
    key: 'suggestions-review',
    path: '/suggestions/review',
    label: { zh: '建议审查', en: 'Review' },
    icon: <FileDoneOutlined />,
    roles: ['office_staff', 'admin', 'committee_staff', 'leader'],
    page: lazyPage(() => import('../pages/suggestions/review/ReviewPage.js'), 'ReviewPage'),
  },
  {
    key: 'suggestions-assign',
    path: '/suggestions/assign',
    label: { zh: '交办工作台', en: 'Assignment' },
    icon: <SendOutlined />,
    roles: ['office_staff', 'admin'],
    page: lazyPage(() => import('../pages/suggestions/assign/AssignWorkbenchPage.js'), 'AssignWorkbenchPage'),
  },
  {
    key: 'search',
    path: '/search',
    label: { zh: '全文检索', en: 'Search' },
    icon: <FileSearchOutlined />,
    roles: [
      'admin',
      'office_staff',
      'committee_staff',
      'leader',
      'supervision_office',
      'unit_handler',
      'unit_leader',
      'deputy',
    ],
    page: lazyPage(() => import('../pages/search/SearchPage.js'), 'SearchPage'),
  },
  {
    key: 'suggestions-all',
    path: '/suggestions',
    label: { zh: '全部建议', en: 'All suggestions' },
    icon: <FileSearchOutlined />,
    roles: ['office_staff', 'admin', 'committee_staff', 'leader'],
    page: lazyPage(() => import('../pages/suggestions/all/AllSuggestionsPage.js'), 'AllSuggestionsPage'),
  },
  {
    key: 'suggestions-key',
    path: '/suggestions/key',
    label: { zh: '重点建议', en: 'Key suggestions' },
    icon: <StarOutlined />,
    roles: ['leader', 'office_staff', 'admin'],
    page: lazyPage(() => import('../pages/suggestions/key/KeySuggestionsPage.js'), 'KeySuggestionsPage'),
  },
  ...votingPages,
  ...stationPages,
  ...supervisionPages,
  ...statsPages,
  ...reportPages,
  {
    key: 'sessions',
    path: '/org/sessions',
    label: { zh: '届次与会议', en: 'Terms and sessions' },
    icon: <FlagOutlined />,
    roles: ['admin', 'office_staff'],
    group: 'organisation',
    page: lazyPage(() => import('../pages/organisations/SessionsPage.js'), 'SessionsPage'),
  },
  {
    key: 'delegations',
    path: '/org/delegations',
    label: { zh: '代表团与小组', en: 'Delegations and groups' },
    icon: <TeamOutlined />,
    roles: ['admin', 'office_staff'],
    group: 'organisation',
    page: lazyPage(() => import('../pages/organisations/DelegationsPage.js'), 'DelegationsPage'),
  },
  {
    key: 'committees',
    path: '/org/committees',
    label: { zh: '委员会与常委会', en: 'Committees' },
    icon: <SolutionOutlined />,
    roles: ['admin', 'office_staff'],
    group: 'organisation',
    page: lazyPage(() => import('../pages/organisations/CommitteesPage.js'), 'CommitteesPage'),
  },
  {
    key: 'units',
    path: '/units',
    label: { zh: '承办单位', en: 'Handling units' },
    icon: <BankOutlined />,
    roles: ['admin', 'office_staff'],
    group: 'organisation',
    page: lazyPage(() => import('../pages/units/UnitsPage.js'), 'UnitsPage'),
  },
  {
    key: 'deputies',
    path: '/deputies',
    label: { zh: '代表', en: 'Deputies' },
    icon: <IdcardOutlined />,
    roles: ['admin', 'office_staff'],
    group: 'organisation',
    page: lazyPage(() => import('../pages/deputies/DeputiesPage.js'), 'DeputiesPage'),
  },
  {
    key: 'calendar',
    path: '/calendar',
    label: { zh: '工作日历', en: 'Calendar' },
    icon: <CalendarOutlined />,
    roles: ['admin', 'office_staff'],
    page: lazyPage(() => import('../pages/calendar/CalendarPage.js'), 'CalendarPage'),
  },
  {
    key: 'bodies',
    path: '/org/bodies',
    label: { zh: '人大机关', en: 'Congress bodies' },
    icon: <ApartmentOutlined />,
    roles: ['admin'],
    group: 'system',
    page: lazyPage(() => import('../pages/bodies/BodiesPage.js'), 'BodiesPage'),
  },
  {
    key: 'users',
    path: '/users',
    label: { zh: '用户', en: 'Users' },
    icon: <UsergroupAddOutlined />,
    roles: ['admin'],
    group: 'system',
    page: lazyPage(() => import('../pages/users/UsersPage.js'), 'UsersPage'),
  },
  {
    key: 'categories',
    path: '/settings/categories',
    label: { zh: '建议分类', en: 'Categories' },
    icon: <TagsOutlined />,
    roles: ['admin', 'office_staff'],
    group: 'system',
    page: lazyPage(() => import('../pages/suggestions/categories/CategoriesPage.js'), 'CategoriesPage'),
  },
  {
    key: 'rule-profile',
    path: '/settings/rules',
    label: { zh: '规则设置', en: 'Rule profile' },
    icon: <ControlOutlined />,
    roles: ['admin', 'office_staff'],
    group: 'system',
    page: lazyPage(() => import('../pages/rules/RuleProfilePage.js'), 'RuleProfilePage'),
  },
  {
    key: 'security',
    path: '/settings/security',
    label: { zh: '安全策略', en: 'Security policy' },
    icon: <SafetyCertificateOutlined />,
    roles: ['admin'],
    group: 'system',
    page: lazyPage(() => import('../pages/security/SecurityPage.js'), 'SecurityPage'),
  },
  {
    key: 'notification-channels',
    path: '/settings/notifications',
    label: { zh: '通知渠道', en: 'Notification channels' },
    icon: <NotificationOutlined />,
    roles: ['admin'],
    group: 'system',
    page: lazyPage(
      () => import('../pages/notification-channels/NotificationChannelsPage.js'),
      'NotificationChannelsPage',
    ),
  },
  {
    key: 'audit',
    path: '/audit',
    label: { zh: '审计日志', en: 'Audit log' },
    icon: <AuditOutlined />,
    roles: ['admin'],
    group: 'system',
    page: lazyPage(() => import('../pages/audit/AuditPage.js'), 'AuditPage'),
  },
  {
    key: 'account',
    path: '/account',
    label: { zh: '我的账户', en: 'My account' },
    icon: <UserOutlined />,
    roles: 'everyone',
    page: lazyPage(() => import('../pages/account/AccountPage.js'), 'AccountPage'),
  },
];
