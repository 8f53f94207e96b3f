import { buildKbIndex } from '../src/modules/questions/generator';
import { duringEvent } from '../src/modules/questions/generator/describe';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';
const idx = buildKbIndex(loadKbFiles());
for (const s of ['gaza-war-begins', 'syrian-crisis-erupts', 'russian-military-intervention', 'iran-iraq-war']) {
  const e = idx.events.get(s);
  console.log(s, '|', e?.title, '|', e ? duringEvent(idx, e) : '');
}
