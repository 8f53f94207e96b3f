/** The quality gate: item checks run on every generated question, bank checks on the whole bank. */
export { nearDuplicates, runBankChecks } from './bank-checks';
export { checkQuestion, ITEM_CHECKS, stemWindow } from './item-checks';
export type { BankCheckResult, CheckResult, Severity } from './types';
