import { buildBank } from '../src/modules/questions/generator';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';
const { questions } = buildBank({ kb: loadKbFiles(), seed: 1 });
const want = process.argv.slice(2);
for (const q of questions.filter((q) => want.includes(q.template))) {
  console.log(`\n[${q.template}] ${q.stem}`);
  for (const o of [...(q.prompt.options ?? []), ...(q.prompt.items ?? [])]) {
    const r = q.key.rationales?.find((x) => x.ref === o.id);
    const pair = q.key.pairs?.find((p) => p.itemId === o.id);
    const tgt = q.prompt.targets?.find((t) => t.id === pair?.targetId)?.label;
    console.log(`  ${q.key.optionIds?.includes(o.id) ? '*' : '-'} ${o.label}${tgt ? ` => ${tgt}` : ''} :: ${r?.text}`);
  }
  if (q.prompt.targets) console.log('  targets:', q.prompt.targets.map((t) => t.label).join(' | '));
}
