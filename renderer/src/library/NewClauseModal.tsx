// A new clause: title, category, document types and a first body (its id is generated from the category); it starts
// as draft v1 of variant 标准.
import { App, AutoComplete, Form, Input, InputNumber, Modal, Select } from 'antd';
import { DOC_TYPES } from '../../../core/model/library.js';
import type { DocType, VersionRef } from '../../../core/api/library.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';

type Fields = { title: string; category: string; docTypes: DocType[]; variant: string; owner?: string; reviewIntervalMonths: number; body: string };

export function NewClauseModal({ open, user, categories, onClose, onCreated }: { open: boolean; user: string; categories: string[]; onClose: () => void; onCreated: (ref: VersionRef) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();

  async function create() {
    const f = await form.validateFields();
    if (!user.trim()) return void message.error(t('lib.needUser'));
    try {
      // An empty owner means the author owns it (the store's rule).
      const { owner, ...rest } = f;
      const ref = await api.libraryCreate({ clause: { ...rest, ...(owner?.trim() ? { owner: owner.trim() } : {}), tags: [], variables: [] } });
      message.success(t('lib.done.created', { title: f.title, id: ref.clauseId }));
      form.resetFields();
      onCreated(ref);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <Modal open={open} title={t('lib.new.title')} okText={t('lib.new.create')} cancelText={t('lib.cancel')} onOk={() => void create()} onCancel={onClose} width={640} forceRender>
      <Form form={form} name="newClause" layout="vertical" initialValues={{ variant: '标准', docTypes: [], reviewIntervalMonths: 12 }}>
        <Form.Item name="title" label={t('lib.new.name')} rules={[{ required: true, message: t('lib.new.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t('lib.f.category')} rules={[{ required: true, message: t('lib.new.required') }]}>
          <AutoComplete options={categories.map((c) => ({ value: c }))} filterOption={(input, o) => String(o?.value ?? '').includes(input)} />
        </Form.Item>
        <Form.Item name="docTypes" label={t('lib.f.docType')} rules={[{ required: true, type: 'array', min: 1, message: t('lib.new.required') }]}>
          <Select mode="multiple" optionFilterProp="label" options={DOC_TYPES.map((d) => ({ value: d, label: t(`lib.doc.${d}`) }))} />
        </Form.Item>
        <Form.Item name="variant" label={t('lib.new.variant')} rules={[{ required: true, message: t('lib.new.required') }]}>
          <Input />
        </Form.Item>
        <div className="bf-lib-form-pair">
          <Form.Item name="owner" label={t('lib.f.owner')} extra={t('lib.new.ownerHint')}>
            <Input placeholder={user} />
          </Form.Item>
          <Form.Item name="reviewIntervalMonths" label={t('lib.meta.interval')} rules={[{ required: true, message: t('lib.new.required') }]}>
            <InputNumber min={1} max={120} precision={0} suffix={t('lib.meta.months')} className="bf-lib-wide-input" />
          </Form.Item>
        </div>
        <Form.Item name="body" label={t('lib.edit.body')} rules={[{ required: true, message: t('lib.new.required') }]}>
          <Input.TextArea className="bf-lib-code" autoSize={{ minRows: 6, maxRows: 16 }} spellCheck={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
