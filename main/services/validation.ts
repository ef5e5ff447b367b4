import type { z } from 'zod';
import { ServiceError } from './errors';

/** Turns a zod failure into INVALID_ARGUMENT naming each offending field. */
export function invalidArgument(error: z.ZodError, message = 'Invalid input'): ServiceError {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
  return new ServiceError('INVALID_ARGUMENT', `${message}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

/** Parses with the schema or throws INVALID_ARGUMENT. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, message?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidArgument(result.error, message);
  return result.data;
}
