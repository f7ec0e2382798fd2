// 保修期限: the periods the cards print. A project's are shown as they are (its figures are the plan's promise, so
// they are changed in 编制, never here: the card can then never print a second figure); otherwise the user types them,
// component by component, or keeps a company's own template's. The built-in templates carry none, so the panel then
// starts empty: no sample period is ever offered as if someone had decided it.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { CardBatchTemplate } from '@core/api/appContract.js';
import { type CardPeriodUnit, PERIOD_MAX, type PeriodFields, periodFields, periodOf } from '@core/cards/period.js';
import type { RecentSummary } from '@core/settings/recent.js';
import { api } from '../api.js';
import { useI18n } from '../i18n.js';

/** A period as typed: the value may still be blank (null); the unit is kept while it is. */
export type PeriodRow = { name: string; value: number | null; unit: CardPeriodUnit };
/** A period as the request carries it: months, weeks or days, or none when left blank (the batch is then refused). */
export type Period = { name: string } & PeriodFields;

const UNITS: CardPeriodUnit[] = ['个月', '周', '天'];
const UNIT_KEY = { 个月: 'cards.monthsUnit', 周: 'cards.weeksUnit', 天: 'cards.daysUnit' } as const;

/** A template's or a project's components as rows (each states one period). */
export const toRows = (list: readonly Period[]): PeriodRow[] => list.map((c) => ({ name: c.name, ...periodOf(c) }));
/** Rows as the request carries them; a blank value is sent as no period, so the handlers name the component. */
export const toPeriods = (rows: readonly PeriodRow[]): Period[] =>
  rows.map((r) => ({ name: r.name, ...(r.value === null ? {} : periodFields({ value: r.value, unit: r.unit })) }));

type Props = {
  templates: CardBatchTemplate[];
  /** The user's rows, by template id (absent: the template's own, or none). */
  periods: Record<string, PeriodRow[]>;
  onPeriods(p: Record<string, PeriodRow[]>): void;
  project: { id: string; title: string } | null;
  onProject(id: string | null): void;
  disabled?: boolean;
};

export function PeriodsPanel({ templates, periods, onPeriods, project, onProject, disabled }: Props) {
  const { t } = useI18n();
  const [recent, setRecent] = useState<RecentSummary[]>([]);
  useEffect(() => {
    api.listRecentProjects({}).then(
      (r) => setRecent(r.projects),
      () => setRecent([]),
    );
  }, []);
  const fromProject = project !== null;
  const set = (id: string, list: PeriodRow[]) => onPeriods({ ...periods, [id]: list });
  // Not a project: the card template's periods only when a template carries some, else the ones typed here.
  const own = templates.some((tp) => tp.templatePeriods);
  return (
    <Card className="bf-page-card" size="small" title={t('cards.periodsTitle')} data-testid="cards-periods">
      <label className="bf-mapping-row">
        <span className="bf-mapping-label">{t('cards.periodsFrom')}</span>
        <Select
          data-testid="cards-periods-source"
          value={project?.id ?? ''}
          disabled={disabled}
          onChange={(v: string) => onProject(v || null)}
          options={[
            { value: '', label: t(own ? 'cards.periodsFrom.template' : 'cards.periodsFrom.typed') },
            ...recent.map((p) => ({ value: p.id, label: t('cards.periodsFrom.project', { title: p.title }) })),
          ]}
        />
      </label>
      {fromProject && (
        <Alert
          className="bf-card-hint"
          type="info"
          showIcon
          title={t('cards.periodsProjectHint', { title: project.title })}
        />
      )}
      {templates.map((tp) => {
        const list = (!fromProject && periods[tp.id]) || toRows(tp.components);
        return (
          <div key={tp.id} className="bf-periods" data-testid={`periods-${tp.id}`}>
            <div className="bf-periods-head">
              {t('cards.templateCards', { title: tp.title, count: tp.cards })}
              {tp.periodsFrom === 'edited' && tp.templatePeriods && <Tag color="blue">{t('cards.periodsEdited')}</Tag>}
            </div>
            {!list.length && !fromProject && (
              <div className="bf-muted" data-testid={`periods-empty-${tp.id}`}>
                {t('cards.periodsEmpty')}
              </div>
            )}
            {list.map((c, i) => (
              <div key={i} className="bf-periods-row">
                <Input
                  aria-label={t('cards.component')}
                  data-testid={`period-name-${tp.id}-${i}`}
                  placeholder={t('cards.newComponent')}
                  value={c.name}
                  disabled={disabled || fromProject}
                  maxLength={40}
                  onChange={(e) =>
                    set(
                      tp.id,
                      list.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)),
                    )
                  }
                />
                <Space.Compact>
                  <InputNumber<number>
                    aria-label={`${c.name || t('cards.component')} ${t(UNIT_KEY[c.unit])}`}
                    data-testid={`period-${tp.id}-${i}`}
                    value={c.value}
                    placeholder={t('cards.periodValue')}
                    // 0 is kept as typed (and refused by name), never raised to a figure nobody typed.
                    min={0}
                    max={PERIOD_MAX[c.unit]}
                    precision={0}
                    style={{ width: 72 }}
                    disabled={disabled || fromProject}
                    onChange={(m) =>
                      set(
                        tp.id,
                        list.map((x, k) => (k === i ? { ...x, value: typeof m === 'number' ? m : null } : x)),
                      )
                    }
                  />
                  <Select<CardPeriodUnit>
                    aria-label={`${c.name || t('cards.component')} ${t('cards.periodUnit')}`}
                    data-testid={`period-unit-${tp.id}-${i}`}
                    value={c.unit}
                    disabled={disabled || fromProject}
                    style={{ width: 72 }}
                    popupMatchSelectWidth={false}
                    options={UNITS.map((u) => ({ value: u, label: t(UNIT_KEY[u]) }))}
                    onChange={(unit) =>
                      set(
                        tp.id,
                        list.map((x, k) => (k === i ? { ...x, unit } : x)),
                      )
                    }
                  />
                </Space.Compact>
                {!fromProject && (
                  <Button
                    aria-label={t('cards.remove')}
                    icon={<DeleteOutlined />}
                    type="text"
                    // A company template's last row stays: with none sent, its own periods would print unseen.
                    disabled={disabled || (tp.templatePeriods && list.length < 2)}
                    onClick={() =>
                      set(
                        tp.id,
                        list.filter((_, k) => k !== i),
                      )
                    }
                  />
                )}
              </div>
            ))}
            {!fromProject && (
              <div className="bf-periods-actions">
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  disabled={disabled}
                  data-testid={`periods-add-${tp.id}`}
                  // A blank row: the user types the component and its period; nothing is filled in for them.
                  onClick={() => set(tp.id, [...list, { name: '', value: null, unit: '个月' }])}
                >
                  {t('cards.addComponent')}
                </Button>
                {tp.templatePeriods && (
                  <Button
                    size="small"
                    type="link"
                    disabled={disabled || !periods[tp.id]}
                    onClick={() => onPeriods(Object.fromEntries(Object.entries(periods).filter(([k]) => k !== tp.id)))}
                  >
                    {t('cards.resetPeriods')}
                  </Button>
                )}
              </div>
            )}
          </div>
        );
      })}
    </Card>
  );
}
