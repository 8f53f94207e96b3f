/** Counts the bank per template and the gate's rejections per template and check (issue 11 tuning). */
import { checkQuestion } from '../src/modules/questions/gate';
import { buildBank, buildKbIndex } from '../src/modules/questions/generator';
import { finalise } from '../src/modules/questions/generator/build-bank';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';
import { seededRng } from '../src/modules/questions/generator/rng';
import { TEMPLATES } from '../src/modules/questions/generator/templates';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const { questions } = buildBank({ kb, seed: 1 });
const per: Record<string, number> = {};
for (const q of questions) {
  per[q.template] = (per[q.template] ?? 0) + 1;
}
console.log(
  'total',
  questions.length,
  'distinct stems',
  new Set(questions.map((q) => q.stem)).size,
);
const perType: Record<string, number> = {};
for (const q of questions) {
  perType[q.type] = (perType[q.type] ?? 0) + 1;
}
console.log('per type', JSON.stringify(perType));
const tf = questions.filter((q) => q.type === 'TRUE_FALSE');
const t = tf.filter((q) => q.key.optionIds?.[0] === 'true').length;
console.log('TF true', t, 'false', tf.length - t);
console.log(JSON.stringify(per));
const rng = seededRng(1);
const verbose = process.argv.includes('--v');
for (const template of TEMPLATES) {
  let groups = 0;
  let drafts = 0;
  let passed = 0;
  const rej: Record<string, number> = {};
  for (const group of template.generate(idx)) {
    groups += 1;
    let ok = false;
    for (const d of group) {
      drafts += 1;
      const q = finalise(d, rng);
      const blocks = checkQuestion(q, idx).filter((f) => f.severity === 'BLOCK');
      if (blocks.length === 0) {
        ok = true;
        break;
      }
      for (const b of blocks) {
        rej[b.id] = (rej[b.id] ?? 0) + 1;
        if (verbose && process.argv.includes(template.id)) {
          console.log('  REJ', b.id, b.message, '|', q.stem);
        }
      }
    }
    if (ok) {
      passed += 1;
    }
  }
  console.log(
    template.id,
    'groups',
    groups,
    'drafts',
    drafts,
    'passed',
    passed,
    JSON.stringify(rej),
  );
}
