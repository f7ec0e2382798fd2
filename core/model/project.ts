// A project file: which blueprint, the document's metadata, and one value per variable key.
import { z } from 'zod';
import { typesettingChoiceSchema } from './typesetting.js';
import { isValidIsoDate } from './variables.js';
import { requirementSchema } from '../deviation/schema.js';
import { commitmentsSchema } from '../commitments/schema.js';
import { projectTenderSchema } from '../tender/projectTender.js';

export const projectSchema = z.object({
  schema: z.literal(1),
  /** A stable id, so the library can record which clause versions this project pins (older files have none). */
  id: z.string().min(1).max(100).optional(),
  name: z.string().regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, 'a name usable as a file name'),
  title: z.string().min(1).max(200),
  blueprint: z.string().min(1),
  projectNo: z.string().max(100).default(''),
  bidder: z.string().max(200).default(''),
  date: z.string().refine(isValidIsoDate, 'a real calendar date like 2026-11-24'),
  script: z.enum(['hans', 'hant']).default('hans'),
  values: z.record(z.string(), z.unknown()).default({}),
  /** A bid package: the blueprints of every document sharing these values (absent = just `blueprint`). */
  documents: z.array(z.string().min(1)).min(1).max(20).optional(),
  /** The tender's requirements, answered point by point in the 偏离表. */
  requirements: z.array(requirementSchema).max(500).optional(),
  /** Read by earlier versions (a 工作日 as so many hours); kept so their files open, no longer used: a 工作日 is a day. */
  workingDayHours: z.number().positive().max(24).optional(),
  /** The bid's promises as typed facts (core/commitments); absent = the facts its values state. */
  commitments: commitmentsSchema.optional(),
  /**
   * The writer's outline per document (blueprint id → its sections, each with its clause references in order),
   * overriding the blueprint's; absent (or without that blueprint) = the blueprint as it is. See core/assemble/projectOutline.ts.
   */
  outline: z
    .record(
      z.string().min(1).max(100),
      z
        .array(
          z.object({
            title: z.string().min(1).max(200),
            clauses: z
              .array(z.object({ id: z.string().min(1).max(200), variant: z.string().min(1).max(100) }))
              .max(200),
          }),
        )
        .max(100),
    )
    .optional(),
  /** The tender read into this project: its file, every proposed row with the writer's decision (core/tender/projectTender.ts). */
  tender: projectTenderSchema.optional(),
  /** Layout profile (bid default or GB/T 9704) with the tender's overrides, 正本/副本 and the per-page seal box; absent = bid default. */
  typesetting: typesettingChoiceSchema.optional(),
});
export type Project = z.infer<typeof projectSchema>;
