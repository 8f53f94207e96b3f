import { buildKbIndex } from '../src/modules/questions/generator';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';
import { silentOutlets } from '../src/modules/questions/generator/templates/source-templates';
const idx = buildKbIndex(loadKbFiles());
for (const id of ['gaza-neutrality-drove-decline','assad-restraint-for-rewards','iran-sought-long-term-foothold','hafez-sought-counterweight-to-israel-and-iraq']) {
  const x = idx.explanations.get(id)!;
  console.log(id, silentOutlets(idx, x.answer, []));
}
