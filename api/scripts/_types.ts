import { buildBank } from '../src/modules/questions/generator';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';
const { questions, report } = buildBank({ kb: loadKbFiles(), seed: 1 });
console.log(questions.length, JSON.stringify(report.byType));
