/**
 * The geometry of a measure's chart, worked out at build time with d3's scales and line
 * generator, for the components to write out as static SVG: no script ever runs in the page.
 * The value axis starts at zero (or below, for negative figures), so a small change never looks
 * like a large one; a line breaks where values are missing.
 */
import { scaleBand, scaleLinear, scaleUtc, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Frequency, MeasureData } from '../../schemas/index.ts';
import { formatShort } from '../model/figures.ts';

export interface Figure {
  date: string;
  value: number;
  note?: string;
}
export type Placed<T> = T & { x: number; y: number };

export interface MeasureChart {
  kind: 'line' | 'bar';
  width: number;
  height: number;
  /** The plotting area inside the axes. */
  plot: { left: number; right: number; top: number; bottom: number };
  yTicks: Array<{ y: number; label: string }>;
  xTicks: Array<{ x: number; label: string }>;
  /** Every value, oldest first, where it is drawn (for bars, the middle of the bar's top). */
  points: Array<Placed<Figure>>;
  /** The line through the values, broken where values are missing (line charts). */
  path: string;
  /** One bar per value (bar charts). */
  bars: Array<Placed<Figure> & { width: number; height: number }>;
  baseline?: Placed<Figure>;
  targets: Array<Placed<Figure>>;
  /** The steady path from the starting point to each target, that the status rule judges by (line charts). */
  targetPaths: string[];
  /** How many times the values skip a period or more. */
  gaps: number;
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const round = (n: number) => Math.round(n * 10) / 10;

/** Days beyond which two values are not neighbours: one and a half periods. */
const gapDays: Record<Frequency, number> = { monthly: 46, quarterly: 137, yearly: 548 };

const byDate = <T extends { date: string }>(list: readonly T[]) => [...list].sort((a, b) => a.date.localeCompare(b.date));

/** Values in order, with `null` where a period or more is missing between two of them. */
export function withGaps(values: readonly Figure[], frequency: Frequency): Array<Figure | null> {
  const out: Array<Figure | null> = [];
  byDate(values).forEach((value, index, sorted) => {
    const previous = sorted[index - 1];
    if (previous && (toDate(value.date).getTime() - toDate(previous.date).getTime()) / 86_400_000 > gapDays[frequency]) out.push(null);
    out.push(value);
  });
  return out;
}

/** A value's month, short: "Mar 2021". */
const monthTick = (iso: string) => `${toDate(iso).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })} ${iso.slice(0, 4)}`;

/** A date tick as a reader says it: "2021" for a new year, else "Mar 2021". */
function dateTick(date: Date): string {
  const month = date.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return date.getUTCMonth() === 0 && date.getUTCDate() === 1 ? String(date.getUTCFullYear()) : `${month} ${date.getUTCFullYear()}`;
}

type ChartInput = Pick<MeasureData, 'unit' | 'frequency' | 'baseline' | 'targets' | 'values' | 'chart'>;

export function measureChart(measure: ChartInput, size = { width: 640, height: 300 }): MeasureChart {
  const { width, height } = size;
  const plot = { left: 64, right: width - 24, top: 24, bottom: height - 40 };
  const values = byDate(measure.values);
  const targets = byDate(measure.targets);
  const figures = [...values, ...targets, ...(measure.baseline ? [measure.baseline] : [])];
  const numbers = figures.map((f) => f.value);
  const y = scaleLinear()
    .domain([Math.min(0, ...numbers), Math.max(1, ...numbers)])
    .range([plot.bottom, plot.top])
    .nice(5);
  const yTicks = y.ticks(5).map((tick) => ({ y: round(y(tick)), label: formatShort(tick, measure.unit) }));
  const gapped = withGaps(values, measure.frequency);
  const frame: Frame = {
    measure,
    width,
    height,
    plot,
    y,
    yTicks,
    values,
    targets,
    figures,
    gapped,
    gaps: gapped.filter((v) => v === null).length,
  };
  return measure.chart === 'bar' ? barChart(frame) : lineChart(frame);
}

/** What a bar chart and a line chart of the same measure share: the size, the vertical scale and the figures in date order. */
interface Frame {
  measure: ChartInput;
  width: number;
  height: number;
  plot: MeasureChart['plot'];
  y: ScaleLinear<number, number>;
  yTicks: MeasureChart['yTicks'];
  values: Figure[];
  targets: Figure[];
  /** Every figure drawn: values, targets and the baseline. */
  figures: Figure[];
  /** The values with null where a period has none. */
  gapped: Array<Figure | null>;
  gaps: number;
}

function barChart({ measure, width, height, plot, y, yTicks, values, targets, gapped, gaps }: Frame): MeasureChart {
  // A missing period keeps its place, as an empty band, so bars never close up over a gap.
  const slots = gapped.map((v, i) => v?.date ?? `gap-${i}`);
  const x = scaleBand<string>().domain(slots).range([plot.left, plot.right]).padding(0.3);
  const bars = values.map((v) => {
    const top = round(y(Math.max(0, v.value)));
    return {
      ...v,
      x: round(x(v.date)!),
      y: top,
      width: round(x.bandwidth()),
      height: round(Math.abs(y(v.value) - y(0))),
    };
  });
  const level = (f: Figure) => ({ ...f, x: plot.left, y: round(y(f.value)) });
  return {
    kind: 'bar',
    width,
    height,
    plot,
    yTicks,
    xTicks: slots.map((slot) => ({
      x: round(x(slot)! + x.bandwidth() / 2),
      label: slot.startsWith('gap-') ? 'no value' : monthTick(slot),
    })),
    points: bars.map((b) => ({ date: b.date, value: b.value, note: b.note, x: round(b.x + b.width / 2), y: round(y(b.value)) })),
    path: '',
    bars,
    baseline: measure.baseline && level(measure.baseline),
    targets: targets.map(level),
    targetPaths: [],
    gaps,
  };
}

function lineChart({ measure, width, height, plot, y, yTicks, values, targets, figures, gapped, gaps }: Frame): MeasureChart {
  const dates = figures.map((f) => toDate(f.date).getTime());
  let [from, to] = [Math.min(...dates), Math.max(...dates)];
  // A single date still needs a width: six months either side.
  if (from === to) [from, to] = [from - 182 * 86_400_000, to + 182 * 86_400_000];
  const x = scaleUtc()
    .domain([new Date(from), new Date(to)])
    .range([plot.left + 8, plot.right - 8]);
  const place = (f: Figure): Placed<Figure> => ({ ...f, x: round(x(toDate(f.date))), y: round(y(f.value)) });
  const draw = line<Figure | null>()
    .defined((d) => d !== null)
    .x((d) => round(x(toDate(d!.date))))
    .y((d) => round(y(d!.value)));
  const start = measure.baseline ?? values[0];
  const startDate = start ? toDate(start.date).getTime() : 0;
  return {
    kind: 'line',
    width,
    height,
    plot,
    yTicks,
    xTicks: x.ticks(Math.min(6, Math.max(2, Math.round((to - from) / (365 * 86_400_000)) + 1))).map((tick) => ({
      x: round(x(tick)),
      label: dateTick(tick),
    })),
    points: values.map(place),
    path: values.length > 1 ? (draw(gapped) ?? '') : '',
    bars: [],
    baseline: measure.baseline && place(measure.baseline),
    targets: targets.map(place),
    targetPaths: start
      ? targets
          .filter((t) => toDate(t.date).getTime() > startDate)
          .map((t) =>
            line<Figure>()
              .x((d) => round(x(toDate(d.date))))
              .y((d) => round(y(d.value)))([start, t])!,
          )
      : [],
    gaps,
  };
}

/** A sparkline: the shape of the values alone, scaled to their own range, for lists of measures. */
export function sparkline(values: readonly Figure[], frequency: Frequency, size = { width: 120, height: 32 }) {
  const sorted = byDate(values);
  const numbers = sorted.map((v) => v.value);
  const pad = 4;
  const times = sorted.map((v) => toDate(v.date).getTime());
  const x = scaleUtc()
    .domain([new Date(Math.min(...times)), new Date(Math.max(...times) + (times.length === 1 ? 1 : 0))])
    .range(times.length === 1 ? [size.width / 2, size.width / 2] : [pad, size.width - pad]);
  const [low, high] = [Math.min(...numbers), Math.max(...numbers)];
  const y = scaleLinear()
    .domain(low === high ? [low - 1, high + 1] : [low, high])
    .range([size.height - pad, pad]);
  const draw = line<Figure | null>()
    .defined((d) => d !== null)
    .x((d) => round(x(toDate(d!.date))))
    .y((d) => round(y(d!.value)));
  const last = sorted.at(-1);
  return {
    ...size,
    path: sorted.length > 1 ? (draw(withGaps(sorted, frequency)) ?? '') : '',
    last: last && { x: round(x(toDate(last.date))), y: round(y(last.value)) },
  };
}

/** A bar split by count, each part's width in proportion: the breakdown of work by status. */
export function breakdownBar<K extends string>(rows: ReadonlyArray<{ status: K; count: number }>, width = 320) {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const x = scaleLinear()
    .domain([0, Math.max(1, total)])
    .range([0, width]);
  let at = 0;
  return rows.map((row) => {
    const part = { ...row, x: round(x(at)), width: round(x(at + row.count) - x(at)) };
    at += row.count;
    return part;
  });
}
