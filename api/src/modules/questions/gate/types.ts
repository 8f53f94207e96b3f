/** The quality gate's result shape. Check ids follow qgen-anchors §3 (A1–A7, B1–B8, C1–C16, D1–D4, E1–E3, F1–F5). */
export type Severity = 'BLOCK' | 'WARN';

export type CheckResult = { id: string; severity: Severity; message: string };

export type BankCheckResult = CheckResult & { passed: boolean };
