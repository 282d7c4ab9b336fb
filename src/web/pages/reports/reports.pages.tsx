import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { FileWordOutlined, TrophyOutlined } from '@ant-design/icons';
import type { Role } from '../../../shared/schemas/roles.js';
import type { PageEntry } from '../../app/registry.js';

function lazyPage<Name extends string, Module extends Record<Name, ComponentType>>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

const readers: readonly Role[] = [
  'office_staff',
  'admin',
  'committee_staff',
  'leader',
  'supervision_office',
  'unit_handler',
  'unit_leader',
];

/** Unit appraisal and the reports page (issue 5), in the statistics menu group. */
export const reportPages: readonly PageEntry[] = [
  {
    key: 'appraisal',
    path: '/stats/appraisal',
    label: { zh: '承办单位考评', en: 'Unit appraisal' },
    icon: <TrophyOutlined />,
    roles: readers,
    group: 'stats',
    page: lazyPage(() => import('./AppraisalPage.js'), 'AppraisalPage'),
  },
  {
    key: 'reports',
    path: '/reports',
    label: { zh: '报告与导出', en: 'Reports and exports' },
    icon: <FileWordOutlined />,
    roles: readers,
    group: 'stats',
    page: lazyPage(() => import('./ReportsPage.js'), 'ReportsPage'),
  },
];
