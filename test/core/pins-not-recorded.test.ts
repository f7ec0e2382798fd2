// An export whose pins cannot be recorded (another program holds the clause library) still succeeds with a warning,
// and the warning gives the library's reason in the reader's language: the English text has no Chinese in it.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { problemText } from '@core/i18n/problemText.js';
import { openStore } from '@core/library/store/store.js';
import { tempDir } from '../helpers/tmp.js';

const HAN = /\p{Script=Han}/u;

describe('pins_not_recorded', () => {
  it('words the lock holder in Chinese and in English', async () => {
    const dataDir = tempDir('bf-pins-');
    const handlers = createHandlers({ templatesDir: 'templates', dataDir });
    const { project } = await handlers.openSample({ name: 'service-plan-sample' });
    // The app's library is opened (and seeded) first; then the CLI takes the library's lock and keeps it.
    await handlers.libraryList({ filter: {} });
    const cli = await openStore({ dataDir, program: 'CLI' });
    await cli.markReviewed('no-such', '王').catch(() => undefined);
    try {
      const { problems } = await handlers.exportDocument({ project, format: 'docx' });
      const warning = problems.find((p) => p.code === 'pins_not_recorded');
      expect(warning?.severity).toBe('warning');
      expect(warning!.message).toMatch(/^条款版本未记入条款库：条款库正被 \S.*（进程 \d+）使用/);
      const en = problemText(warning!, 'en');
      expect(en).toMatch(
        /^The clause versions were not recorded in the clause library: The clause library is in use by \S.* \(pid \d+\)/,
      );
      expect(en).not.toMatch(HAN);
    } finally {
      await cli.close();
    }
  });
});
