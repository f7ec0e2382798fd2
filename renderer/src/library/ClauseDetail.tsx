// One clause variant: its details, version history with the workflow actions, diff, where-used, and the editor.
import { BranchesOutlined, CopyOutlined, EditOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Empty, Input, Modal, Popconfirm, Spin, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { HistoryEntry, ProjectUse, StoredClause, VersionRef } from '@core/api/library.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';
import { AddVariantModal, ClauseMetaModal } from './ClauseModals.js';
import { VersionDiffPanel } from './DiffView.js';
import { DraftEditor } from './DraftEditor.js';
import { formatWhen, shortTime, STATUS_COLOR, statusKey } from './format.js';
import { SampleRender } from './SampleRender.js';

type Loaded = { clause: StoredClause; history: HistoryEntry[]; uses: ProjectUse[] };

/** `revision` changes when something elsewhere (a drawer, an import) changed the library: the panel reloads. */
type Props = {
  clauseId: string;
  variant: string;
  user: string;
  revision: number;
  categories: string[];
  onChanged: () => void;
  onOpenVariant: (variant: string) => void;
};

export function ClauseDetail({ clauseId, variant, user, revision, categories, onChanged, onOpenVariant }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Read before edit: a clause opens on its rendered text; history, diff, where-used and the editor are a click away.
  const [tab, setTab] = useState('read');
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState<VersionRef | null>(null);
  const [reason, setReason] = useState('');
  const [duplicating, setDuplicating] = useState(false);
  const [copyTitle, setCopyTitle] = useState('');
  /** The version the open editor starts from (undefined: the latest). */
  const [editFrom, setEditFrom] = useState<number | undefined>(undefined);
  const [dialog, setDialog] = useState<'meta' | 'variant' | null>(null);

  const load = useCallback(async () => {
    try {
      const [clause, history, uses] = await Promise.all([
        api.libraryClause({ clauseId }),
        api.libraryHistory({ clauseId, variant }),
        api.libraryWhereUsed({ clauseId, variant }),
      ]);
      setData({ clause, history, uses });
      setError(null);
    } catch (e) {
      setError(errorMessage(e, locale));
    }
  }, [clauseId, variant, locale]);

  useEffect(() => {
    setData(null);
    setTab('read');
  }, [clauseId, variant]);
  useEffect(() => {
    void load();
  }, [load, revision]);

  /** Runs a workflow action, then reloads this panel and the list. */
  async function act(fn: () => Promise<unknown>, done: string) {
    if (!user.trim()) return void message.error(t('lib.needUser'));
    setBusy(true);
    try {
      await fn();
      message.success(done);
      onChanged(); // bumps `revision`: this panel and the list reload
    } catch (e) {
      message.error(errorMessage(e, locale));
    } finally {
      setBusy(false);
    }
  }

  if (error) return <div className="bf-lib-error bf-lib-pad">{error}</div>;
  if (!data) return <Spin className="bf-lib-pad" />;
  const { clause, history, uses } = data;
  const ref = (v: number): VersionRef => ({ clauseId, variant, version: v });
  const latestVersion = history.reduce((m, h) => Math.max(m, h.version), 0);
  const latestEntry = history.find((h) => h.version === latestVersion);
  const latestWhen = latestEntry?.when;
  const openEditor = (from?: number) => (setEditFrom(from), setTab('edit'));

  const versionActions = (h: HistoryEntry) => (
    <span className="bf-lib-row-actions">
      {h.status === 'draft' && (
        <Button
          size="small"
          type="primary"
          ghost
          disabled={busy}
          data-testid={`submit-v${h.version}`}
          onClick={() => void act(() => api.librarySubmit({ ref: ref(h.version) }), t('lib.done.submitted'))}
        >
          {t('lib.action.submit')}
        </Button>
      )}
      {h.status === 'in_review' && (
        <>
          <Button
            size="small"
            type="primary"
            disabled={busy}
            data-testid={`approve-v${h.version}`}
            onClick={() => void act(() => api.libraryApprove({ ref: ref(h.version) }), t('lib.done.approved'))}
          >
            {t('lib.action.approve')}
          </Button>
          <Button
            size="small"
            danger
            disabled={busy}
            data-testid={`reject-v${h.version}`}
            onClick={() => (setReason(''), setRejecting(ref(h.version)))}
          >
            {t('lib.action.reject')}
          </Button>
        </>
      )}
      {h.version !== latestVersion && (
        <Button
          size="small"
          type="link"
          data-testid={`start-from-v${h.version}`}
          title={t('lib.action.startFromHint', { version: h.version })}
          onClick={() => openEditor(h.version)}
        >
          {t('lib.action.startFrom', { version: h.version })}
        </Button>
      )}
      {h.status !== 'retired' && (
        <Popconfirm
          title={t('lib.retire.confirm', { version: h.version })}
          okText={t('lib.action.retire')}
          cancelText={t('lib.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            void act(() => api.libraryRetire({ clauseId, variant, version: h.version }), t('lib.done.retired'))
          }
        >
          <Button size="small" type="link" danger disabled={busy}>
            {t('lib.action.retire')}
          </Button>
        </Popconfirm>
      )}
    </span>
  );

  const items = [
    {
      key: 'read',
      label: <span data-testid="tab-read">{t('lib.tab.read')}</span>,
      children: latestEntry && (
        <>
          {/* The author sees why their version was sent back, before anything else. */}
          {latestEntry.status === 'draft' && latestEntry.rejectReason && (
            <Alert
              className="bf-lib-read-alert"
              type="warning"
              showIcon
              data-testid="rejected-banner"
              title={t('lib.rejectedBanner', {
                version: latestEntry.version,
                reviewer: latestEntry.reviewer ?? '—',
                reason: latestEntry.rejectReason,
              })}
            />
          )}
          <div className="bf-muted bf-lib-read-head">
            {t('lib.readOf', { version: latestEntry.version, status: t(statusKey(latestEntry.status)) })}
          </div>
          <SampleRender
            body={latestEntry.body}
            variables={latestEntry.variables}
            docType={clause.docTypes[0] ?? 'service-plan'}
            title={clause.title}
            testId="clause-read"
            showFacts
          />
        </>
      ),
    },
    {
      key: 'history',
      label: <span data-testid="tab-history">{t('lib.tab.history', { count: history.length })}</span>,
      children: (
        <Table<HistoryEntry>
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={history}
          data-testid="history"
          columns={[
            { title: t('lib.col.version'), dataIndex: 'version', width: 60, render: (v: number) => <b>v{v}</b> },
            {
              title: t('lib.col.status'),
              dataIndex: 'status',
              width: 90,
              render: (_: unknown, h) => <Tag color={STATUS_COLOR[h.status]}>{t(statusKey(h.status))}</Tag>,
            },
            { title: t('lib.col.author'), dataIndex: 'author', width: 100 },
            {
              title: t('lib.col.reviewer'),
              dataIndex: 'reviewer',
              width: 110,
              // 单人审核: the author approved it alone (设置's single-reviewer mode), so nobody else read it.
              render: (r: string | undefined, h) => (
                <>
                  {r ?? '—'}
                  {h.singleReviewer && (
                    <Tag color="orange" className="bf-lib-single" data-testid={`single-reviewer-v${h.version}`}>
                      {t('lib.singleReviewer')}
                    </Tag>
                  )}
                </>
              ),
            },
            { title: t('lib.col.time'), dataIndex: 'createdAt', width: 140, render: (c: string) => shortTime(c) },
            {
              title: t('lib.col.note'),
              dataIndex: 'changeNote',
              render: (n: string, h) => (
                <>
                  {n}
                  {h.rejectReason && h.status === 'draft' && (
                    <div className="bf-lib-error">{t('lib.rejectedBecause', { reason: h.rejectReason })}</div>
                  )}
                </>
              ),
            },
            { title: t('lib.col.actions'), key: 'a', width: 230, render: (_: unknown, h) => versionActions(h) },
          ]}
        />
      ),
    },
    {
      key: 'diff',
      label: t('lib.tab.diff'),
      children: <VersionDiffPanel clauseId={clauseId} variant={variant} versions={history} />,
    },
    {
      key: 'used',
      label: t('lib.tab.used', { count: uses.length }),
      children: uses.length ? (
        <Table<ProjectUse>
          size="small"
          rowKey={(u) => `${u.projectId}-${u.version}`}
          pagination={false}
          dataSource={uses}
          data-testid="where-used"
          columns={[
            { title: t('lib.col.project'), dataIndex: 'name' },
            { title: t('lib.col.pinned'), dataIndex: 'version', width: 90, render: (v: number) => <Tag>v{v}</Tag> },
            { title: t('lib.col.lastUsed'), dataIndex: 'lastUsedAt', width: 150, render: (x: string) => shortTime(x) },
          ]}
        />
      ) : (
        <Empty description={t('lib.used.none')} />
      ),
    },
    ...(tab === 'edit'
      ? [
          {
            key: 'edit',
            label: t('lib.tab.edit'),
            children: (
              <DraftEditor
                key={editFrom ?? 'latest'}
                clause={clause}
                variant={variant}
                user={user}
                {...(editFrom !== undefined ? { fromVersion: editFrom } : {})}
                onCancel={() => setTab('history')}
                onSaved={(r) => {
                  message.success(t('lib.done.drafted', { version: r.version }));
                  setTab('history');
                  onChanged();
                }}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="bf-lib-detail" data-testid="clause-detail">
      <div className="bf-lib-detail-head">
        <div>
          <h2 className="bf-lib-title">{clause.title}</h2>
          <div className="bf-muted">
            {clause.id} · {variant}
          </div>
        </div>
        <div className="bf-lib-actions">
          <Button
            icon={<EditOutlined />}
            onClick={() => openEditor()}
            data-testid="edit-clause"
            title={t('lib.action.editHint')}
          >
            {t('lib.action.edit')}
          </Button>
          <Button icon={<BranchesOutlined />} onClick={() => setDialog('variant')} data-testid="add-variant">
            {t('lib.action.addVariant')}
          </Button>
          <Button icon={<SettingOutlined />} onClick={() => setDialog('meta')} data-testid="edit-meta">
            {t('lib.action.editMeta')}
          </Button>
          <Button
            icon={<CopyOutlined />}
            onClick={() => (
              setCopyTitle(t('lib.duplicate.defaultTitle', { title: clause.title })), setDuplicating(true)
            )}
          >
            {t('lib.action.duplicate')}
          </Button>
          <Button onClick={() => void act(() => api.libraryMarkReviewed({ clauseId }), t('lib.done.reviewed'))}>
            {t('lib.action.reviewed')}
          </Button>
        </div>
      </div>
      <Descriptions size="small" column={3} className="bf-lib-desc">
        <Descriptions.Item label={t('lib.f.category')}>{clause.category}</Descriptions.Item>
        <Descriptions.Item label={t('lib.f.owner')}>{clause.owner || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('lib.f.review')}>
          {t('lib.reviewEvery', {
            months: clause.reviewIntervalMonths,
            date: shortTime(clause.lastReviewedAt).slice(0, 10),
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('lib.f.docType')}>
          {clause.docTypes.map((d) => t(`lib.doc.${d}`)).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('lib.f.tag')} span={latestWhen ? 1 : 2}>
          {clause.tags.length ? clause.tags.map((x) => <Tag key={x}>{x}</Tag>) : '—'}
        </Descriptions.Item>
        {latestWhen && <Descriptions.Item label={t('lib.f.when')}>{formatWhen(latestWhen)}</Descriptions.Item>}
      </Descriptions>
      {clause.variants.length > 1 && (
        <div className="bf-lib-variants" role="group" aria-label={t('lib.variants')}>
          <span className="bf-muted">{t('lib.variants')}：</span>
          {clause.variants.map((v) => (
            <Tag.CheckableTag
              key={v.name}
              checked={v.name === variant}
              onChange={() => v.name !== variant && onOpenVariant(v.name)}
              data-testid={`variant-${v.name}`}
            >
              {v.name}
            </Tag.CheckableTag>
          ))}
        </div>
      )}
      <Tabs activeKey={tab} onChange={setTab} items={items} />

      <Modal
        open={rejecting !== null}
        title={t('lib.reject.title')}
        okText={t('lib.action.reject')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        cancelText={t('lib.cancel')}
        onCancel={() => setRejecting(null)}
        onOk={() => {
          const r = rejecting;
          setRejecting(null);
          if (r) void act(() => api.libraryReject({ ref: r, reason }), t('lib.done.rejected'));
        }}
      >
        <Input.TextArea
          autoFocus
          rows={3}
          value={reason}
          placeholder={t('lib.reject.reason')}
          onChange={(e) => setReason(e.target.value)}
          data-testid="reject-reason"
        />
      </Modal>
      <ClauseMetaModal
        clause={clause}
        open={dialog === 'meta'}
        user={user}
        categories={categories}
        onClose={() => setDialog(null)}
        onSaved={() => (setDialog(null), onChanged())}
      />
      <AddVariantModal
        clause={clause}
        variant={variant}
        open={dialog === 'variant'}
        user={user}
        onClose={() => setDialog(null)}
        onAdded={(r) => {
          setDialog(null);
          onChanged();
          onOpenVariant(r.variant);
        }}
      />
      <Modal
        open={duplicating}
        title={t('lib.duplicate.title')}
        okText={t('lib.action.duplicate')}
        cancelText={t('lib.cancel')}
        onCancel={() => setDuplicating(false)}
        okButtonProps={{ disabled: !copyTitle.trim() }}
        onOk={() => {
          setDuplicating(false);
          // The copy's id is generated from the category: legal names it by its title only.
          void act(
            () => api.libraryDuplicate({ clauseId, title: copyTitle.trim() }),
            t('lib.done.duplicated', { title: copyTitle.trim() }),
          );
        }}
      >
        <Input
          value={copyTitle}
          onChange={(e) => setCopyTitle(e.target.value)}
          addonBefore={t('lib.duplicate.name')}
          data-testid="duplicate-title"
        />
      </Modal>
    </div>
  );
}
