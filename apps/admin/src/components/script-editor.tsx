import { javascript } from '@codemirror/lang-javascript';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef } from 'react';
import type { ScriptLanguage } from '../api/scripting-shapes.js';
import { hostApiCompletions } from './script-host-api.js';

/** The gutter's numbers dark enough to read (the default grey is too faint against its background). */
const readableTheme = EditorView.theme({
  '.cm-gutters': { color: '#4a525c', backgroundColor: '#f4f5f7' },
  '.cm-activeLineGutter': { color: '#1f2328' },
});

interface Props {
  /** The id of the element that names the editor (its label). */
  readonly labelledBy: string;
  readonly value: string;
  readonly language: ScriptLanguage;
  readonly onChange: (source: string) => void;
}

/**
 * A script's source in CodeMirror: JavaScript or TypeScript highlighting, and completion of the
 * host API (`ctx.` and its members). It starts from `value`; a changed language starts it anew
 * from the text as it is.
 */
export const ScriptEditor = ({ labelledBy, value, language, onChange }: Props) => {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(value);
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    const support = javascript({ typescript: language === 'ts' });
    const view = new EditorView({
      doc: latest.current,
      parent: host.current ?? undefined,
      extensions: [
        basicSetup,
        readableTheme,
        support,
        support.language.data.of({ autocomplete: hostApiCompletions }),
        EditorView.contentAttributes.of({ 'aria-labelledby': labelledBy }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          latest.current = update.state.doc.toString();
          changed.current(latest.current);
        }),
      ],
    });
    return () => view.destroy();
  }, [language, labelledBy]);
  return <div ref={host} className="code-editor" data-testid="script-editor" />;
};
