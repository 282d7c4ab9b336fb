import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { BarChartOutlined, DashboardOutlined, FundOutlined } from '@ant-design/icons';
import type { Role } from '../../../shared/schemas/roles.js';
import type { PageEntry } from '../../app/registry.js';

function lazyPage<Name extends string, Module extends Record<Name, ComponentType>>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** The menu group of these pages. */
export const statsMenuGroup = { label: { zh: '统计分析', en: 'Statistics' }, icon: <FundOutlined /> };

const staff: readonly Role[] = ['office_staff', 'admin', 'committee_staff', 'leader', 'supervision_office'];
const units: readonly Role[] = ['unit_handler', 'unit_leader'];

/** Statistics (issue 5): a dashboard per role and the indicator tables. ECharts loads with them only. */
export const statsPages: readonly PageEntry[] = [
  {
    key: 'stats-dashboard',
    path: '/stats/dashboard',
    label: { zh: '统计看板', en: 'Dashboard' },
    icon: <DashboardOutlined />,
    roles: [...staff, ...units],
    group: 'stats',
    page: lazyPage(() => import('./DashboardPage.js'), 'DashboardPage'),
  },
  {
    key: 'stats-indicators',
    path: '/stats/indicators',
    label: { zh: '办理指标', en: 'Indicators' },
    icon: <BarChartOutlined />,
    roles: [...staff, ...units],
    group: 'stats',
    page: lazyPage(() => import('./IndicatorsPage.js'), 'IndicatorsPage'),
  },
];
