// The project's own fields: title, bidder, project number and date.
import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import type { Problem } from '../../../core/model/problem.js';
import type { Project } from '../../../core/model/project.js';
import { useI18n, type MessageKey } from '../i18n.js';

export const META_FIELDS = ['title', 'bidder', 'projectNo', 'date'] as const;
export type MetaField = (typeof META_FIELDS)[number];
export const META_LABELS: Record<MetaField, MessageKey> = { title: 'meta.title', bidder: 'meta.bidder', projectNo: 'meta.projectNo', date: 'meta.date' };
export const metaDomId = (key: MetaField) => `meta-${key}`;

export function MetaForm({ project, problemsByField, onChange }: { project: Project; problemsByField: Map<string, Problem[]>; onChange: (patch: Partial<Project>) => void }) {
  const { t } = useI18n();
  const item = (key: MetaField, control: ReactNode, className = '') => {
    const problems = problemsByField.get(key) ?? [];
    return (
      <div className={`bf-field ${className}`} id={metaDomId(key)} data-testid={metaDomId(key)}>
        <Form.Item
          label={t(META_LABELS[key])}
          htmlFor={`input-meta-${key}`}
          validateStatus={problems.length ? 'error' : undefined}
          help={problems.length ? problems.map((p, i) => <div key={i}>{p.message}</div>) : undefined}
        >
          {control}
        </Form.Item>
      </div>
    );
  };
  return (
    <Form layout="vertical" component="div" className="bf-form bf-meta" requiredMark={false}>
      <div className="bf-field-grid">
        {item('title', <Input id="input-meta-title" value={project.title} maxLength={200} onChange={(e) => onChange({ title: e.target.value })} />, 'bf-field-wide')}
        {item('bidder', <Input id="input-meta-bidder" value={project.bidder} maxLength={200} onChange={(e) => onChange({ bidder: e.target.value })} />, 'bf-field-wide')}
        {item('projectNo', <Input id="input-meta-projectNo" value={project.projectNo} maxLength={100} onChange={(e) => onChange({ projectNo: e.target.value })} />)}
        {item('date', <Input id="input-meta-date" type="date" value={project.date} onChange={(e) => onChange({ date: e.target.value })} />)}
      </div>
    </Form>
  );
}
