/** The quality gate: item checks run on every generated question, bank checks on the whole bank. */
export {
  nearDuplicates,
  repeatedStatements,
  runBankChecks,
  TF_BALANCE_MIN_ITEMS,
  TF_TRUE_SHARE,
  trueFalseKeyBalance,
} from './bank-checks';
export { checkQuestion, ITEM_CHECKS, stemWindow } from './item-checks';
export type { BankCheckResult, CheckResult, Severity } from './types';
