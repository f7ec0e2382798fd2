// The preview store keeps each part's identity while its content is unchanged, so a keystroke whose preview comes
// back the same redraws nothing, and a changed document redraws the preview pane but not the form.
import { describe, expect, it } from 'vitest';
import type { Document } from '@core/model/document.js';
import type { Problem } from '@core/model/problem.js';
import { PreviewStore } from '../../renderer/src/lib/previewStore.js';

const doc = (text: string): Document =>
  ({
    meta: { title: 't', projectName: 'p', bidder: 'b', date: '2026-01-01', docType: 'service-plan' },
    blocks: [{ kind: 'paragraph', runs: [{ text }] }],
  }) as unknown as Document;
const problem = (message: string): Problem => ({ severity: 'error', code: 'x', message, field: 'values.a' });

describe('PreviewStore', () => {
  it('keeps the document and findings objects when an equal result arrives, and tells no one', () => {
    const store = new PreviewStore(0);
    store.show({ document: doc('一'), epoch: 0, problems: [problem('缺少')], deviations: [] });
    const view = store.getView();
    const findings = store.getFindings();
    let calls = 0;
    store.subscribe(() => calls++);
    store.show({ document: doc('一'), epoch: 0, problems: [problem('缺少')], deviations: [] });
    expect(store.getView()).toBe(view);
    expect(store.getFindings()).toBe(findings);
    expect(calls).toBe(0);
  });

  it('replaces only the part that changed', () => {
    const store = new PreviewStore(0);
    store.show({ document: doc('一'), epoch: 0, problems: [problem('缺少')], deviations: [] });
    const findings = store.getFindings();
    store.show({ document: doc('二'), epoch: 0, problems: [problem('缺少')], deviations: [] });
    expect(store.getView().document?.blocks[0]).toEqual({ kind: 'paragraph', runs: [{ text: '二' }] });
    expect(store.getFindings()).toBe(findings);
    const view = store.getView();
    store.show({ problems: [problem('另一个')] });
    expect(store.getView()).toBe(view);
    expect(store.getFindings().problems[0]!.message).toBe('另一个');
  });

  it('marks a pending request and clears the mark when its result arrives, even an unchanged one', () => {
    const store = new PreviewStore(0);
    store.show({ document: doc('一'), epoch: 0, problems: [], deviations: [] });
    let calls = 0;
    store.subscribe(() => calls++);
    store.setPending(true);
    store.setPending(true);
    expect(store.getView().pending).toBe(true);
    expect(calls).toBe(1);
    store.show({ document: doc('一'), epoch: 0, problems: [], deviations: [] });
    expect(store.getView().pending).toBe(false);
    expect(calls).toBe(2);
  });

  it('a new epoch (another project opened) is a new view even for an equal document', () => {
    const store = new PreviewStore(0);
    store.show({ document: doc('一'), epoch: 0, problems: [], deviations: [] });
    const view = store.getView();
    store.show({ document: doc('一'), epoch: 1, problems: [], deviations: [] });
    expect(store.getView()).not.toBe(view);
    expect(store.getView().epoch).toBe(1);
  });
});
