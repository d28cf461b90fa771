import type { ComponentType } from 'preact';

/**
 * An interactive part of a page: rendered on the server like the rest, then hydrated in the browser
 * by its script (`islands/<name>.tsx`, loaded as a module) from the props written beside it.
 * Without JavaScript the server's HTML is what the shopper gets, so it must work as plain HTML (forms, links).
 */
export const Island = <P extends object>({
  name,
  component: Component,
  props,
}: {
  name: string;
  component: ComponentType<P>;
  props: P;
}) => (
  <div data-island={name} data-props={JSON.stringify(props)}>
    <Component {...props} />
  </div>
);
