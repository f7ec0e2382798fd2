// Side panels of the library: clauses due for review, and projects whose pinned clauses have newer approved versions.
import { App, Button, Drawer, Empty, List, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { FreshnessItem, OutdatedPin, ProjectRecord, UsageItem, VersionDiff } from '@core/api/library.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';
import { DiffText } from './DiffView.js';
import { shortTime } from './format.js';

export function FreshnessDrawer({
  open,
  onClose,
  onOpenClause,
}: {
  open: boolean;
  onClose: () => void;
  onOpenClause: (id: string) => void;
}) {
  const { t } = useI18n();
  const [items, setItems] = useState<FreshnessItem[]>([]);
  const [usage, setUsage] = useState<UsageItem[]>([]);
  useEffect(() => {
    if (!open) return;
    void Promise.all([api.libraryFreshness({ dueWithinDays: 30 }), api.libraryUsage({})]).then(
      ([f, u]) => (setItems(f), setUsage(u)),
    );
  }, [open]);
  const used = usage.filter((u) => u.projects > 0);
  return (
    <Drawer open={open} onClose={onClose} title={t('lib.fresh.title')} size={560}>
      <h4 className="bf-lib-h4">{t('lib.fresh.due')}</h4>
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(i) => (
            <List.Item
              actions={[
                <Button key="o" size="small" type="link" onClick={() => onOpenClause(i.clauseId)}>
                  {t('lib.open')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={i.title}
                description={`${i.owner || '—'} · ${t('lib.fresh.dueAt', { date: i.dueAt.slice(0, 10) })}`}
              />
              <Tag color={i.state === 'overdue' ? 'red' : 'gold'}>
                {i.state === 'overdue'
                  ? t('lib.fresh.overdue', { days: -i.daysLeft })
                  : t('lib.fresh.dueIn', { days: i.daysLeft })}
              </Tag>
            </List.Item>
          )}
        />
      ) : (
        <Empty description={t('lib.fresh.none')} />
      )}
      <h4 className="bf-lib-h4">{t('lib.usage.title')}</h4>
      {used.length ? (
        <Table<UsageItem>
          size="small"
          rowKey={(u) => `${u.clauseId}/${u.variant}`}
          pagination={false}
          dataSource={used}
          columns={[
            { title: t('lib.col.clause'), dataIndex: 'title', render: (x: string, u) => `${x}（${u.variant}）` },
            { title: t('lib.usage.projects'), dataIndex: 'projects', width: 80 },
            { title: t('lib.col.lastUsed'), dataIndex: 'lastUsedAt', width: 140, render: (x?: string) => shortTime(x) },
          ]}
        />
      ) : (
        <Empty description={t('lib.usage.none')} />
      )}
    </Drawer>
  );
}

type ProjectRow = ProjectRecord & { outdated: number };

/** Projects and their pins: pick one, see each newer approved version's diff, update one or all. */
export function ProjectsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [projects, setProjects] = useState<ProjectRow[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [pins, setPins] = useState<OutdatedPin[]>([]);
  const [diffs, setDiffs] = useState<Record<string, VersionDiff>>({});

  const loadProjects = useCallback(() => api.libraryProjects({}).then(setProjects), []);
  useEffect(() => {
    if (open) void loadProjects();
  }, [open, loadProjects]);
  useEffect(() => {
    if (!current) return;
    void api.projectOutdatedPins({ projectId: current }).then(async (ps) => {
      setPins(ps);
      const ds = await Promise.all(
        ps.map((p) =>
          api.libraryDiff({
            from: { clauseId: p.clauseId, variant: p.variant, version: p.pinned },
            to: { clauseId: p.clauseId, variant: p.variant, version: p.latestApproved },
            granularity: 'word',
          }),
        ),
      );
      setDiffs(Object.fromEntries(ds.map((d) => [d.from.clauseId, d])));
    });
  }, [current]);

  async function update(which: 'all' | string[]) {
    if (!current) return;
    try {
      const moved = await api.projectUpdatePins({ projectId: current, which });
      message.success(t('lib.pins.updated', { count: moved.length }));
      setPins(await api.projectOutdatedPins({ projectId: current }));
      await loadProjects();
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  }

  return (
    <Drawer open={open} onClose={onClose} title={t('lib.pins.title')} size={760}>
      {projects.length === 0 && <Empty description={t('lib.pins.noProjects')} />}
      <List
        size="small"
        dataSource={projects}
        renderItem={(p) => (
          <List.Item
            className={p.projectId === current ? 'bf-lib-selected' : ''}
            data-testid={`project-${p.projectId}`}
            onClick={() => setCurrent(p.projectId)}
            actions={[
              <Button key="o" size="small" type="link" onClick={() => setCurrent(p.projectId)}>
                {t('lib.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={p.name}
              description={`${t('lib.pins.count', { count: p.pins.length })} · ${shortTime(p.lastUsedAt)}`}
            />
            {p.outdated > 0 ? (
              <Tag color="gold">{t('lib.pins.outdated', { count: p.outdated })}</Tag>
            ) : (
              <Tag color="green">{t('lib.pins.current')}</Tag>
            )}
          </List.Item>
        )}
      />
      {current && (
        <div className="bf-lib-pins" data-testid="outdated-pins">
          <Space className="bf-lib-pins-head">
            <h4 className="bf-lib-h4">{t('lib.pins.newer')}</h4>
            {pins.length > 1 && (
              <Button type="primary" size="small" onClick={() => void update('all')}>
                {t('lib.pins.updateAll')}
              </Button>
            )}
          </Space>
          {pins.length === 0 && <Empty description={t('lib.pins.upToDate')} />}
          {pins.map((p) => (
            <div key={`${p.clauseId}/${p.variant}`} className="bf-lib-pin">
              <Space>
                <b>{p.title}</b>
                <span className="bf-muted">{p.variant}</span>
                <Tag>
                  v{p.pinned} → v{p.latestApproved}
                </Tag>
                <Button size="small" onClick={() => void update([p.clauseId])}>
                  {t('lib.pins.update')}
                </Button>
              </Space>
              {diffs[p.clauseId] && <DiffText segments={diffs[p.clauseId]!.segments} />}
            </div>
          ))}
        </div>
      )}
    </Drawer>
  );
}
