import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import {
  AlertOutlined,
  CheckSquareOutlined,
  FundProjectionScreenOutlined,
  LikeOutlined,
  SmileOutlined,
} from '@ant-design/icons';
import type { Role } from '../../../shared/role-labels.js';
import type { PageEntry } from '../../app/registry.js';

function lazyPage<Name extends string, Module extends Record<Name, ComponentType>>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** The menu group of these pages. */
export const votingMenuGroup = {
  label: { zh: '表决与评议', en: 'Votes and evaluations' },
  icon: <FundProjectionScreenOutlined />,
};

const staff: readonly Role[] = ['admin', 'office_staff', 'committee_staff', 'leader', 'supervision_office'];
const units: readonly Role[] = ['unit_handler', 'unit_leader'];

/** The pages of voting (issue 8): ballots, deputies' votes, livelihood projects, evaluations. */
export const votingPages: readonly PageEntry[] = [
  {
    key: 'my-votes',
    path: '/votes',
    label: { zh: '我的表决', en: 'My ballots' },
    icon: <CheckSquareOutlined />,
    roles: ['deputy'],
    page: lazyPage(() => import('../votes/MyVotesPage.js'), 'MyVotesPage'),
  },
  {
    key: 'vote',
    path: '/votes/:id',
    label: { zh: '投票', en: 'Vote' },
    icon: <CheckSquareOutlined />,
    roles: ['deputy'],
    hideInMenu: true,
    page: lazyPage(() => import('../votes/VotePage.js'), 'VotePage'),
  },
  {
    key: 'ballots',
    path: '/ballots',
    label: { zh: '表决', en: 'Ballots' },
    icon: <CheckSquareOutlined />,
    roles: staff,
    group: 'voting',
    page: lazyPage(() => import('./BallotsPage.js'), 'BallotsPage'),
  },
  {
    key: 'ballot-detail',
    path: '/ballots/:id',
    label: { zh: '表决详情', en: 'Ballot' },
    icon: <CheckSquareOutlined />,
    roles: staff,
    group: 'voting',
    hideInMenu: true,
    page: lazyPage(() => import('./BallotDetailPage.js'), 'BallotDetailPage'),
  },
  {
    key: 'ballot-live',
    path: '/ballots/:id/live',
    label: { zh: '大屏显示', en: 'Live screen' },
    icon: <FundProjectionScreenOutlined />,
    roles: staff,
    group: 'voting',
    hideInMenu: true,
    page: lazyPage(() => import('./LiveScreenPage.js'), 'LiveScreenPage'),
  },
  {
    key: 'livelihood',
    path: '/livelihood',
    label: { zh: '民生实事票决', en: 'Livelihood projects' },
    icon: <LikeOutlined />,
    roles: [...staff, 'deputy', ...units],
    group: 'voting',
    page: lazyPage(() => import('../livelihood/LivelihoodRoundsPage.js'), 'LivelihoodRoundsPage'),
  },
  {
    key: 'livelihood-project',
    path: '/livelihood/projects/:id',
    label: { zh: '民生实事项目', en: 'Livelihood project' },
    icon: <LikeOutlined />,
    roles: [...staff, 'deputy', ...units],
    group: 'voting',
    hideInMenu: true,
    page: lazyPage(() => import('../livelihood/ProjectDetailPage.js'), 'ProjectDetailPage'),
  },
  {
    key: 'livelihood-round',
    path: '/livelihood/:id',
    label: { zh: '民生实事票决', en: 'Livelihood round' },
    icon: <LikeOutlined />,
    roles: [...staff, 'deputy', ...units],
    group: 'voting',
    hideInMenu: true,
    page: lazyPage(() => import('../livelihood/RoundDetailPage.js'), 'RoundDetailPage'),
  },
  {
    key: 'evaluations',
    path: '/evaluations',
    label: { zh: '满意度测评', en: 'Evaluations' },
    icon: <SmileOutlined />,
    roles: [...staff, ...units],
    group: 'voting',
    page: lazyPage(() => import('../evaluations/EvaluationsPage.js'), 'EvaluationsPage'),
  },
  {
    key: 'evaluation-rectifications',
    path: '/evaluations/rectifications',
    label: { zh: '测评整改', en: 'Rectification' },
    icon: <AlertOutlined />,
    roles: [...staff, ...units],
    group: 'voting',
    page: lazyPage(() => import('../evaluations/RectificationsPage.js'), 'RectificationsPage'),
  },
  {
    key: 'evaluation-detail',
    path: '/evaluations/:id',
    label: { zh: '测评详情', en: 'Evaluation' },
    icon: <SmileOutlined />,
    roles: [...staff, ...units],
    group: 'voting',
    hideInMenu: true,
    page: lazyPage(() => import('../evaluations/EvaluationDetailPage.js'), 'EvaluationDetailPage'),
  },
];
