// A new clause in one step: title, category, document types, its variables (typed, with unit, bounds and default) and
// its body, with a live render on sample values — saved as a draft v1 of variant 标准 that can be submitted as it is.
// Its id is generated from the category.
import { Alert, App, AutoComplete, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { factLabel } from '@core/commitments/phrase.js';
import { FACT_KINDS, sampleFact } from '@core/library/sampleFacts.js';
import { DOC_TYPES } from '@core/model/library.js';
import type { DocType, VariableDecl, VersionRef } from '@core/api/library.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';
import { variablesDuplicatingFacts } from './factDuplicates.js';
import { SampleRender } from './SampleRender.js';
import { declarationProblems, VariablesForm } from './VariablesForm.js';

/** The promises a clause may render, by their label (the id after it): picking one is the default way to state one. */
const FACT_OPTIONS = FACT_KINDS.map((k) => ({ value: k, label: `${factLabel(sampleFact(k)!)}（${k}）` }));
/** The sentence a picked fact adds to the body: printed only when the bid makes that promise. */
const factSnippet = (k: string) => `{{#fact "${k}"}}我公司承诺{{promise "${k}"}}。{{/fact}}`;

type Fields = {
  title: string;
  category: string;
  docTypes: DocType[];
  variant: string;
  owner?: string;
  reviewIntervalMonths: number;
  body: string;
};

export function NewClauseModal({
  open,
  user,
  categories,
  onClose,
  onCreated,
}: {
  open: boolean;
  user: string;
  categories: string[];
  onClose: () => void;
  onCreated: (ref: VersionRef) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [variables, setVariables] = useState<VariableDecl[]>([]);
  const body = Form.useWatch('body', form) ?? '';
  const title = Form.useWatch('title', form) ?? '';
  const docTypes = Form.useWatch('docTypes', form);
  // The sample waits for declarations it can use: a half-typed key would only show a confusing template error.
  const usable = useMemo(() => {
    const bad = declarationProblems(variables);
    return variables.filter((_, i) => !bad.has(i));
  }, [variables]);
  const duplicates = useMemo(() => variablesDuplicatingFacts(variables), [variables]);

  async function create() {
    const f = await form.validateFields();
    if (!user.trim()) return void message.error(t('lib.needUser'));
    if (declarationProblems(variables).size) return void message.error(t('lib.var.fixFirst'));
    try {
      // An empty owner means the author owns it (the store's rule).
      const { owner, ...rest } = f;
      const ref = await api.libraryCreate({
        clause: { ...rest, ...(owner?.trim() ? { owner: owner.trim() } : {}), tags: [], variables },
      });
      message.success(t('lib.done.created', { title: f.title, id: ref.clauseId }));
      form.resetFields();
      setVariables([]);
      onCreated(ref);
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  }

  return (
    <Modal
      open={open}
      title={t('lib.new.title')}
      okText={t('lib.new.create')}
      cancelText={t('lib.cancel')}
      onOk={() => void create()}
      onCancel={onClose}
      width={1200}
      forceRender
    >
      <div className="bf-lib-editor">
        <Form
          form={form}
          name="newClause"
          layout="vertical"
          initialValues={{ variant: '标准', docTypes: [], reviewIntervalMonths: 12 }}
        >
          <Form.Item
            name="title"
            label={t('lib.new.name')}
            rules={[{ required: true, message: t('lib.new.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="category"
            label={t('lib.f.category')}
            rules={[{ required: true, message: t('lib.new.required') }]}
          >
            <AutoComplete
              options={categories.map((c) => ({ value: c }))}
              filterOption={(input, o) => String(o?.value ?? '').includes(input)}
            />
          </Form.Item>
          <Form.Item
            name="docTypes"
            label={t('lib.f.docType')}
            rules={[{ required: true, type: 'array', min: 1, message: t('lib.new.required') }]}
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={DOC_TYPES.map((d) => ({ value: d, label: t(`lib.doc.${d}`) }))}
            />
          </Form.Item>
          <div className="bf-lib-form-pair">
            <Form.Item
              name="variant"
              label={t('lib.new.variant')}
              rules={[{ required: true, message: t('lib.new.required') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="owner" label={t('lib.f.owner')} extra={t('lib.new.ownerHint')}>
              <Input placeholder={user} />
            </Form.Item>
            <Form.Item
              name="reviewIntervalMonths"
              label={t('lib.meta.interval')}
              rules={[{ required: true, message: t('lib.new.required') }]}
            >
              <InputNumber
                min={1}
                max={120}
                precision={0}
                suffix={t('lib.meta.months')}
                className="bf-lib-wide-input"
              />
            </Form.Item>
          </div>
          <Form.Item label={t('lib.edit.variables', { count: variables.length })} extra={t('lib.new.variablesHint')}>
            <VariablesForm value={variables} onChange={setVariables} />
            {duplicates.map((d) => (
              <Alert
                key={d.key}
                className="bf-lib-read-alert"
                type="warning"
                showIcon
                title={t('lib.new.dupFact', { key: d.key, label: d.label })}
                data-testid="dup-fact"
              />
            ))}
          </Form.Item>
          <Form.Item label={t('lib.new.facts')} extra={t('lib.new.factsHint')}>
            <Select
              showSearch
              value={null}
              placeholder={t('lib.new.factsPick')}
              optionFilterProp="label"
              options={FACT_OPTIONS}
              onChange={(k: string) =>
                form.setFieldValue(
                  'body',
                  `${(form.getFieldValue('body') as string | undefined)?.trimEnd() ?? ''}\n\n${factSnippet(k)}`.trimStart(),
                )
              }
              data-testid="new-clause-fact"
            />
          </Form.Item>
          <Form.Item
            name="body"
            label={t('lib.edit.body')}
            extra={t('lib.new.bodyHint')}
            rules={[{ required: true, message: t('lib.new.required') }]}
          >
            <Input.TextArea className="bf-lib-code" autoSize={{ minRows: 6, maxRows: 16 }} spellCheck={false} />
          </Form.Item>
        </Form>
        <SampleRender
          body={body}
          variables={usable}
          docType={docTypes?.[0] ?? 'service-plan'}
          title={title}
          testId="new-clause-render"
        />
      </div>
    </Modal>
  );
}
