import type { EChartsCoreOption } from 'echarts/core';
import { shortLabel } from './EChart.js';

const percent = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

/** Vertical bars with the value on top; labels shortened and turned on phones. */
export function columnOption(
  labels: string[],
  values: number[],
  phone: boolean,
  color = '#1677ff',
): EChartsCoreOption {
  return {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: labels.map((l) => shortLabel(l, phone ? 4 : 8)),
      axisLabel: { interval: 0, fontSize: 12, rotate: phone && labels.length > 4 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: values,
        label: { show: true, position: 'top' },
        itemStyle: { color },
        barMaxWidth: 36,
      },
    ],
  };
}

/** Two series of rates side by side per indicator (this year / last year; own / average). */
export function compareOption(
  labels: string[],
  series: { name: string; values: (number | null)[]; color: string }[],
  phone: boolean,
): EChartsCoreOption {
  const shown = [...labels].reverse();
  return {
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 12 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percent },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%', fontSize: 11 } },
    yAxis: {
      type: 'category',
      data: shown.map((l) => shortLabel(l, phone ? 5 : 10)),
      axisLabel: { fontSize: 12 },
    },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: [...s.values].reverse(),
      itemStyle: { color: s.color },
      barMaxWidth: 12,
      label: {
        show: !phone,
        position: 'right',
        fontSize: 10,
        formatter: (p: { value: number | null }) => percent(p.value),
      },
    })),
  };
}

/** Stacked horizontal bars per unit: overdue and due this week. */
export function heatOption(
  units: string[],
  overdue: number[],
  dueThisWeek: number[],
  names: { overdue: string; due: string },
  phone: boolean,
): EChartsCoreOption {
  return {
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 12 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: [...units].reverse().map((u) => shortLabel(u, phone ? 6 : 10)),
      axisLabel: { fontSize: 12 },
    },
    series: [
      {
        type: 'bar',
        stack: 'd',
        name: names.overdue,
        data: [...overdue].reverse(),
        itemStyle: { color: '#cf1322' },
        barMaxWidth: 16,
      },
      {
        type: 'bar',
        stack: 'd',
        name: names.due,
        data: [...dueThisWeek].reverse(),
        itemStyle: { color: '#fa8c16' },
        barMaxWidth: 16,
      },
    ],
  };
}
