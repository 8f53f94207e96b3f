/** The Markdown report of a bench run (also committed, abridged, in docs/benchmarks.md). */
import type { BenchResults, Cell } from './index';
import { LABELS, PEERS, VARIANTS, type Variant } from './lib/servers';
import { SCENARIO_LABELS, SCENARIOS, type Scenario } from './scenarios';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) {
    return Number.NaN;
  }
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const range = (xs: number[]) => ({
  median: median(xs),
  min: Math.min(...xs),
  max: Math.max(...xs),
});
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const r = (x: { median: number; min: number; max: number }, digits = 2) =>
  Number.isNaN(x.median)
    ? '– (not run)'
    : `**${x.median.toFixed(digits)}** (${x.min.toFixed(digits)}–${x.max.toFixed(digits)})`;

/** Targets from the issue (ratios of the same run). */
export const TARGETS: Partial<Record<Scenario, { floor?: number; peer?: number }>> = {
  fetch: { floor: 0.75, peer: 1.3 },
  answer: { floor: 0.6 },
};

/** Per round: ours ÷ floor, ours ÷ best peer, ours ÷ Apollo defaults (throughput). */
export const ratios = (cells: Cell[], scenario: Scenario) => {
  const rounds = [...new Set(cells.filter((c) => c.scenario === scenario).map((c) => c.round))];
  const floor: number[] = [];
  const peer: number[] = [];
  const apollo: number[] = [];
  const best: Variant[] = [];
  for (const round of rounds) {
    const rps = (v: Variant) =>
      cells.find((c) => c.scenario === scenario && c.round === round && c.variant === v)?.rps ?? 0;
    const ran = (v: Variant) =>
      cells.some((c) => c.scenario === scenario && c.round === round && c.variant === v);
    const peers = PEERS.filter(ran);
    const bestPeer = [...peers].sort((a, b) => rps(b) - rps(a))[0];
    floor.push(rps('ours') / rps('floor'));
    if (bestPeer) {
      peer.push(rps('ours') / rps(bestPeer));
      best.push(bestPeer);
    }
    if (ran('apollo')) {
      apollo.push(rps('ours') / rps('apollo'));
    }
  }
  return {
    floor: range(floor),
    peer: range(peer),
    apollo: range(apollo),
    best,
    rounds: rounds.length,
  };
};

export const renderMarkdown = (results: BenchResults): string => {
  const { environment: env, counters, cells, leaderboard, generator } = results;
  const e = env as unknown as {
    date: string;
    cpu: string;
    cpus: number;
    memoryGiB: number;
    node: string;
    pinned: boolean;
    loadAverageAtEnd: number[];
    postgres: { version: string; settings: Record<string, string> };
    packages: Record<string, string>;
    git: { sha: string; dirty: boolean };
    protocol: {
      rounds: number;
      seconds: number;
      warmup: number;
      connections: number;
      poolSize: number;
      boardEntries: number;
    };
    seed: { seconds: number; boardSeconds: number; reused: boolean } | null;
  };
  const lines: string[] = [];
  lines.push(`# Bench results (${env.profile} profile, ${e.date})`, '');
  lines.push(
    `${e.cpus} × ${e.cpu}, ${e.memoryGiB} GiB, Node ${e.node}, ${e.postgres.version.split(',')[0]}; ` +
      `${e.pinned ? 'servers pinned to CPU 1, PostgreSQL and autocannon to CPU 0' : 'no CPU pinning'}; ` +
      `load average at the end ${e.loadAverageAtEnd.map((x) => x.toFixed(2)).join(' / ')}. ` +
      `PostgreSQL: ${Object.entries(e.postgres.settings)
        .map(([k, v]) => `${k}=${v}`)
        .join(
          ', ',
        )}. Git ${e.git.sha.slice(0, 10)}${e.git.dirty ? ' (uncommitted changes)' : ''}. ` +
      `${e.protocol.rounds} interleaved rounds; per cell ${e.protocol.warmup} s warm-up + ${e.protocol.seconds} s measured, ` +
      `autocannon c=${e.protocol.connections}, pipelining 1; pool ${e.protocol.poolSize} connections for every server. ` +
      `Board: ${e.protocol.boardEntries.toLocaleString('en')} entries${e.seed ? ` (seeded in ${e.seed.seconds.toFixed(0)} s${e.seed.reused ? ', reused from an earlier run' : ''})` : ''}. ` +
      `Wall time ${env.wallSeconds} s.`,
    '',
  );
  lines.push('## Ratios (paired within each round: median, min–max over rounds)', '');
  lines.push(
    '| Scenario | ours ÷ floor | target | ours ÷ best peer | target | ours ÷ Apollo defaults | best peer by round |',
    '|---|---|---|---|---|---|---|',
  );
  for (const scenario of SCENARIOS) {
    if (!cells.some((c) => c.scenario === scenario)) {
      continue;
    }
    const x = ratios(cells, scenario);
    const t = TARGETS[scenario];
    const verdict = (value: number, target?: number) =>
      target === undefined ? '–' : `≥ ${target} ${value >= target ? '✔' : '✘'}`;
    lines.push(
      `| ${SCENARIO_LABELS[scenario]} | ${r(x.floor)} | ${verdict(x.floor.median, t?.floor)} | ${r(x.peer)} | ${verdict(x.peer.median, t?.peer)} | ${r(x.apollo, 1)} | ${x.best.join(', ')} |`,
    );
  }
  lines.push('');
  for (const scenario of SCENARIOS) {
    const mine = cells.filter((c) => c.scenario === scenario);
    if (mine.length === 0) {
      continue;
    }
    lines.push(`## ${SCENARIO_LABELS[scenario]}`, '');
    lines.push(
      '| Server | req/s median (min–max) | p50 ms | p99 ms | server CPU µs/op | PostgreSQL CPU µs/op | SQL statements/op | response bytes |',
      '|---|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const variant of VARIANTS) {
      const v = mine.filter((c) => c.variant === variant);
      if (v.length === 0) {
        continue;
      }
      const rps = range(v.map((c) => c.rps));
      const counter = counters[scenario]?.[variant];
      lines.push(
        `| ${LABELS[variant]} | ${f0(rps.median)} (${f0(rps.min)}–${f0(rps.max)}) | ${f2(median(v.map((c) => c.latencyMs.p50)))} | ${f2(median(v.map((c) => c.latencyMs.p99)))} | ${f0(median(v.map((c) => c.serverCpuUsPerOp)))} | ${f0(median(v.map((c) => c.postgresCpuUsPerOp)))} | ${counter ? f2(counter.statements) : '–'} | ${counter ? f0(counter.bytes) : '–'} |`,
      );
    }
    lines.push('');
  }
  if (results.identical.fetch !== undefined) {
    lines.push(
      `Fetch-quiz bodies of the floor and ours: ${results.identical.fetch ? 'byte-identical' : 'DIFFERENT'}.`,
      '',
    );
  }
  if (leaderboard) {
    const d = (x: { p50: number; p95: number; max: number }) =>
      `${x.p50.toFixed(2)} / ${x.p95.toFixed(2)} / ${x.max.toFixed(2)}`;
    lines.push(
      `## Leaderboard at ${leaderboard.entries.toLocaleString('en')} entries (data layer, c=1)`,
      '',
    );
    lines.push('| Query | p50 / p95 / max ms | n |', '|---|---|---:|');
    lines.push(
      `| my rank: the API's call (rankEntries: count table, raw statement on Prisma's pg pool) | ${d(leaderboard.myRank.api)} | ${leaderboard.myRank.api.n} |`,
      `| my rank: same statement through Prisma's $queryRaw | ${d(leaderboard.myRank.prisma)} | ${leaderboard.myRank.prisma.n} |`,
      `| my rank: same statement, a plain pg client | ${d(leaderboard.myRank.pg)} | ${leaderboard.myRank.pg.n} |`,
      `| my rank, execution inside PostgreSQL | ${d(leaderboard.myRank.inPostgres)} | ${leaderboard.myRank.inPostgres.n} |`,
      `| my rank, shared buffers touched (deterministic) | ${leaderboard.myRank.buffers.p50} / ${leaderboard.myRank.buffers.p95} / ${leaderboard.myRank.buffers.max} | ${leaderboard.myRank.buffers.n} |`,
      `| top 20 with players + total + set, through pg | ${d(leaderboard.top20.pg)} | ${leaderboard.top20.pg.n} |`,
      `| top 20, execution inside PostgreSQL | ${d(leaderboard.top20.inPostgres)} | ${leaderboard.top20.inPostgres.n} |`,
      `| keyset page of 20 after the median entry, through pg | ${d(leaderboard.keysetPage.pg)} | ${leaderboard.keysetPage.pg.n} |`,
      `| the API's service call (getLeaderboard: set, page of 20 with players, total, my entry, my rank) | ${d(leaderboard.service)} | ${leaderboard.service.n} |`,
      `| peer: my rank by COUNT of the entries ahead | ${d(leaderboard.countOracle)} | ${leaderboard.countOracle.n} |`,
      `| peer: my rank by rank() OVER the board (median player) | ${d(leaderboard.windowRank)} | ${leaderboard.windowRank.n} |`,
      '',
      `Exactness: ${leaderboard.exact.checkedByRowNumber} fast ranks checked against row_number() over the whole board and ${leaderboard.exact.checkedByCount} against COUNT: ${leaderboard.exact.mismatches} mismatches. ${leaderboard.targets} targets: top, median, bottom, 5 tied entries, a spread of ≈300. A player without an entry: ${leaderboard.notOnBoard}.`,
      '',
    );
  }
  if (generator) {
    lines.push(
      '## Question generator',
      '',
      `${generator.line} — ${generator.questions} questions.`,
      '',
    );
  }
  lines.push(
    `## Validation`,
    '',
    results.failures.length === 0
      ? `Every response of every cell validated (status 200, no \`errors\`, the scenario's shape; the leaderboard's "my rank" equal to a row_number() oracle for every response): 0 failures.`
      : `FAILURES:\n\n${results.failures.map((x) => `- ${x}`).join('\n')}`,
    '',
  );
  return lines.join('\n');
};
