// Two small dialogs of a clause: its details (owner, review interval, category, title, tags, document types — not
// versioned) and a new variant (标准 / 7×24 加强版 / 政府采购版), which starts as a draft copy of a chosen variant.
import { App, AutoComplete, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { DOC_TYPES } from '@core/model/library.js';
import type { DocType, StoredClause, VersionRef } from '@core/api/library.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';

type MetaFields = {
  title: string;
  category: string;
  owner: string;
  reviewIntervalMonths: number;
  tags: string[];
  docTypes: DocType[];
};

export function ClauseMetaModal({
  clause,
  open,
  user,
  categories,
  onClose,
  onSaved,
}: {
  clause: StoredClause;
  open: boolean;
  user: string;
  categories: string[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MetaFields>();

  useEffect(() => {
    if (open)
      form.setFieldsValue({
        title: clause.title,
        category: clause.category,
        owner: clause.owner,
        reviewIntervalMonths: clause.reviewIntervalMonths,
        tags: clause.tags,
        docTypes: clause.docTypes,
      });
  }, [open, clause, form]);

  async function save() {
    const f = await form.validateFields();
    if (!user.trim()) return void message.error(t('lib.needUser'));
    try {
      await api.libraryUpdateMeta({ clauseId: clause.id, patch: { ...f, owner: f.owner.trim() } });
      message.success(t('lib.done.metaSaved'));
      onSaved();
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  }

  const required = { required: true, message: t('lib.new.required') };
  return (
    <Modal
      open={open}
      title={t('lib.meta.title', { id: clause.id })}
      okText={t('lib.meta.save')}
      cancelText={t('lib.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      width={600}
      forceRender
    >
      <Form form={form} name="clauseMeta" layout="vertical" data-testid="meta-form">
        <div className="bf-lib-form-pair">
          <Form.Item name="owner" label={t('lib.f.owner')} extra={t('lib.meta.ownerHint')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="reviewIntervalMonths"
            label={t('lib.meta.interval')}
            rules={[required]}
            extra={t('lib.meta.intervalHint')}
          >
            <InputNumber min={1} max={120} precision={0} suffix={t('lib.meta.months')} className="bf-lib-wide-input" />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('lib.new.name')} rules={[required]}>
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t('lib.f.category')} rules={[required]}>
          <AutoComplete
            options={categories.map((c) => ({ value: c }))}
            filterOption={(input, o) => String(o?.value ?? '').includes(input)}
          />
        </Form.Item>
        <Form.Item name="tags" label={t('lib.f.tag')}>
          <Select mode="tags" open={false} placeholder={t('lib.meta.tagsHint')} />
        </Form.Item>
        <Form.Item name="docTypes" label={t('lib.f.docType')} rules={[{ ...required, type: 'array', min: 1 }]}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={DOC_TYPES.map((d) => ({ value: d, label: t(`lib.doc.${d}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const SUGGESTED = ['标准', '7×24 加强版', '政府采购版'];

type VariantFields = { name: string; from: string };

export function AddVariantModal({
  clause,
  variant,
  open,
  user,
  onClose,
  onAdded,
}: {
  clause: StoredClause;
  variant: string;
  open: boolean;
  user: string;
  onClose: () => void;
  onAdded: (ref: VersionRef) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VariantFields>();
  const taken = new Set(clause.variants.map((v) => v.name));

  useEffect(() => {
    if (open) form.setFieldsValue({ name: SUGGESTED.find((s) => !taken.has(s)) ?? '', from: variant });
  }, [open, variant, form]); // `taken` is read when the dialog opens, not tracked

  async function add() {
    const f = await form.validateFields();
    if (!user.trim()) return void message.error(t('lib.needUser'));
    const src = clause.variants.find((v) => v.name === f.from);
    const base = src?.versions[src.versions.length - 1];
    if (!base) return;
    try {
      const ref = await api.libraryAddVariant({
        clauseId: clause.id,
        name: f.name.trim(),
        body: base.body,
        variables: base.variables,
        ...(base.when ? { when: base.when } : {}),
        changeNote: t('lib.variant.note', { from: f.from, version: base.version }),
      });
      message.success(t('lib.done.variantAdded', { name: ref.variant }));
      onAdded(ref);
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  }

  return (
    <Modal
      open={open}
      title={t('lib.variant.title')}
      okText={t('lib.variant.add')}
      cancelText={t('lib.cancel')}
      onOk={() => void add()}
      onCancel={onClose}
      width={520}
      forceRender
    >
      <Form form={form} name="newVariant" layout="vertical" data-testid="variant-form">
        <Form.Item
          name="name"
          label={t('lib.variant.name')}
          extra={t('lib.variant.nameHint')}
          rules={[
            { required: true, whitespace: true, message: t('lib.new.required') },
            {
              validator: async (_, v: string) =>
                taken.has((v ?? '').trim()) ? Promise.reject(new Error(t('lib.variant.taken'))) : undefined,
            },
          ]}
        >
          <AutoComplete options={SUGGESTED.filter((s) => !taken.has(s)).map((s) => ({ value: s }))} />
        </Form.Item>
        <Form.Item name="from" label={t('lib.variant.from')} extra={t('lib.variant.fromHint')}>
          <Select
            options={clause.variants.map((v) => ({ value: v.name, label: `${v.name}（v${v.versions.length}）` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
