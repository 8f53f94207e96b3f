/**
 * Times the full bank build on the real KB: N runs, median and min in ms, then the bank size per
 * type and per era as Markdown tables. Run: ./node_modules/.bin/tsx bench/generator.ts [runs]
 */
import { buildBank } from '../src/modules/questions/generator';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';
import { QUESTION_TYPES } from '../src/modules/questions/types';

const runs = Number(process.argv[2] ?? 5);
const kb = loadKbFiles();
const times: number[] = [];
let result = buildBank({ kb, seed: 1 });
for (let i = 0; i < runs; i += 1) {
  const t0 = performance.now();
  result = buildBank({ kb, seed: 1 + i });
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
const { report } = result;
const table = (title: string, rows: [string, number][]): string =>
  [
    `| ${title} | questions |`,
    '|---|---:|',
    ...rows.map(([k, n]) => `| ${k} | ${n} |`),
    `| **total** | **${report.total}** |`,
  ].join('\n');

const lines = [
  `KB: ${kb.events.length} events, ${kb.actors.length} actors, ${kb.relations.length} relations, ${kb.quotes.length} quotes, ${kb.figures.length} figures, ${kb.citations.length} citations`,
  `Build time over ${runs} runs: median ${median.toFixed(0)} ms, min ${(times[0] ?? 0).toFixed(0)} ms (${report.candidates} drafts gated, ${report.abandoned} components abandoned, ${report.nearDuplicates} near-duplicates dropped)`,
  '',
  table(
    'type',
    QUESTION_TYPES.map((t) => [t, report.byType[t] ?? 0]),
  ),
  '',
  table(
    'era',
    [...kb.eras.map((e) => e.slug), 'cross-era'].map((e) => [e, report.byEra[e] ?? 0]),
  ),
  '',
  `Rejected drafts by check: ${
    Object.entries(report.rejectedByCheck)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none'
  }`,
  `Warnings on shipped items: ${
    Object.entries(report.warnings)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none'
  }`,
  ...report.bankChecks.map(
    (c) => `${c.passed ? 'pass' : c.severity === 'BLOCK' ? 'FAIL' : 'warn'} ${c.id}: ${c.message}`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
