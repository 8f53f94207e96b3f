import { checkQuestion } from '../src/modules/questions/gate';
import { buildKbIndex } from '../src/modules/questions/generator';
import { finalise } from '../src/modules/questions/generator/build-bank';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';
import { seededRng } from '../src/modules/questions/generator/rng';
import { templateById } from '../src/modules/questions/generator/templates';
const idx = buildKbIndex(loadKbFiles());
const t = templateById(process.argv[2] ?? '')!;
const rng = seededRng(1);
for (const g of t.generate(idx)) {
  const d = g[0];
  if (!d) continue;
  const q = finalise(d, rng);
  const f = checkQuestion(q, idx).filter((x) => x.severity === 'BLOCK');
  console.log(f.length ? 'REJ' : 'OK ', q.stem, '\n   ', (q.prompt.options ?? []).map((o) => (q.key.optionIds?.includes(o.id) ? '*' : '') + o.label).join(' | '), q.key.answers ? `ANS ${q.key.answers.join('/')} REJ ${q.key.rejects?.join('/')}` : '', '\n   ', f.map((x) => `${x.id}: ${x.message}`).join('; '));
}
