import type { z } from 'zod';

/** One readable line per zod issue: "field.path: problem". */
export function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`).join('; ');
}
