// 编制: tells the writer that clauses this project uses have a newer approved version in 条款库 (an export pins the
// versions a project uses; the library moves on), lists them (title, pinned vN → latest vM), and updates the project's
// pins to the latest versions. Asked when a project opens, after a save and after an export — never per keystroke.
// Each listed clause opens the diff between the pinned and the latest approved version, so the writer reads what
// changed before updating.
import { DiffOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Spin, Tag } from 'antd';
import { memo, useEffect, useState } from 'react';
import { projectKey, type OutdatedPin, type VersionDiff } from '@core/api/library.js';
import { projectSchema, type Project } from '@core/model/project.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';
import { DiffText } from '../library/DiffView.js';

export type NewerVersionsNoticeProps = {
  /** The open project. Only its key (id, else name) is read: a keystroke elsewhere in it does not redraw the notice. */
  project: Project | null;
  /** Bumped when a project is opened. */
  epoch: number;
  /** The project as last saved (a save asks again). */
  saved: string;
  /** True while an export runs (asked again when it ends: an export records the versions used). */
  exporting: boolean;
  /** Called after an update, so the composer shows the project again with the new clause text. Not compared. */
  onUpdated: () => void;
};

/** Whether the API has a clause store (a data folder): without one there are no pins, and no need to ask. */
let storePresent: Promise<boolean> | undefined;
const hasStore = () =>
  (storePresent ??= api.libraryInfo({}).then(
    (i) => i.dataDir !== null,
    () => {
      storePresent = undefined; // asked again next time
      return false;
    },
  ));

function NewerVersionsNoticeContent({ project, epoch, saved, exporting, onUpdated }: NewerVersionsNoticeProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [pins, setPins] = useState<OutdatedPin[]>([]);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState(0);
  const [diffOf, setDiffOf] = useState<OutdatedPin | null>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const key = project ? projectKey(project) : undefined;

  useEffect(() => {
    setDiff(null);
    if (!diffOf) return;
    let live = true;
    const side = (version: number) => ({ clauseId: diffOf.clauseId, variant: diffOf.variant, version });
    api.libraryDiff({ from: side(diffOf.pinned), to: side(diffOf.latestApproved), granularity: 'word' }).then(
      (d) => live && setDiff(d),
      (e: unknown) => {
        if (!live) return;
        message.error(errorMessage(e, locale));
        setDiffOf(null);
      },
    );
    return () => {
      live = false;
    };
  }, [diffOf, message, locale]);

  useEffect(() => {
    setOpen(false);
  }, [key, epoch]);

  useEffect(() => {
    // An invalid project (the writer is mid-way through a date, say) would be refused: keep the last answer.
    if (!project || exporting || !projectSchema.safeParse(project).success) return;
    let live = true;
    void hasStore().then((yes) =>
      yes
        ? api.projectOutdatedPins({ project }).then(
            (ps) => live && setPins(ps),
            () => live && setPins([]),
          )
        : live && setPins([]),
    );
    return () => {
      live = false;
    };
    // `project` is read when one of these changes (its key names the pins), not on each of its edits.
  }, [key, epoch, saved, exporting, asked]);

  if (!key || pins.length === 0) return null;

  const update = async () => {
    setBusy(true);
    try {
      const moved = await api.projectUpdatePins({ projectId: key, which: 'all' });
      message.success(t('versions.updated', { count: moved.length }));
      setPins([]);
      setOpen(false);
      setAsked((n) => n + 1);
      onUpdated();
    } catch (e) {
      message.error(t('versions.updateFailed', { message: errorMessage(e, locale) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Modal
        open={!!diffOf}
        title={
          diffOf
            ? `${diffOf.title}${diffOf.variant !== '标准' ? `（${diffOf.variant}）` : ''} v${diffOf.pinned} → v${diffOf.latestApproved}`
            : ''
        }
        footer={null}
        width={900}
        onCancel={() => setDiffOf(null)}
        destroyOnHidden
      >
        <div data-testid="newer-version-diff">{diff ? <DiffText segments={diff.segments} /> : <Spin />}</div>
      </Modal>
      <Alert
        className="bf-versions"
        type="info"
        showIcon
        data-testid="newer-versions"
        title={t('versions.notice', { count: pins.length })}
        description={
          open ? (
            <div className="bf-versions-body">
              <p className="bf-muted bf-versions-explain">{t('versions.explain')}</p>
              <ul className="bf-versions-list" aria-label={t('versions.list')} data-testid="newer-versions-list">
                {pins.map((p) => (
                  <li key={`${p.clauseId}/${p.variant}`} data-testid={`newer-version-${p.clauseId}`}>
                    <span className="bf-versions-title" title={p.clauseId}>
                      {p.title}
                    </span>
                    {p.variant !== '标准' && <span className="bf-muted">{p.variant}</span>}
                    <Tag className="bf-versions-tag">
                      v{p.pinned} → v{p.latestApproved}
                    </Tag>
                    {/* Icon only: the row reads as the clause and its versions; the button is named for screen readers. */}
                    <Button
                      size="small"
                      type="link"
                      icon={<DiffOutlined />}
                      onClick={() => setDiffOf(p)}
                      aria-label={t('lib.tab.diff')}
                      title={t('lib.tab.diff')}
                      data-testid={`newer-version-diff-${p.clauseId}`}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ) : undefined
        }
        action={
          <Space size={4}>
            <Button
              size="small"
              type="link"
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              data-testid="newer-versions-toggle"
            >
              {open ? t('versions.hide') : t('versions.show')}
            </Button>
            <Button
              size="small"
              type="primary"
              icon={<SyncOutlined />}
              loading={busy}
              onClick={() => void update()}
              data-testid="newer-versions-update"
            >
              {t('versions.update')}
            </Button>
          </Space>
        }
      />
    </>
  );
}

/** Redrawn when the project's key, the opened project, the last save or the export state change; not on keystrokes. */
export const NewerVersionsNotice = memo(
  NewerVersionsNoticeContent,
  (a, b) =>
    (a.project ? projectKey(a.project) : undefined) === (b.project ? projectKey(b.project) : undefined) &&
    a.epoch === b.epoch &&
    a.saved === b.saved &&
    a.exporting === b.exporting,
);
