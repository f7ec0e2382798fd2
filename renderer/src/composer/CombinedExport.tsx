// 合订本: a bid package exported as one DOCX or PDF (one cover, one 目录 over every document in the package's order,
// each from a new page), its pages numbered on or from 1 in each document — besides the separate files.
import { FileAddOutlined } from '@ant-design/icons';
import { App, Button, Popover, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { packageBlueprints } from '@core/assemble/shared.js';
import type { PageNumbering } from '@core/model/document.js';
import type { Project } from '@core/model/project.js';
import { api } from '../api.js';
import { useI18n } from '../i18n.js';
import { exportFailure } from '../lib/exportFailure.js';
import { shell } from '../lib/shell.js';

export function CombinedExport({ project }: { project: Project | null }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [pageNumbers, setPageNumbers] = useState<PageNumbering>('continuous');
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const count = project?.documents ? packageBlueprints(project).length : 0;
  if (!project || count < 2) return null;

  const run = async (format: 'docx' | 'pdf') => {
    if (busy) return;
    setBusy(format);
    const key = 'export';
    message.open({ key, type: 'loading', content: t('msg.exporting', { format: format.toUpperCase() }), duration: 0 });
    try {
      const { fileName, bytes, problems } = await api.exportDocument({ project, format, combined: { pageNumbers } });
      const saved = await shell.saveExport(bytes, fileName, format);
      if (!saved) return message.destroy(key);
      const warnings = problems.filter((p) => p.severity === 'warning').length;
      const content = warnings
        ? t('msg.exportedWithWarnings', { file: saved.name, count: warnings })
        : t('msg.exported', { file: saved.name });
      message.open({ key, type: 'success', content, duration: 3 });
    } catch (e) {
      message.open({ key, type: 'error', content: exportFailure(e, t, locale), duration: 8 });
    } finally {
      setBusy(null);
    }
  };

  const content = (
    <Space direction="vertical" size="small" style={{ maxWidth: 320 }} data-testid="combined-export">
      <Typography.Text type="secondary">{t('combined.hint', { count })}</Typography.Text>
      <Space>
        <span>{t('combined.pages')}</span>
        <Radio.Group
          size="small"
          value={pageNumbers}
          onChange={(e) => setPageNumbers(e.target.value as PageNumbering)}
          options={[
            { value: 'continuous', label: t('combined.continuous') },
            { value: 'per-part', label: t('combined.perPart') },
          ]}
          data-testid="combined-pages"
        />
      </Space>
      <Space>
        <Button
          type="primary"
          size="small"
          loading={busy === 'pdf'}
          disabled={busy === 'docx'}
          onClick={() => void run('pdf')}
          data-testid="combined-pdf"
        >
          {t('combined.pdf')}
        </Button>
        <Button
          size="small"
          loading={busy === 'docx'}
          disabled={busy === 'pdf'}
          onClick={() => void run('docx')}
          data-testid="combined-docx"
        >
          {t('combined.docx')}
        </Button>
      </Space>
    </Space>
  );
  return (
    <Popover title={t('combined.title')} content={content} trigger="click" placement="bottomRight">
      <Button
        icon={<FileAddOutlined />}
        className="bf-act"
        aria-label={t('combined.button')}
        data-testid="combined-open"
      >
        {t('combined.button')}
      </Button>
    </Popover>
  );
}
