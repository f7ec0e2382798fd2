// Clause packs: export chosen clauses and blueprints as one .bfpack.json (a download), and import one with a conflict
// screen where each conflicting item gets keep-mine / take-theirs / keep-both.
import { Alert, App, Checkbox, Modal, Radio, Select, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { ImportItem, ImportPreview } from '@core/api/library.js';
import { problemText } from '@core/i18n/problemText.js';
import { api, errorMessage } from '../api.js';
import { useI18n, type MessageKey } from '../i18n.js';
import { downloadBlob } from '../lib/download.js';
import { DiffText } from './DiffView.js';

type Resolution = 'keep-mine' | 'take-theirs' | 'keep-both';

/** The clauses offered are named by title, their id after it (legal knows clauses by title; ids travel in the pack). */
export function ExportPackModal({
  open,
  clauses,
  onClose,
}: {
  open: boolean;
  clauses: { id: string; title: string }[];
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string[]>([]);
  const [blueprints, setBlueprints] = useState<{ id: string; title: string }[]>([]);
  const [chosenBps, setChosenBps] = useState<string[]>([]);
  const [unapproved, setUnapproved] = useState(false);
  useEffect(() => {
    if (!open) return;
    setChosen(clauses.map((c) => c.id));
    void api.listBlueprints({}).then(setBlueprints);
  }, [open, clauses]);

  async function run() {
    try {
      const { fileName, pack } = await api.libraryExportPack({
        clauseIds: chosen,
        blueprintIds: chosenBps,
        includeUnapproved: unapproved,
      });
      downloadBlob(`${JSON.stringify(pack, null, 2)}\n`, fileName, 'application/json');
      message.success(t('lib.pack.exported', { file: fileName }));
      onClose();
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  }

  return (
    <Modal
      open={open}
      title={t('lib.pack.exportTitle')}
      okText={t('lib.pack.export')}
      cancelText={t('lib.cancel')}
      okButtonProps={{ disabled: !chosen.length && !chosenBps.length }}
      onOk={() => void run()}
      onCancel={onClose}
      width={640}
    >
      <p className="bf-muted">{t('lib.pack.exportHint')}</p>
      <Select
        mode="multiple"
        className="bf-lib-wide"
        value={chosen}
        onChange={setChosen}
        options={clauses.map((c) => ({ value: c.id, label: `${c.title}（${c.id}）` }))}
        optionFilterProp="label"
        maxTagCount={12}
        placeholder={t('lib.pack.clauses')}
        aria-label={t('lib.pack.clauses')}
      />
      <Select
        mode="multiple"
        className="bf-lib-wide"
        value={chosenBps}
        onChange={setChosenBps}
        options={blueprints.map((b) => ({ value: b.id, label: b.title }))}
        placeholder={t('lib.pack.blueprints')}
        aria-label={t('lib.pack.blueprints')}
      />
      <Checkbox checked={unapproved} onChange={(e) => setUnapproved(e.target.checked)}>
        {t('lib.pack.unapproved')}
      </Checkbox>
    </Modal>
  );
}

const MERGE_LABEL: Record<string, MessageKey> = {
  added: 'lib.merge.added',
  'new-version': 'lib.merge.new-version',
  replaced: 'lib.merge.replaced',
  'kept-both': 'lib.merge.kept-both',
  'kept-mine': 'lib.merge.kept-mine',
  identical: 'lib.merge.identical',
};

const STATUS_TAG: Record<ImportItem['status'], string> = { new: 'blue', identical: 'default', conflicting: 'orange' };

/** Shows what a pack would change; conflicts need a choice each before it can be applied. */
export function ImportPackModal({
  pack,
  onClose,
  onApplied,
}: {
  pack: unknown;
  onClose: () => void;
  onApplied: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<Record<string, Resolution>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPreview(null);
    if (pack === undefined) return;
    api
      .libraryPreviewImport({ pack })
      .then((p) => {
        setPreview(p);
        setChoices(
          Object.fromEntries(
            p.items.filter((i) => i.status === 'conflicting').map((i) => [i.key, 'keep-mine' as Resolution]),
          ),
        );
      })
      .catch((e: unknown) => {
        message.error(t('lib.pack.bad', { message: errorMessage(e, locale) }));
        onClose();
      });
  }, [pack, message, onClose, t]);

  async function apply() {
    setBusy(true);
    try {
      const report = await api.libraryApplyImport({ pack, resolutions: choices });
      const summary = Object.entries(report.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${MERGE_LABEL[k] ? t(MERGE_LABEL[k]) : k} ${n}`)
        .join('，');
      message.success(t('lib.pack.imported', { summary: summary || '—' }));
      onApplied();
      onClose();
    } catch (e) {
      message.error(errorMessage(e, locale));
    } finally {
      setBusy(false);
    }
  }

  const choice = (key: string) => (
    <Radio.Group
      size="small"
      optionType="button"
      value={choices[key]}
      onChange={(e) => setChoices((c) => ({ ...c, [key]: e.target.value as Resolution }))}
    >
      <Radio.Button value="keep-mine">{t('lib.pack.keepMine')}</Radio.Button>
      <Radio.Button value="take-theirs">{t('lib.pack.takeTheirs')}</Radio.Button>
      <Radio.Button value="keep-both">{t('lib.pack.keepBoth')}</Radio.Button>
    </Radio.Group>
  );

  return (
    <Modal
      open={pack !== undefined && preview !== null}
      title={t('lib.pack.importTitle')}
      okText={t('lib.pack.apply')}
      cancelText={t('lib.cancel')}
      confirmLoading={busy}
      onOk={() => void apply()}
      onCancel={onClose}
      width={900}
    >
      {preview && (
        <>
          <p>
            <Tag color="blue">{t('lib.pack.new', { count: preview.counts.new })}</Tag>
            <Tag>{t('lib.pack.identical', { count: preview.counts.identical })}</Tag>
            <Tag color="orange">{t('lib.pack.conflicting', { count: preview.counts.conflicting })}</Tag>
          </p>
          {preview.signer && (
            // Who signed the pack; unless trusted (设置 → 受信任的签发人) its clauses arrive as drafts (#19).
            <Alert
              showIcon
              type={
                preview.signer.keepsApprovals ? 'success' : preview.signer.state === 'invalid' ? 'error' : 'warning'
              }
              message={problemText(preview.signer.notice, locale)}
              data-testid="import-signer"
              style={{ marginBottom: 8 }}
            />
          )}
          {preview.warnings.map((w) => (
            <div key={w.message} className="bf-muted" data-testid="import-warning">
              {problemText(w, locale)}
            </div>
          ))}
          <Table<ImportItem>
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ y: 420 }}
            dataSource={preview.items}
            expandable={{
              defaultExpandAllRows: true,
              rowExpandable: (i) => !!i.diff,
              expandedRowRender: (i) => <DiffText segments={i.diff ?? []} />,
            }}
            columns={[
              {
                title: t('lib.col.clause'),
                dataIndex: 'title',
                render: (x: string, i) => (
                  <>
                    {x}
                    {i.variant ? `（${i.variant}）` : ''} <span className="bf-muted">{i.id}</span>
                  </>
                ),
              },
              {
                // As written in the pack, invisible characters shown as [U+XXXX] (core showPackPerson).
                title: `${t('lib.col.author')} / ${t('lib.col.reviewer')}`,
                key: 'people',
                width: 180,
                render: (_: unknown, i) => (
                  <span data-testid="import-people">
                    {[i.theirs.author, i.theirs.reviewer].filter(Boolean).join(' / ')}
                  </span>
                ),
              },
              {
                title: t('lib.col.status'),
                dataIndex: 'status',
                width: 100,
                render: (s: ImportItem['status']) => <Tag color={STATUS_TAG[s]}>{t(`lib.pack.s.${s}`)}</Tag>,
              },
              {
                title: t('lib.pack.choice'),
                key: 'c',
                width: 260,
                render: (_: unknown, i) => (i.status === 'conflicting' ? choice(i.key) : null),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
