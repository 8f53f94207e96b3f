/**
 * Dates across the built bank read at their stored precision (issue-11 audit: "March 2022" for a
 * spring statement, "(2023, inferred)" in student text). Kept apart from `audit-checks.test.ts`,
 * whose cases start from drafts so that mutation testing can run them without building the bank.
 */
import { buildBank } from '../generator';
import { loadKbFiles } from '../generator/load-kb-files';
import { studentTexts } from './item-checks';

describe('dates in the bank', () => {
  it('renders every date at its stored precision across the bank (spring 2022, autumn 2020)', () => {
    const { questions } = buildBank({ kb: loadKbFiles(), seed: 3 });
    const all = questions.flatMap(studentTexts).join('\n');
    expect(all).toMatch(/spring 2022/);
    expect(all).toMatch(/autumn 2020/);
    expect(all).not.toMatch(/March 2022|September 2020|\(2023, inferred\)|Web search engine/);
  });
});
