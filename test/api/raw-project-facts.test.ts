// A project handed to the handlers as a file holds it (not through a transport's zod parse) has facts without
// `offered` — the schema's default (true) was never applied. The handlers must read them as offered, as the parsed
// project's are: the preview prints their sentences, the checks and the export see the same facts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { factPhrase } from '@core/commitments/phrase.js';
import type { Document } from '@core/model/document.js';
import type { Project } from '@core/model/project.js';
import { projectSchema } from '@core/model/project.js';
import { documentText } from '../commitments/trace.js';
import { templatesDir } from '../helpers/paths.js';
import { squash } from '../helpers/text.js';

const SAMPLE = 'service-plan-sample';
const raw = () => JSON.parse(readFileSync(join(templatesDir, 'samples', `${SAMPLE}.json`), 'utf8')) as Project;
const api = createHandlers({ templatesDir });
const text = (doc: Document) => squash(documentText(doc));

describe('a raw project file at the handlers', () => {
  it('has facts without offered (the case under test)', () => {
    const facts = raw().commitments ?? [];
    expect(facts.length).toBeGreaterThan(10);
    expect(facts.every((f) => f.offered === undefined)).toBe(true);
  });

  it('previews its facts as offered, as the parsed project does', async () => {
    const parsed = projectSchema.parse(raw());
    const fromRaw = await api.preview({ project: raw() });
    const fromParsed = await api.preview({ project: parsed });
    const printed = text(fromRaw.document);
    // The facts whose sentence the parsed project prints (the sample states many of them in its own words).
    const phrases = parsed.commitments!.map((f) => squash(factPhrase(f)));
    const stated = phrases.filter((p) => text(fromParsed.document).includes(p));
    expect(stated.length).toBeGreaterThan(3);
    for (const phrase of stated) expect(printed).toContain(phrase);
    expect(printed).toBe(text(fromParsed.document));
    expect(fromRaw.problems).toEqual(fromParsed.problems);
  });

  it('checks and exports it as the parsed project', async () => {
    const parsed = projectSchema.parse(raw());
    expect((await api.checkProject({ project: raw() })).problems).toEqual(
      (await api.checkProject({ project: parsed })).problems,
    );
    const exported = await api.exportDocument({ project: raw(), format: 'docx' });
    expect(exported.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('keeps a fact that is explicitly not offered out', async () => {
    const project = raw();
    const facts = project.commitments!.map((f) => (f.id === 'satisfaction' ? { ...f, offered: false } : f));
    const parsed = projectSchema.parse(raw());
    const satisfaction = parsed.commitments!.find((f) => f.id === 'satisfaction')!;
    const { document } = await api.preview({ project: { ...project, commitments: facts } });
    expect(text(document)).not.toContain(squash(factPhrase(satisfaction)));
  });
});
