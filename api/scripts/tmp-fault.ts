import { buildKbIndex } from '../src/modules/questions/generator';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';
import { roleFault } from '../src/modules/questions/generator/templates/actor-templates';
const idx = buildKbIndex(loadKbFiles());
for (const a of idx.kb.actors) if (a.role) { const f = roleFault(idx, a); if (f) console.log(a.slug, f); }
