// The clause body editor: CodeMirror 6 with Markdown highlighting and {{ Handlebars }} marked on top.
// Loaded lazily (React.lazy in DraftEditor), so the editor's code only arrives when someone edits a clause.
// Handlebars gets a small match decorator instead of a grammar: clause templates only use {{x}}, {{helper a b}} and
// {{#if}}…{{/if}}, and a decorator over the Markdown parse keeps tables and headings highlighted around them.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdownLanguage } from '@codemirror/lang-markdown';
import { HighlightStyle, LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  keymap,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useRef } from 'react';

const markdownStyle = HighlightStyle.define([
  { tag: tags.heading, color: '#1d39c4', fontWeight: '600' },
  { tag: tags.strong, fontWeight: '600' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: [tags.list, tags.quote], color: '#7c4dff' },
  { tag: [tags.processingInstruction, tags.contentSeparator, tags.meta], color: '#8c8c8c' },
  { tag: tags.monospace, color: '#c41d7f' },
  { tag: tags.link, color: '#0958d9', textDecoration: 'underline' },
]);

/** {{#if …}}, {{else}}, {{/if}}: block structure; everything else between braces is a value or a helper call. */
const handlebarsMark = new MatchDecorator({
  regexp: /\{\{(~?[#/^]|~?else\b)?[^{}]*\}\}/g,
  decoration: (m) => Decoration.mark({ class: m[1] ? 'cm-hb cm-hb-block' : 'cm-hb' }),
});
const handlebars = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = handlebarsMark.createDeco(view);
    }
    update(u: ViewUpdate) {
      this.decorations = handlebarsMark.updateDeco(u, this.decorations);
    }
  },
  { decorations: (p) => p.decorations },
);

const theme = EditorView.theme({
  '&': { fontSize: '13px', border: '1px solid var(--bf-border, #d9d9d9)', borderRadius: '6px', background: '#fff' },
  '&.cm-focused': { outline: 'none', borderColor: '#4096ff', boxShadow: '0 0 0 2px rgba(5,145,255,0.1)' },
  '.cm-scroller': {
    fontFamily: "'JetBrains Mono', 'Sarasa Mono SC', 'Noto Sans Mono CJK SC', Consolas, Menlo, monospace",
    lineHeight: '1.6',
    minHeight: '240px',
    maxHeight: '60vh',
    overflow: 'auto',
  },
  '.cm-content': { padding: '8px 0' },
  '.cm-line': { padding: '0 11px' },
  '.cm-hb': { color: '#d46b08', background: '#fff7e6', borderRadius: '3px' },
  '.cm-hb-block': { color: '#08979c', background: '#e6fffb', fontWeight: '600' },
});

type Props = { value: string; onChange: (value: string) => void; ariaLabel: string; testId?: string };

export default function CodeEditor({ value, onChange, ariaLabel, testId }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          // The GFM language alone, not markdown(): that one adds HTML-in-Markdown support (lang-html, -css,
          // -javascript: ~300 kB) for tags our clause bodies may not contain (markdown-it runs with HTML off).
          new LanguageSupport(markdownLanguage),
          syntaxHighlighting(markdownStyle),
          handlebars,
          EditorView.lineWrapping, // Chinese paragraphs are long lines
          EditorView.contentAttributes.of({ 'aria-label': ariaLabel, spellcheck: 'false' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
          }),
          theme,
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is created once; later values arrive through the effect below.
  }, []);

  // A value set from outside (e.g. a different starting version) replaces the text; our own typing is already there.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className="bf-lib-cm" data-testid={testId} />;
}
