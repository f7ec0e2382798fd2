// Export of the shown document as DOCX or PDF: the file goes where the user saves it; the message offers to open it
// or show it in its folder (desktop), and a refused export names its errors.
import { App, Button } from 'antd';
import { useCallback, useState } from 'react';
import type { Project } from '@core/model/project.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';
import { exportFailure } from '../lib/exportFailure.js';
import { shell } from '../lib/shell.js';

export type Format = 'docx' | 'pdf';

export function useExport(project: Project | null, docParam: string | undefined) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState<Format | null>(null);

  const exportAs = useCallback(
    async (format: Format) => {
      if (!project || exporting) return;
      setExporting(format);
      const key = 'export';
      message.open({
        key,
        type: 'loading',
        content: t('msg.exporting', { format: format.toUpperCase() }),
        duration: 0,
      });
      try {
        const { fileName, bytes, problems } = await api.exportDocument({
          project,
          format,
          ...(docParam ? { document: docParam } : {}),
        });
        const saved = await shell.saveExport(bytes, fileName, format);
        if (!saved) return message.destroy(key);
        const warnings = problems.filter((p) => p.severity === 'warning').length;
        const text = warnings
          ? t('msg.exportedWithWarnings', { file: saved.name, count: warnings })
          : t('msg.exported', { file: saved.name });
        // In the desktop app the file has a real place: offer to open it or show it in its folder.
        const content = saved.path ? (
          <span>
            {text}
            <Button
              size="small"
              type="link"
              onClick={() =>
                void shell.openPath(saved.path).catch((e: unknown) => message.error(errorMessage(e, locale)))
              }
            >
              {t('msg.openFile')}
            </Button>
            <Button size="small" type="link" onClick={() => void shell.showInFolder(saved.path)}>
              {t('msg.showInFolder')}
            </Button>
          </span>
        ) : (
          text
        );
        message.open({ key, type: 'success', content, duration: saved.path ? 8 : 3 });
      } catch (e) {
        // A failed check lists every error in its message; the problems panel already shows them one by one.
        const content = exportFailure(e, t, locale);
        message.open({ key, type: 'error', content, duration: 8 });
      } finally {
        setExporting(null);
      }
    },
    [docParam, exporting, message, project, t, locale],
  );
  return { exporting, exportAs };
}
