import { kbSmall } from '../test/fixtures/kb-small';
import { buildBank } from '../src/modules/questions/generator';
const { questions } = buildBank({ kb: kbSmall, seed: 20251125 });
for (const q of questions.filter((x) => x.factIds.some((f) => f.includes('khamenei-hand')) || x.type === 'WHO_SAID')) console.log(q.template, q.factIds.join(','), q.stem.slice(0, 80));
const per: Record<string, number> = {};
for (const q of questions) per[q.template] = (per[q.template] ?? 0) + 1;
console.log(questions.length, JSON.stringify(per));
