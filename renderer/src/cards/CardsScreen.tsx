// 保修卡: import a CSV/XLSX list, map its columns to card fields, see row errors, preview cards, export one PDF/DOCX.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Space, Spin, Statistic, Steps, Upload } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CARD_FILE_MAX_BYTES, type ParseCardsResult } from '@core/api/appContract.js';
import type { CardField, CardMapping } from '@core/cards/fields.js';
import type { Project } from '@core/model/project.js';
import { api, errorMessage } from '../api.js';
import { useOnShown } from '../home/useOnShown.js';
import { useI18n } from '../i18n.js';
import { shell } from '../lib/shell.js';
import type { ScreenProps } from '../screenProps.js';
import '../settings/pages.css';
import './cards.css';
import { CardPreview } from './CardPreview.js';
import { ExportPanel, type Format, type Layout, type Script, type TemplateBy } from './ExportPanel.js';
import { fileToBase64 } from './fileData.js';
import { MappingPanel } from './MappingPanel.js';
import { PeriodsPanel, type Period, type PeriodRow, toPeriods } from './PeriodsPanel.js';
import { RowProblems } from './RowProblems.js';
import { useExportProgress } from './useExportProgress.js';

type DataFile = { name: string; data: string };
/** Whether a refusal is (also) for the company 设置 lacks: only then does it offer the way to 设置. */
const companyMissing = (r: NonNullable<ParseCardsResult['refused']>) =>
  (r.params?.problems ?? [r]).some((p) => p.code === 'card_profile_missing');
const PREVIEW_COUNT = 3;
const MB = CARD_FILE_MAX_BYTES / 1024 / 1024;

/**
 * The typed periods worth sending: rows with a name (a nameless one is still being typed), templates with a row. A row
 * whose period is blank or 0 is sent as it is, so the batch is refused naming its component.
 */
function editedPeriods(periods: Record<string, PeriodRow[]>): Record<string, Period[]> {
  const out: Record<string, Period[]> = {};
  for (const [id, list] of Object.entries(periods)) {
    const named = toPeriods(list.filter((c) => c.name.trim()));
    if (named.length) out[id] = named;
  }
  return out;
}

export function CardsScreen({ navigate }: Partial<Pick<ScreenProps, 'navigate'>>) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<DataFile | null>(null);
  const [parsed, setParsed] = useState<ParseCardsResult | null>(null);
  const [mapping, setMapping] = useState<CardMapping>({});
  const [reading, setReading] = useState(false);
  const [layout, setLayout] = useState<Layout>('a5');
  const [qr, setQr] = useState(false);
  const [format, setFormat] = useState<Format>('pdf');
  const [hide, setHide] = useState<CardField[]>([]);
  const [periods, setPeriods] = useState<Record<string, PeriodRow[]>>({});
  const [project, setProject] = useState<{ id: string; title: string; project: Project } | null>(null);
  // Unset: the project's script when the periods come from one, else 简体.
  const [script, setScript] = useState<Script | null>(null);
  const [templateBy, setTemplateBy] = useState<TemplateBy>('');
  const [exported, setExported] = useState(false);
  const { percent, run } = useExportProgress();
  const readSeq = useRef(0);
  // Bumped when the screen is shown again: 设置 (its company) may have changed meanwhile, so the file is read again.
  const [shown, setShown] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  useOnShown(root, () => setShown((n) => n + 1));
  const lastShown = useRef(shown);

  const effectiveScript: Script = script ?? project?.project.script ?? 'hans';
  // What parse and export both send: the batch's choices. Periods with a blank name are still being typed: not sent.
  const choices = useMemo(
    () => ({
      ...(hide.length ? { hide } : {}),
      ...(templateBy ? { templateBy } : {}),
      script: effectiveScript,
      ...(project ? { project: project.project } : { periods: editedPeriods(periods) }),
    }),
    [hide, templateBy, effectiveScript, project, periods],
  );

  // Re-reads whenever the file, mapping or a choice changes; a slower earlier read never overwrites a later one.
  useEffect(() => {
    // A read again on coming back is no new choice: an export already made stays made.
    const again = lastShown.current !== shown;
    lastShown.current = shown;
    if (!file) return;
    const seq = ++readSeq.current;
    setReading(true);
    if (!again) setExported(false);
    api
      .parseCards({ fileName: file.name, data: file.data, mapping, previewCount: PREVIEW_COUNT, qr, ...choices })
      .then((r) => seq === readSeq.current && setParsed(r))
      .catch((e: unknown) => {
        if (seq !== readSeq.current) return;
        message.error(t('cards.readFailed', { message: errorMessage(e, locale) }));
        setParsed(null);
        setFile(null);
      })
      .finally(() => seq === readSeq.current && setReading(false));
  }, [file, mapping, qr, choices, message, t, shown]);

  const pick = useCallback(
    async (f: File) => {
      if (f.size > CARD_FILE_MAX_BYTES) return void message.error(t('cards.tooLarge', { mb: MB }));
      setParsed(null);
      setMapping({});
      setHide([]);
      setPeriods({});
      setFile({ name: f.name, data: await fileToBase64(f) });
    },
    [message, t],
  );

  /** The periods (and script) of a recent project; null goes back to the card templates'. */
  const pickProject = async (id: string | null) => {
    if (!id) return setProject(null);
    try {
      const { project: p } = await api.openRecentProject({ id });
      setProject({ id, title: p.title, project: p });
    } catch (e) {
      message.error(t('cards.projectFailed', { message: errorMessage(e, locale) }));
    }
  };

  const exportBatch = async () => {
    if (!file || !parsed) return;
    try {
      const r = await run(parsed.validRows, () =>
        api.exportCards({ fileName: file.name, data: file.data, mapping, format, layout, qr, ...choices }),
      );
      const saved = await shell.saveExport(r.bytes, r.fileName, format);
      if (!saved) return;
      setExported(true);
      const where = saved.path || saved.name;
      // The skipped rows are named here and listed with their reasons in 行问题 on this screen.
      const rows = r.skipped.rows.slice(0, 10).join('、') + (r.skipped.rows.length > 10 ? '…' : '');
      if (r.skipped.count)
        message.warning(t('cards.exportedSkipped', { cards: r.cards, file: where, count: r.skipped.count, rows }), 8);
      else message.success(t('cards.exportedAll', { cards: r.cards, file: where }));
    } catch (e) {
      message.error(t('cards.exportFailed', { message: errorMessage(e, locale) }));
    }
  };

  const errorRows = parsed?.skippedRows ?? 0;
  const warnings = parsed ? parsed.problems.filter((p) => p.severity === 'warning').length : 0;
  const step = !file ? 0 : !parsed || parsed.fatal ? 1 : exported ? 4 : errorRows || parsed.refused ? 2 : 3;
  const exporting = percent !== null;

  const dropZone = (
    <Upload.Dragger
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      showUploadList={false}
      multiple={false}
      beforeUpload={(f) => {
        void pick(f);
        return false;
      }}
      data-testid="cards-drop"
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('cards.drop')}</p>
      <p className="ant-upload-hint">{t('cards.dropHint', { mb: MB })}</p>
    </Upload.Dragger>
  );

  return (
    <div className="bf-page" data-testid="cards-screen" ref={root}>
      <div className="bf-page-head">
        <h1 className="bf-page-title">{t('cards.title')}</h1>
        <Steps
          className="bf-page-steps"
          size="small"
          current={step}
          items={[
            { title: t('cards.step.import') },
            { title: t('cards.step.map') },
            { title: t('cards.step.check') },
            { title: t('cards.step.export') },
            { title: t('cards.step.done') },
          ]}
        />
      </div>
      {!file ? (
        <Card className="bf-page-card">{dropZone}</Card>
      ) : (
        <div className="bf-cards-grid">
          <div className="bf-cards-side">
            <Card
              className="bf-page-card"
              size="small"
              title={t('cards.file')}
              extra={
                <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => (void pick(f), false)}>
                  <Button size="small">{t('cards.replace')}</Button>
                </Upload>
              }
            >
              <div className="bf-file-line" data-testid="cards-file">
                {parsed
                  ? t('cards.fileInfo', {
                      name: file.name,
                      encoding: parsed.sheet ? `XLSX「${parsed.sheet}」` : parsed.encoding.toUpperCase(),
                      row: parsed.headerRow,
                    })
                  : file.name}
                {reading && <Spin size="small" className="bf-inline-spin" />}
              </div>
            </Card>
            {parsed && (
              <Card className="bf-page-card" size="small" title={t('cards.mapping')}>
                <p className="bf-muted bf-card-hint">{t('cards.mappingHint')}</p>
                <MappingPanel
                  parsed={parsed}
                  mapping={mapping}
                  onChange={setMapping}
                  hide={hide}
                  onHide={setHide}
                  disabled={exporting}
                />
              </Card>
            )}
            {parsed && !parsed.fatal && (
              <PeriodsPanel
                templates={parsed.templates}
                periods={periods}
                onPeriods={setPeriods}
                project={project && { id: project.id, title: project.title }}
                onProject={(id) => void pickProject(id)}
                disabled={exporting}
              />
            )}
            {/* Shown with a file-level problem too: picking templates by a column the file lacks must be undoable. */}
            {parsed && (
              <ExportPanel
                options={{ layout, format, qr, script: effectiveScript, templateBy }}
                onChange={(o) => (
                  setLayout(o.layout),
                  setFormat(o.format),
                  setQr(o.qr),
                  setScript(o.script),
                  setTemplateBy(o.templateBy)
                )}
                cards={parsed.validRows}
                percent={percent}
                busy={reading}
                refused={!!parsed.refused}
                onExport={() => void exportBatch()}
              />
            )}
          </div>
          <div className="bf-cards-main">
            {!parsed ? (
              <Card className="bf-page-card">
                <Spin description={t('cards.reading', { name: file.name })}>
                  <div className="bf-spin-space" />
                </Spin>
              </Card>
            ) : parsed.fatal ? (
              <Alert type="error" showIcon title={errorMessage(parsed.fatal, locale)} data-testid="cards-fatal" />
            ) : (
              <>
                <Card className="bf-page-card" size="small">
                  <Space size={48} className="bf-stats" data-testid="cards-stats">
                    <Statistic title={t('cards.rows')} value={parsed.dataRows} />
                    <Statistic
                      title={t('cards.valid')}
                      value={parsed.validRows}
                      styles={{ content: { color: 'var(--bf-ok)' } }}
                    />
                    <Statistic
                      title={t('cards.errors')}
                      value={errorRows}
                      styles={errorRows ? { content: { color: 'var(--bf-error)' } } : undefined}
                    />
                    <Statistic
                      title={t('cards.warnings')}
                      value={warnings}
                      styles={warnings ? { content: { color: 'var(--bf-warning)' } } : undefined}
                    />
                  </Space>
                </Card>
                <Card className="bf-page-card" size="small" title={t('cards.problems')}>
                  <RowProblems parsed={parsed} />
                </Card>
                <Card
                  className="bf-page-card"
                  size="small"
                  title={t('cards.preview')}
                  extra={
                    !parsed.refused && (
                      <span className="bf-muted">{t('cards.previewHint', { count: parsed.preview.length })}</span>
                    )
                  }
                >
                  {parsed.refused ? (
                    // No card to preview: why, and where to fill in what is missing (设置 for the company; the
                    // 保修期限 panel beside this, for the periods).
                    <Alert
                      type="error"
                      showIcon
                      title={(parsed.refused.params?.problems ?? [parsed.refused]).map((p, i) => (
                        <div key={i}>{errorMessage(p, locale)}</div>
                      ))}
                      action={
                        navigate &&
                        companyMissing(parsed.refused) && (
                          <Button size="small" onClick={() => navigate('settings')} data-testid="cards-to-settings">
                            {t('cards.toSettings')}
                          </Button>
                        )
                      }
                      data-testid="cards-refused"
                    />
                  ) : parsed.preview.length ? (
                    <div className="bf-card-list">
                      {parsed.preview.map((c) => (
                        <CardPreview key={c.row} card={c} />
                      ))}
                    </div>
                  ) : (
                    <Empty description={t('cards.previewEmpty')} />
                  )}
                </Card>
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
