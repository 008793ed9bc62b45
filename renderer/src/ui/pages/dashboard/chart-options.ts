// ECharts options for the dashboard's charts, built from the core series. No animation: a chart is
// printed or screenshotted as soon as it is drawn, and an office PC should not spend time on it.
import type { EChartsCoreOption } from 'echarts/core';
import type { MonthlySeries } from '../../../core/figures/series';

const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const THIS = '#2d72d2';
const LAST = '#a7b6c2';

const base = (title: string): EChartsCoreOption => ({
  animation: false,
  textStyle: { fontFamily: FONT },
  title: { text: title, left: 'center', textStyle: { fontSize: 14, fontFamily: FONT } },
  tooltip: { trigger: 'axis' },
  legend: { bottom: 0 },
  grid: { left: 48, right: 56, top: 40, bottom: 48, containLabel: true },
});

const monthLabel = (m: string) => `${Number(m.slice(5, 7))}月`;

export function monthlyComparison(title: string, labels: { thisYear: string; lastYear: string; unit: string }, s: MonthlySeries, line?: { name: string; series: MonthlySeries; scale: number }): EChartsCoreOption {
  return {
    ...base(title),
    xAxis: { type: 'category', data: s.months.map(monthLabel) },
    yAxis: [{ type: 'value', name: labels.unit, minInterval: 1 }, ...(line ? [{ type: 'value', name: line.name, splitLine: { show: false } }] : [])],
    series: [
      { name: labels.thisYear, type: 'bar', data: s.current, itemStyle: { color: THIS } },
      { name: labels.lastYear, type: 'bar', data: s.previous, itemStyle: { color: LAST } },
      ...(line
        ? [
            { name: `${line.name}·${labels.thisYear}`, type: 'line', yAxisIndex: 1, data: line.series.current.map((v) => Math.round(v / line.scale) / 100), itemStyle: { color: '#c87619' } },
            { name: `${line.name}·${labels.lastYear}`, type: 'line', yAxisIndex: 1, data: line.series.previous.map((v) => Math.round(v / line.scale) / 100), lineStyle: { type: 'dashed' }, itemStyle: { color: '#d99e0b' } },
          ]
        : []),
    ],
  };
}

export function districtBars(title: string, labels: { thisYear: string; lastYear: string; unit: string }, names: readonly string[], current: readonly number[], previous: readonly number[]): EChartsCoreOption {
  return {
    ...base(title),
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', name: labels.unit, minInterval: 1 },
    series: [
      { name: labels.thisYear, type: 'bar', data: current, itemStyle: { color: THIS } },
      { name: labels.lastYear, type: 'bar', data: previous, itemStyle: { color: LAST } },
    ],
  };
}

export function refundBars(title: string, unit: string, names: readonly string[], ratesPercent: readonly number[]): EChartsCoreOption {
  return {
    ...base(title),
    legend: { show: false },
    grid: { left: 16, right: 48, top: 40, bottom: 16, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: 100, name: unit },
    yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 220, overflow: 'truncate' } },
    series: [{ type: 'bar', data: [...ratesPercent].reverse(), itemStyle: { color: '#238551' }, label: { show: true, position: 'right', formatter: '{c}%' } }],
  };
}
