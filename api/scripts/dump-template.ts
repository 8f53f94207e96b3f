/** Prints every draft of the named templates with options, key and feedback (for reviewing items by eye). */
import { checkQuestion } from '../src/modules/questions/gate';
import { buildKbIndex } from '../src/modules/questions/generator';
import { finalise } from '../src/modules/questions/generator/build-bank';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';
import { seededRng } from '../src/modules/questions/generator/rng';
import { TEMPLATES } from '../src/modules/questions/generator/templates';

const ids = process.argv.slice(2);
const idx = buildKbIndex(loadKbFiles());
const rng = seededRng(1);
for (const t of TEMPLATES.filter((t) => ids.includes(t.id))) {
  for (const group of t.generate(idx)) {
    for (const d of group) {
      const q = finalise(d, rng);
      const blocks = checkQuestion(q, idx).filter((f) => f.severity === 'BLOCK');
      console.log(
        `\n[${t.id}] ${blocks.length ? `BLOCKED ${blocks.map((b) => `${b.id} (${b.message})`).join(', ')}` : 'ok'}`,
      );
      console.log(`Q: ${q.stem}`);
      for (const o of q.prompt.options ?? []) {
        const r = q.key.rationales?.find((x) => x.ref === o.id);
        console.log(
          `  ${q.key.optionIds?.includes(o.id) ? '*' : '-'} ${o.label}\n      ${r?.text ?? ''}`,
        );
      }
      // Matchings: each item with the target it is keyed to, then the explanation.
      for (const p of q.key.pairs ?? []) {
        const item = q.prompt.items?.find((i) => i.id === p.itemId)?.label;
        const target = q.prompt.targets?.find((t) => t.id === p.targetId)?.label;
        console.log(`  ${item}\n    => ${target}`);
      }
      if (q.key.pairs) {
        console.log(`  Explanation: ${q.explanation}`);
      }
    }
  }
}
