import { buildBank } from '../src/modules/questions/generator';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';
const { questions } = buildBank({ kb: loadKbFiles(), seed: 1 });
const want = process.argv.slice(2);
for (const q of questions.filter((q) => want.includes(q.template))) {
  console.log(`\n[${q.template}] ${q.stem}`);
  for (const o of q.prompt.options ?? []) {
    const r = q.key.rationales?.find((x) => x.ref === o.id);
    console.log(`  ${q.key.optionIds?.includes(o.id) ? '*' : '-'} ${o.label} :: ${r?.text}`);
  }
}
