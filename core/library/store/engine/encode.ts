// Turning the store into the text of library.json, validating only what changed.
//
// Why: with 10,000 clause variants the whole-store zod validation took ~65 ms and a pretty-printed stringify ~40 ms
// on every save. A record's validity depends only on its own content (rules across records — unique ids, pins that
// must exist — are the top-level checks, which still run every time), so a record whose JSON text is exactly a text
// that was validated before is still valid. Each save therefore serializes record by record (the writing cost we pay
// anyway), validates with the record's own schema only the records whose text is new, and runs the store schema's
// cross-record checks over the whole. Loading a file still validates everything (decodeStore).
//
// The file keeps each list as lines of 100 records: valid JSON, and a change shows as a one-line diff.
import { z } from 'zod';
import { storeDataSchema, type StoreData } from '../schema.js';

/** The store schema's top-level fields: the lists (validated record by record) and the rest (validated whole). */
const shape = storeDataSchema.shape;
type Field = keyof typeof shape & keyof StoreData;
const FIELDS = Object.keys(shape) as Field[];
const isListSchema = (s: z.ZodType): s is z.ZodArray<z.ZodType> => s instanceof z.ZodArray;
const LIST_FIELDS = FIELDS.filter((f) => isListSchema(shape[f]));

/**
 * The store schema with each list's records accepted as they are, keeping the schema's own cross-record checks
 * (its superRefine), so those rules live in one place (schema.ts) and this module cannot drift from them.
 */
const looseShape: Record<string, z.ZodType> = {};
for (const f of FIELDS) looseShape[f] = LIST_FIELDS.includes(f) ? z.array(z.unknown()) : shape[f];
// The refinements are typed for the strict shape; they only read fields both shapes have, so they apply as they are.
const storeChecks = (storeDataSchema._zod.def.checks ?? []) as unknown as z.core.$ZodCheck<Record<string, unknown>>[];
const crossRecordSchema = z.object(looseShape).check(...storeChecks);

/** The change would leave the store invalid; `error` names each problem with its path (clauses.3.variants.0…). */
export class InvalidStoreError extends Error {
  constructor(readonly error: z.ZodError) {
    super('the library would not be valid');
  }
}

export type Encoded = { text: string; accept: () => void };

/** Records per block. Blocks, not single records: one JSON.stringify call per record cost twice as much as one call
 * for the whole list (38 vs 20 ms at 10,000 clauses); per block of 100 it is close to the whole. */
const BLOCK = 100;

/** The JSON text of records[from, from + BLOCK) without the surrounding brackets: "{…},{…}". */
const blockText = (records: unknown[], from: number) => JSON.stringify(records.slice(from, from + BLOCK)).slice(1, -1);

export class StoreEncoder {
  /**
   * Per list field: the JSON text of each block of records validated last time, by position. null: nothing known
   * (validate all). Compared by position, not looked up in a Set: two strings at the same place cost a length check
   * or one memcmp, while a Set hashed all the text again on each save. A record inserted in the middle shifts the
   * blocks after it, which are then validated again: correct, only slower for that one save.
   */
  private known: Map<Field, string[]> | null = null;

  get primed(): boolean {
    return this.known !== null;
  }

  /** Forget what was validated (after the file was read again: its records were validated whole on the way in). */
  reset(): void {
    this.known = null;
  }

  /** Remember `data`'s records as valid. Only for data that was validated whole (decoded, or written by encode). */
  prime(data: StoreData): void {
    this.known = new Map(LIST_FIELDS.map((f) => [f, blocksOf(data[f] as unknown[])]));
  }

  /**
   * Validates `data` (the records of new or changed blocks with their schema, then the cross-record checks) and
   * returns the file text. Validated records replace the originals in `data` (zod fills defaults). Throws
   * InvalidStoreError. Call `accept()` once the text is safely written, so its blocks count as known from then on.
   */
  encode(data: StoreData): Encoded {
    const issues: z.core.$ZodIssue[] = [];
    const texts = new Map<Field, string[]>();
    for (const f of LIST_FIELDS) {
      const element = (shape[f] as z.ZodArray<z.ZodType>).element;
      const known = this.known?.get(f);
      const records = data[f] as unknown[];
      const out: string[] = [];
      for (let from = 0, b = 0; from < records.length; from += BLOCK, b++) {
        const text = blockText(records, from);
        if (known !== undefined && known[b] === text) {
          // The text known already (a slice of the file text kept anyway), not the equal one just made: that one is
          // garbage at once, so an unchanged block costs no memory that outlives this save.
          out.push(known[b]!);
          continue;
        }
        for (let i = from; i < Math.min(records.length, from + BLOCK); i++) {
          const parsed = element.safeParse(records[i]);
          if (parsed.success) records[i] = parsed.data;
          else for (const issue of parsed.error.issues) issues.push({ ...issue, path: [f, i, ...issue.path] });
        }
        out.push(blockText(records, from));
      }
      texts.set(f, out);
    }
    if (issues.length) throw new InvalidStoreError(new z.ZodError(issues));
    const whole = crossRecordSchema.safeParse(data);
    if (!whole.success) throw new InvalidStoreError(whole.error);
    const checked = whole.data as Record<Field, unknown>;
    for (const f of FIELDS) if (!LIST_FIELDS.includes(f)) (data as Record<Field, unknown>)[f] = checked[f];
    // The file text in one join (no intermediate text per list), noting where each block sits in it.
    const pieces: string[] = ['{\n'];
    const at = new Map<Field, number[]>();
    let length = 2;
    const put = (piece: string) => {
      pieces.push(piece);
      length += piece.length;
    };
    FIELDS.forEach((f, i) => {
      const list = texts.get(f);
      if (!list && checked[f] === undefined) return; // an optional field left out (never the first, schemaVersion)
      put(`${i ? ',\n' : ''}${JSON.stringify(f)}: `);
      if (!list) return put(JSON.stringify(checked[f]));
      if (!list.length) return put('[]');
      const starts: number[] = [];
      at.set(f, starts);
      put('[\n');
      list.forEach((block, b) => {
        if (b) put(',\n');
        starts.push(length);
        put(block);
      });
      put('\n]');
    });
    put('\n}\n');
    const text = pieces.join('');
    return {
      text,
      accept: () => {
        // Each block as a slice of the file text (which the store keeps as the text last written): no second copy.
        this.known = new Map(
          LIST_FIELDS.map((f) => [
            f,
            (texts.get(f) ?? []).map((block, b) => text.slice(at.get(f)![b]!, at.get(f)![b]! + block.length)),
          ]),
        );
      },
    };
  }
}

function blocksOf(records: unknown[]): string[] {
  const out: string[] = [];
  for (let from = 0; from < records.length; from += BLOCK) out.push(blockText(records, from));
  return out;
}
