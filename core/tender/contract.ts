// The tender feature's API channel: request schema and result type. Pure (zod + types), so the renderer can import it
// through core/api/contract.ts; the handler that reads files is in core/tender/handlers.ts.
import { z } from 'zod';
import { MAX_BYTES } from './limits.js';
import type { TenderReading } from './model.js';

export const tenderRequestSchemas = {
  /** A tender's DOCX or PDF, base64 in the body like the warranty-card files. */
  readTender: z.object({
    fileName: z.string().min(1).max(500),
    data: z
      .string()
      .min(1)
      .max(Math.ceil(MAX_BYTES / 3) * 4, `招标文件不能超过 ${MAX_BYTES / 1024 / 1024} MB`),
  }),
} as const;

export type TenderHandlers = {
  readTender(req: z.infer<(typeof tenderRequestSchemas)['readTender']>): Promise<TenderReading>;
};
