// The project's own fields: title, bidder, project number and date; and how the exports are typeset.
import { Form, Input, Segmented, Select, Switch } from 'antd';
import { memo, type ReactNode } from 'react';
import { problemText } from '@core/i18n/problemText.js';
import type { Problem } from '@core/model/problem.js';
import type { Project } from '@core/model/project.js';
import { PROFILE_IDS, PROFILES, ZIHAO, type TypesettingChoice } from '@core/model/typesetting.js';
import { useI18n, type MessageKey } from '../i18n.js';
import { DateEditor } from './DateEditor.js';

export const META_FIELDS = ['title', 'bidder', 'projectNo', 'date'] as const;
export type MetaField = (typeof META_FIELDS)[number];
export const META_LABELS: Record<MetaField, MessageKey> = {
  title: 'meta.title',
  bidder: 'meta.bidder',
  projectNo: 'meta.projectNo',
  date: 'meta.date',
};
export const metaDomId = (key: MetaField) => `meta-${key}`;

function MetaFormContent({
  project,
  problemsByField,
  onChange,
}: {
  project: Project;
  problemsByField: Map<string, Problem[]>;
  onChange: (patch: Partial<Project>) => void;
}) {
  const { t, locale } = useI18n();
  const item = (key: MetaField, control: ReactNode, className = '') => {
    const problems = problemsByField.get(key) ?? [];
    return (
      <div className={`bf-field ${className}`} id={metaDomId(key)} data-testid={metaDomId(key)}>
        <Form.Item
          label={t(META_LABELS[key])}
          htmlFor={`input-meta-${key}`}
          validateStatus={problems.length ? 'error' : undefined}
          help={problems.length ? problems.map((p, i) => <div key={i}>{problemText(p, locale)}</div>) : undefined}
        >
          {control}
        </Form.Item>
      </div>
    );
  };
  return (
    <Form layout="vertical" component="div" className="bf-form bf-meta" requiredMark={false}>
      <div className="bf-field-grid">
        {item(
          'title',
          <Input
            id="input-meta-title"
            value={project.title}
            maxLength={200}
            onChange={(e) => onChange({ title: e.target.value })}
          />,
          'bf-field-wide',
        )}
        {item(
          'bidder',
          <Input
            id="input-meta-bidder"
            value={project.bidder}
            maxLength={200}
            onChange={(e) => onChange({ bidder: e.target.value })}
          />,
          'bf-field-wide',
        )}
        {item(
          'projectNo',
          <Input
            id="input-meta-projectNo"
            value={project.projectNo}
            maxLength={100}
            onChange={(e) => onChange({ projectNo: e.target.value })}
          />,
        )}
        {item(
          'date',
          <DateEditor id="input-meta-date" value={project.date} onChange={(date) => onChange({ date: date ?? '' })} />,
        )}
      </div>
      <TypesettingFields choice={project.typesetting} onChange={(typesetting) => onChange({ typesetting })} />
    </Form>
  );
}

/** 版式 (bid default or GB/T 9704, with the body size shown as 字号), 正本/副本 on the cover, a seal box on every page. */
function TypesettingFields({
  choice,
  onChange,
}: {
  choice: TypesettingChoice | undefined;
  onChange: (c: TypesettingChoice) => void;
}) {
  const { t } = useI18n();
  // 小四 is a Chinese type size: the English UI gives its points only.
  const bodySize = (pt: number) => {
    const name = ZIHAO.find((z) => z.pt === pt)?.name;
    return name ? t('meta.size', { name, pt }) : t('meta.sizePt', { pt });
  };
  const current: TypesettingChoice = choice ?? { profile: 'bid' };
  const set = (patch: Partial<TypesettingChoice>) => onChange({ ...current, ...patch });
  return (
    <div className="bf-field-grid" data-testid="typesetting">
      <div className="bf-field bf-field-wide">
        <Form.Item label={t('meta.typesetting')} htmlFor="input-meta-typesetting">
          <Select
            id="input-meta-typesetting"
            value={current.profile}
            onChange={(profile) => set({ profile })}
            options={PROFILE_IDS.map((id) => ({
              value: id,
              label: `${t(`meta.profile.${id}`)} · ${t('meta.bodySize')} ${bodySize(PROFILES[id].body.size)}`,
            }))}
          />
        </Form.Item>
      </div>
      <div className="bf-field">
        <Form.Item label={t('meta.copyMark')}>
          <Segmented<NonNullable<TypesettingChoice['copyMark']>>
            value={current.copyMark ?? 'none'}
            onChange={(copyMark) => set({ copyMark })}
            options={[
              { value: 'none', label: t('meta.copyNone') },
              { value: '正本', label: t('meta.copyOriginal') },
              { value: '副本', label: t('meta.copyDuplicate') },
            ]}
          />
        </Form.Item>
      </div>
      <div className="bf-field">
        <Form.Item label={t('meta.sealEveryPage')}>
          <Switch checked={current.sealEveryPage ?? false} onChange={(sealEveryPage) => set({ sealEveryPage })} />
        </Form.Item>
      </div>
    </div>
  );
}

type MetaFormProps = Parameters<typeof MetaFormContent>[0];
/** The project fields this form shows: typing a value elsewhere in the project does not redraw it. */
const SHOWN = ['title', 'bidder', 'projectNo', 'date', 'typesetting'] as const;

/** Redrawn only when what it shows changes (the composer re-renders on every keystroke). */
export const MetaForm = memo(
  MetaFormContent,
  (a: MetaFormProps, b: MetaFormProps) =>
    a.problemsByField === b.problemsByField &&
    a.onChange === b.onChange &&
    SHOWN.every((k) => a.project[k] === b.project[k]),
);
