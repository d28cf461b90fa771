/** A body as signed, indented when it is JSON (else as it came). */
export const prettyJson = (text: string): string => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

/** The body, pretty-printed, in a scrolling region that the keyboard reaches too. */
export const PayloadView = ({ payload, label }: { readonly payload: string; readonly label: string }) => (
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
  <section className="payload" aria-label={label} tabIndex={0}>
    <pre data-testid="delivery-payload">{prettyJson(payload)}</pre>
  </section>
);
