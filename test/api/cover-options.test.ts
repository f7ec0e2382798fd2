// The cover as a writer sets it up: the company logo from 设置, 正本/副本 and the seal box chosen in the composer.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { logoOf } from '@core/project/handlers.js';
import { templatesDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/tmp.js';

// A 1×1 PNG.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('cover options', () => {
  it('reads a settings logo as PNG or JPEG, and nothing else', () => {
    expect(logoOf(PNG)).toEqual({ type: 'png', base64: PNG.split(',')[1] });
    expect(logoOf('data:image/jpeg;base64,AAAA')).toEqual({ type: 'jpg', base64: 'AAAA' });
    expect(logoOf('data:image/svg+xml;base64,AAAA')).toBeUndefined();
    expect(logoOf(undefined)).toBeUndefined();
  });

  it('puts the company logo into the DOCX, and 正本 and the seal box into the PDF', async () => {
    const api = createHandlers({ templatesDir, dataDir: tempDir('bf-cover-') });
    const { settings } = await api.getSettings({});
    await api.saveSettings({
      settings: { ...settings, company: { ...settings.company, name: '滨江恒信机电工程有限公司', logo: PNG } },
    });
    // A report has a cover (a letter, a form and a card have none, so no logo either).
    const { project } = await api.openSample({ name: 'service-plan-sample' });
    const chosen = {
      ...project,
      typesetting: { profile: 'bid' as const, copyMark: '正本' as const, sealEveryPage: true },
    };

    const docx = unzipSync((await api.exportDocument({ project: chosen, format: 'docx' })).bytes);
    expect(Object.keys(docx).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);

    const pdfFile = join(tempDir('bf-cover-pdf-'), 'plan.pdf');
    writeFileSync(pdfFile, (await api.exportDocument({ project: chosen, format: 'pdf' })).bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('正本');
    expect(text).toContain('盖章处');
  });
});
