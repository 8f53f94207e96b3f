import { buildKbIndex } from '../modules/questions/generator';
import { finalise } from '../modules/questions/generator/build-bank';
import { loadKbFiles } from '../modules/questions/generator/load-kb-files';
import { seededRng } from '../modules/questions/generator/rng';
import { TEMPLATES } from '../modules/questions/generator/templates';
import { checkQuestion } from '../modules/questions/gate';
it('probe', () => {
  const idx = buildKbIndex(loadKbFiles());
  const rng = seededRng(7);
  for (const t of TEMPLATES.filter((t) => ['arab-states', 'office-state'].includes(t.id))) {
    const ds = t.generate(idx).flatMap((g) => g.map((d) => finalise(d, rng)));
    console.log(t.id, ds.length, ds.slice(0, 4).map((q) => [q.stem, q.actorSlugs, q.key.optionIds, (q.prompt.options ?? []).map((o) => o.id), checkQuestion(q, idx).filter((f) => f.severity === 'BLOCK').map((f) => f.id + ':' + f.message)]));
  }
  console.log(idx.names.get('saudi-arabia'), idx.names.get('egypt'));
});
