import { type ComponentType, h, hydrate } from 'preact';

/** In the browser: hydrates every `data-island="<name>"` element of the page with its props. */
export const mountIsland = <P extends object>(name: string, component: ComponentType<P>): void => {
  for (const element of document.querySelectorAll<HTMLElement>(`[data-island="${name}"]`)) {
    const props = JSON.parse(element.dataset.props ?? '{}') as P;
    hydrate(h(component, props), element);
  }
};
