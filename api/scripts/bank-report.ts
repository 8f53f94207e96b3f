/**
 * The bank as a closing note reports it: counts per type, template and era, distinct stems, and the
 * share of the KB each kind of record is asked by (as a key fact, or cited to refute a wrong option).
 *
 *   npx tsx scripts/bank-report.ts [--seed 1]
 */
import { buildBank, buildKbIndex } from '../src/modules/questions/generator';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';

const i = process.argv.indexOf('--seed');
const seed = i >= 0 ? Number(process.argv[i + 1]) : 1;
const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const { questions } = buildBank({ kb, seed });

const tally = (keys: string[]): string =>
  Object.entries(
    keys.reduce<Record<string, number>>((m, k) => {
      m[k] = (m[k] ?? 0) + 1;
      return m;
    }, {}),
  )
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

console.log(
  `seed ${seed}: ${questions.length} items, ${new Set(questions.map((q) => q.stem)).size} distinct stems`,
);
console.log(`types: ${tally(questions.map((q) => q.type))}`);
console.log(`templates: ${tally(questions.map((q) => q.template))}`);
console.log(`eras: ${tally(questions.map((q) => q.eraSlug ?? 'cross-era'))}`);

// A record counts as asked when an item's key rests on it or a wrong option's rationale cites it.
const asked = new Set<string>();
for (const q of questions) {
  for (const f of q.factIds) {
    asked.add(f);
  }
  for (const r of q.key.rationales ?? []) {
    for (const f of r.factIds ?? []) {
      asked.add(f);
    }
  }
}
const kinds: Array<[string, string[]]> = [
  ['events', kb.events.map((e) => `event:${e.slug}`)],
  ['relations', kb.relations.map((r) => `relation:${r.id}`)],
  ['quotes', kb.quotes.map((q) => `quote:${q.id}`)],
  ['figures', kb.figures.map((f) => `figure:${f.id}`)],
  ['explanations', kb.explanations.map((x) => `explanation:${x.id}`)],
  ['stances', kb.stances.map((s) => `stance:${s.id}`)],
];
console.log(
  `KB asked: ${kinds.map(([k, ids]) => `${k} ${ids.filter((id) => asked.has(id)).length}/${ids.length}`).join(', ')}`,
);
void idx;
