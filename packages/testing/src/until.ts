/** Waits until `check` gives a value (polling every `everyMs`), or fails naming `what` after `timeoutMs`. */
export const until = async <T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000, everyMs = 20): Promise<T> => {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
};
