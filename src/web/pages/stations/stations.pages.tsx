import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import {
  CalendarOutlined,
  CommentOutlined,
  EnvironmentOutlined,
  MessageOutlined,
  ScheduleOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { Role } from '../../../shared/role-labels.js';
import type { PageEntry } from '../../app/registry.js';

function lazyPage<Name extends string, Module extends Record<Name, ComponentType>>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** The menu group of the liaison-station pages. */
export const stationsMenuGroup = {
  label: { zh: '联络站与接待', en: 'Stations and receptions' },
  icon: <EnvironmentOutlined />,
};

const office: readonly Role[] = ['admin', 'office_staff'];
/** Station staff hold any account linked to a station; collectors at contact points are typical. */
const handlers: readonly Role[] = [
  'deputy',
  'admin',
  'office_staff',
  'collector',
  'unit_handler',
  'unit_leader',
];
const stationPeople: readonly Role[] = ['deputy', 'admin', 'office_staff', 'collector'];
const agencyPeople: readonly Role[] = [
  'deputy',
  'admin',
  'office_staff',
  'leader',
  'unit_handler',
  'unit_leader',
];

const receptions = lazyPage(() => import('./ReceptionsPage.js'), 'ReceptionsPage');
const receptionDetail = lazyPage(() => import('./ReceptionDetailPage.js'), 'ReceptionDetailPage');
const appointments = lazyPage(() => import('./AppointmentsPage.js'), 'AppointmentsPage');
const agency = lazyPage(() => import('./AgencyAppointmentsPage.js'), 'AgencyAppointmentsPage');

/** The pages of liaison stations (issue 7); the public QR pages live outside the signed-in app. */
export const stationPages: readonly PageEntry[] = [
  {
    key: 'receptions',
    path: '/stations/receptions',
    label: { zh: '群众留言与接待', en: 'Messages and receptions' },
    icon: <MessageOutlined />,
    roles: handlers,
    group: 'stations',
    page: receptions,
  },
  {
    key: 'reception-detail',
    path: '/stations/receptions/:id',
    label: { zh: '接待记录', en: 'Reception record' },
    icon: <MessageOutlined />,
    // Anyone signed in: the server answers 404 for a matter the user may not see.
    roles: 'everyone',
    hideInMenu: true,
    page: receptionDetail,
  },
  {
    key: 'station-duties',
    path: '/stations/duties',
    label: { zh: '接待值班', en: 'Reception duties' },
    icon: <ScheduleOutlined />,
    roles: stationPeople,
    group: 'stations',
    page: lazyPage(() => import('./DutiesPage.js'), 'DutiesPage'),
  },
  {
    key: 'station-appointments',
    path: '/stations/appointments',
    label: { zh: '群众约见', en: 'Citizen appointments' },
    icon: <CalendarOutlined />,
    roles: stationPeople,
    group: 'stations',
    page: appointments,
  },
  {
    key: 'station-appointment',
    path: '/stations/appointments/:id',
    label: { zh: '群众约见', en: 'Citizen appointment' },
    icon: <CalendarOutlined />,
    roles: stationPeople,
    hideInMenu: true,
    page: appointments,
  },
  {
    key: 'agency-appointments',
    path: '/stations/agency-appointments',
    label: { zh: '约见国家机关负责人', en: 'Meetings with agency heads' },
    icon: <SolutionOutlined />,
    roles: agencyPeople,
    group: 'stations',
    page: agency,
  },
  {
    key: 'agency-appointment',
    path: '/stations/agency-appointments/:id',
    label: { zh: '约见国家机关负责人', en: 'Meeting with an agency head' },
    icon: <SolutionOutlined />,
    roles: agencyPeople,
    hideInMenu: true,
    page: agency,
  },
  {
    key: 'stations',
    path: '/stations',
    label: { zh: '代表联络站', en: 'Liaison stations' },
    icon: <CommentOutlined />,
    roles: office,
    group: 'stations',
    page: lazyPage(() => import('./StationsPage.js'), 'StationsPage'),
  },
];
