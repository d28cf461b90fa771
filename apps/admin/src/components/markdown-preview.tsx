import { useDeferredValue, useMemo } from 'react';
import { markdownElements } from '../markdown.js';

/** The body as readers will see it (never inserted as HTML), redrawn as it is typed (deferred, so typing stays quick). */
export const MarkdownPreview = ({ source }: { readonly source: string }) => {
  const deferred = useDeferredValue(source);
  const elements = useMemo(() => markdownElements(deferred), [deferred]);
  return <>{elements}</>;
};
