// 保修期限: each card template's components and months, editable; or a project's, shown as they are (its figures are
// the plan's promise, so they are changed in 编制, never here: the card can then never print a second figure).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, InputNumber, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { CardBatchTemplate } from '@core/api/appContract.js';
import { PERIOD_MAX, type PeriodFields, periodFields, periodOf } from '@core/cards/period.js';
import type { RecentSummary } from '@core/settings/recent.js';
import { api } from '../api.js';
import { useI18n } from '../i18n.js';

// A period states months, weeks or days (a template's or a project's: 400天 stays 400天); an edit keeps its unit.
export type Period = { name: string } & PeriodFields;
const UNIT_KEY = { 个月: 'cards.monthsUnit', 周: 'cards.weeksUnit', 天: 'cards.daysUnit' } as const;
type Props = {
  templates: CardBatchTemplate[];
  /** The user's edits, by template id (absent: the template's own). */
  periods: Record<string, Period[]>;
  onPeriods(p: Record<string, Period[]>): void;
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
  const set = (id: string, list: Period[]) => onPeriods({ ...periods, [id]: list });
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
            { value: '', label: t('cards.periodsFrom.template') },
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
        const list = periods[tp.id] ?? tp.components;
        return (
          <div key={tp.id} className="bf-periods" data-testid={`periods-${tp.id}`}>
            <div className="bf-periods-head">
              {t('cards.templateCards', { title: tp.title, count: tp.cards })}
              {tp.periodsFrom === 'edited' && <Tag color="blue">{t('cards.periodsEdited')}</Tag>}
            </div>
            {list.map((c, i) => (
              <div key={i} className="bf-periods-row">
                <Input
                  aria-label={t('cards.component')}
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
                <InputNumber
                  aria-label={`${c.name} ${t(UNIT_KEY[periodOf(c).unit])}`}
                  data-testid={`period-${tp.id}-${i}`}
                  value={periodOf(c).value}
                  min={1}
                  max={PERIOD_MAX[periodOf(c).unit]}
                  precision={0}
                  suffix={t(UNIT_KEY[periodOf(c).unit])}
                  disabled={disabled || fromProject}
                  onChange={(m) =>
                    typeof m === 'number' &&
                    set(
                      tp.id,
                      list.map((x, k) =>
                        k === i ? { name: x.name, ...periodFields({ ...periodOf(x), value: m }) } : x,
                      ),
                    )
                  }
                />
                {!fromProject && (
                  <Button
                    aria-label={t('cards.remove')}
                    icon={<DeleteOutlined />}
                    type="text"
                    disabled={disabled || list.length < 2}
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
                  onClick={() => set(tp.id, [...list, { name: t('cards.newComponent'), months: 12 }])}
                >
                  {t('cards.addComponent')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  disabled={disabled || !periods[tp.id]}
                  onClick={() => onPeriods(Object.fromEntries(Object.entries(periods).filter(([k]) => k !== tp.id)))}
                >
                  {t('cards.resetPeriods')}
                </Button>
              </div>
            )}
          </div>
        );
      })}
    </Card>
  );
}
