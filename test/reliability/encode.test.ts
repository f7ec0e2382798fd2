// Saving validates only the records that changed (core/library/store/encode.ts): it must refuse exactly what the
// whole-store schema refuses, and write text that reads back to the same data.
import { describe, expect, it } from 'vitest';
import { InvalidStoreError, StoreEncoder } from '@core/library/store/engine/encode.js';
import { STORE_SCHEMA_VERSION, storeDataSchema, type StoreData } from '@core/library/store/schema.js';

const t = '2026-05-01T08:00:00.000Z';
function store(n = 250): StoreData {
  return {
    schemaVersion: STORE_SCHEMA_VERSION,
    clauses: Array.from({ length: n }, (_, i) => ({
      id: `c-${i}`,
      category: '保修',
      title: `条款${i}`,
      tags: [],
      docTypes: ['service-plan' as const],
      owner: '法务部',
      reviewIntervalMonths: 12,
      lastReviewedAt: t,
      variants: [
        {
          name: '标准',
          versions: [
            {
              version: 1,
              body: `正文${i}`,
              variables: [],
              status: 'approved' as const,
              author: 'a',
              createdAt: t,
              changeNote: '',
              origin: 'user' as const,
            },
          ],
        },
      ],
    })),
    blueprints: [],
    projects: [
      {
        projectId: 'p1',
        name: '项目',
        lastUsedAt: t,
        pins: [{ clauseId: 'c-3', variant: '标准', version: 1, pinnedAt: t }],
      },
    ],
  };
}

/** Breakages of one record (record-level rules) and across records (the store schema's own refinements). */
const BREAKAGES: [string, (d: StoreData) => void][] = [
  [
    'a status that does not exist',
    (d) => void ((d.clauses[120]!.variants[0]!.versions[0] as { status: string }).status = 'bogus'),
  ],
  [
    'a version numbered out of order',
    (d) => void d.clauses[7]!.variants[0]!.versions.push({ ...d.clauses[7]!.variants[0]!.versions[0]!, version: 3 }),
  ],
  ['an empty title', (d) => void (d.clauses[249]!.title = '')],
  ['a clause id twice', (d) => void d.clauses.push({ ...d.clauses[5]!, variants: [...d.clauses[5]!.variants] })],
  ['a pin to a version that does not exist', (d) => void (d.projects[0]!.pins[0]!.version = 9)],
  ['a pin whose clause was removed', (d) => void d.clauses.splice(3, 1)],
  ['a variant twice in one clause', (d) => void d.clauses[60]!.variants.push(d.clauses[60]!.variants[0]!)],
  ['a project id twice', (d) => void d.projects.push(structuredClone(d.projects[0]!))],
  ['a bad time', (d) => void (d.clauses[0]!.lastReviewedAt = 'yesterday')],
];

describe('只校验改动的记录', () => {
  it.each(BREAKAGES)('%s: refused, as the whole-store schema refuses it', (_name, breakIt) => {
    const d = store();
    const enc = new StoreEncoder();
    enc.prime(d);
    breakIt(d);
    expect(storeDataSchema.safeParse(d).success).toBe(false);
    expect(() => enc.encode(d)).toThrow(InvalidStoreError);
  });

  it('a valid change is written, and the text reads back to the same data', () => {
    const d = store();
    const enc = new StoreEncoder();
    enc.prime(d);
    // Pushed without `origin`, as code might: the schema's default must be filled in on the way out.
    const added: unknown = {
      version: 2,
      body: '新正文',
      variables: [],
      status: 'draft',
      author: 'b',
      createdAt: t,
      changeNote: '改',
    };
    d.clauses[42]!.variants[0]!.versions.push(
      added as StoreData['clauses'][number]['variants'][number]['versions'][number],
    );
    const { text, accept } = enc.encode(d);
    accept();
    expect(d.clauses[42]!.variants[0]!.versions[1]!.origin).toBe('user'); // zod's default filled in on the changed record
    expect(JSON.parse(text)).toEqual(storeDataSchema.parse(d));
  });

  it('without a primed state every record is validated', () => {
    const d = store();
    (d.clauses[200]!.variants[0]!.versions[0] as { status: string }).status = 'bogus';
    expect(() => new StoreEncoder().encode(d)).toThrow(InvalidStoreError);
  });
});
