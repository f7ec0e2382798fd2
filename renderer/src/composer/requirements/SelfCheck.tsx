// 自查 in 招标要求: runs the self-check on the project as drawn (★ items, 废标 conditions, mandated documents and
// sections, figures across documents), lists each finding with its place in the tender, what to do and a link to
// the requirement or fact it concerns, and exports the list as an XLSX (导出自查表).
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import { useState } from 'react';
import type { Project } from '@core/model/project.js';
import type { SelfCheckRow } from '@core/tender/selfCheck.js';
import { selfCheckWords } from '@core/tender/selfCheckMessages.js';
import { api, errorMessage } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { downloadBlob } from '../../lib/download.js';
import { place } from './TenderRowView.js';
import { TocChecklist } from './TocChecklist.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type SelfCheckProps = {
  currentProject: () => Project | null;
  /** Leads to a field (requirements.N, commitments.N, values.KEY) as the problems list does. */
  onLocate?: (field: string) => void;
  labelOf?: (field: string) => string | undefined;
};

export function SelfCheck({ currentProject, onLocate, labelOf }: SelfCheckProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [rows, setRows] = useState<SelfCheckRow[] | null>(null);
  const [busy, setBusy] = useState<'run' | 'export' | null>(null);
  const [basis, setBasis] = useState<'page' | 'document'>('page');
  const [hasTender, setHasTender] = useState(true);
  const lang = locale === 'en' ? 'en' : 'zh';
  const tender = currentProject()?.tender;

  const run = async () => {
    const project = currentProject();
    if (!project) return;
    setBusy('run');
    try {
      setRows((await api.tenderSelfCheck({ project })).rows);
      setBasis(project.tender?.paragraphBasis ?? 'page');
      setHasTender(!!project.tender);
    } catch (e) {
      message.error(t('selfCheck.failed', { message: errorMessage(e, locale) }));
    } finally {
      setBusy(null);
    }
  };
  const exportXlsx = async () => {
    const project = currentProject();
    if (!project) return;
    setBusy('export');
    try {
      const { fileName, bytes } = await api.exportTenderSelfCheck({ project, lang });
      downloadBlob(bytes as Uint8Array<ArrayBuffer>, fileName, XLSX);
      message.success(t('selfCheck.exported', { file: fileName }));
    } catch (e) {
      message.error(t('selfCheck.failed', { message: errorMessage(e, locale) }));
    } finally {
      setBusy(null);
    }
  };

  const errors = rows?.filter((r) => r.severity === 'error').length ?? 0;
  return (
    <section className="bf-reqs-proposals bf-selfcheck" data-testid="selfcheck-panel" aria-label={t('selfCheck.title')}>
      <div className="bf-reqs-head">
        <h3 className="bf-reqs-subtitle">{t('selfCheck.title')}</h3>
        <Button
          size="small"
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={busy === 'run'}
          onClick={() => void run()}
          data-testid="selfcheck-run"
        >
          {t(rows ? 'selfCheck.again' : 'selfCheck.run')}
        </Button>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          loading={busy === 'export'}
          onClick={() => void exportXlsx()}
          data-testid="selfcheck-export"
        >
          {t('selfCheck.export')}
        </Button>
      </div>
      <p className="bf-muted">{t('selfCheck.hint')}</p>
      {rows && !hasTender && <p className="bf-muted">{t('selfCheck.noTender')}</p>}
      {rows && (
        <p data-testid="selfcheck-summary">
          {rows.length ? t('selfCheck.summary', { errors, warnings: rows.length - errors }) : t('selfCheck.clean')}
        </p>
      )}
      <TocChecklist tender={tender} findings={rows} />
      {rows && rows.length > 0 && (
        <ol className="bf-req-list" data-testid="selfcheck-rows">
          {rows.map((r, i) => {
            const words = lang === 'zh' ? r : selfCheckWords(r.code, r.params, lang);
            const target = r.field && labelOf?.(r.field);
            return (
              <li className="bf-tender-row" key={`${r.code}-${i}`} data-testid={`selfcheck-row-${i}`}>
                <div className="bf-tender-meta">
                  <Tag color={r.severity === 'error' ? 'red' : 'gold'}>{t(`selfCheck.severity.${r.severity}`)}</Tag>
                  <Tag>{t(`selfCheck.kind.${r.kind}`)}</Tag>
                  {r.where && <span className="bf-muted">{place({ loc: r.where }, basis, t)}</span>}
                </div>
                <div className="bf-tender-text">{words.text}</div>
                <div className="bf-muted">{t('selfCheck.todo', { todo: words.todo })}</div>
                {r.field && onLocate && (
                  <div className="bf-tender-actions">
                    <Button
                      size="small"
                      type="link"
                      onClick={() => onLocate(r.field!)}
                      data-testid={`selfcheck-row-${i}-locate`}
                    >
                      {t('selfCheck.locate', { target: target ?? r.field })}
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
