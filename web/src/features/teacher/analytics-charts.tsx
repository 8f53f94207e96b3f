'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export type QuestionPoint = {
  label: string;
  facility: number | null;
  discrimination: number | null;
};
export type OptionPoint = { label: string; pickRate: number; isCorrect: boolean };

const FACILITY = '#0b5c7a';
const DISCRIMINATION = '#a3410b';

/** Facility and discrimination per question (recharts; the page also has the same data as a table). */
export const ItemAnalysisChart = ({ points }: { points: readonly QuestionPoint[] }) => (
  <div className="chart-box" aria-hidden="true">
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        accessibilityLayer={false}
        data={points.map((point) => ({
          ...point,
          facility: point.facility ?? 0,
          discrimination: point.discrimination ?? 0,
        }))}
        margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#d9d5cc" />
        <XAxis dataKey="label" tick={{ fill: '#4a515a', fontSize: 12 }} />
        <YAxis domain={[-1, 1]} tick={{ fill: '#4a515a', fontSize: 12 }} />
        <ReferenceLine y={0} stroke="#8a8478" />
        <Tooltip
          formatter={(value) => (typeof value === 'number' ? value.toFixed(2) : String(value))}
        />
        <Legend />
        <Bar
          isAnimationActive={false}
          dataKey="facility"
          name="Facility (share correct)"
          fill={FACILITY}
        />
        <Bar
          isAnimationActive={false}
          dataKey="discrimination"
          name="Discrimination"
          fill={DISCRIMINATION}
        />
      </BarChart>
    </ResponsiveContainer>
  </div>
);

/** How often each option was picked for one question; the key is solid, distractors hatched. */
export const DistractorChart = ({ points }: { points: readonly OptionPoint[] }) => (
  <div
    className="chart-box"
    style={{ blockSize: `${Math.max(10, points.length * 3.5)}rem` }}
    aria-hidden="true"
  >
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        accessibilityLayer={false}
        layout="vertical"
        data={points.map((point) => ({
          ...point,
          percent: Math.round(point.pickRate * 100),
          name: `${point.isCorrect ? '✓ ' : ''}${point.label}`,
        }))}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      >
        <defs>
          <pattern
            id="hatch"
            patternUnits="userSpaceOnUse"
            width="6"
            height="6"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#fbeade" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={DISCRIMINATION} strokeWidth="3" />
          </pattern>
        </defs>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9d5cc" />
        <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fill: '#4a515a', fontSize: 12 }} />
        <YAxis
          type="category"
          dataKey="name"
          width={160}
          tick={{ fill: '#1b1f24', fontSize: 12 }}
        />
        <Tooltip formatter={(value) => `${value}%`} />
        <Bar isAnimationActive={false} dataKey="percent" name="Picked by">
          {points.map((point) => (
            <Cell
              key={point.label}
              fill={point.isCorrect ? FACILITY : 'url(#hatch)'}
              stroke={point.isCorrect ? FACILITY : DISCRIMINATION}
            />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  </div>
);

export type ScoreBinPoint = { fromPercent: number; toPercent: number; count: number };

/** How many players' first attempts scored in each tenth of the maximum. */
export const ScoreDistributionChart = ({ bins }: { bins: readonly ScoreBinPoint[] }) => (
  <div className="chart-box chart-box--short" aria-hidden="true">
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        accessibilityLayer={false}
        data={bins.map((bin) => ({
          ...bin,
          name: bin.toPercent === 100 ? '90–100%' : `${bin.fromPercent}–${bin.toPercent - 1}%`,
        }))}
        margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#d9d5cc" />
        <XAxis dataKey="name" tick={{ fill: '#4a515a', fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fill: '#4a515a', fontSize: 12 }} />
        <Tooltip formatter={(value) => [`${value}`, 'Players']} />
        <Bar isAnimationActive={false} dataKey="count" name="Players" fill={FACILITY} />
      </BarChart>
    </ResponsiveContainer>
  </div>
);
