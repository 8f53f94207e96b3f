import type { z } from 'zod';

/** An expected validation failure, returned in a payload's `errors` (GraphQL type FieldError). */
export type FieldError = { field: string; code: FieldErrorCode; message: string };

/** The stable codes a client may switch on; the message is for people. */
export type FieldErrorCode =
  | 'REQUIRED'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'TOO_FEW'
  | 'TOO_MANY'
  | 'OUT_OF_RANGE'
  | 'DUPLICATE'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'NOT_ALLOWED'
  | 'TAKEN'
  | 'WEAK_PASSWORD'
  | 'INVALID_CREDENTIALS';

export const fieldError = (field: string, code: FieldErrorCode, message: string): FieldError => ({
  field,
  code,
  message,
});

const CODES = new Set<string>([
  'REQUIRED',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_FEW',
  'TOO_MANY',
  'OUT_OF_RANGE',
  'DUPLICATE',
  'INVALID',
  'NOT_FOUND',
  'NOT_ALLOWED',
  'TAKEN',
  'WEAK_PASSWORD',
  'INVALID_CREDENTIALS',
]);

const codeOf = (issue: z.core.$ZodIssue): FieldErrorCode => {
  // A refinement names its code in params; built-in checks map by kind.
  const custom = (issue as { params?: { code?: string } }).params?.code;
  if (custom && CODES.has(custom)) {
    return custom as FieldErrorCode;
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') {
        return 'TOO_FEW';
      }
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'REQUIRED' : 'TOO_SHORT';
      }
      return 'OUT_OF_RANGE';
    case 'too_big':
      if (issue.origin === 'array') {
        return 'TOO_MANY';
      }
      return issue.origin === 'string' ? 'TOO_LONG' : 'OUT_OF_RANGE';
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'REQUIRED' : 'INVALID';
    default:
      return 'INVALID';
  }
};

/** zod issues as FieldErrors with dotted paths (`options.2.label`), first issue per path. */
export const fieldErrorsFromZod = (error: z.ZodError): FieldError[] => {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (!seen.has(field)) {
      seen.add(field);
      errors.push(fieldError(field, codeOf(issue), issue.message));
    }
  }
  return errors;
};
