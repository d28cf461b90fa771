import { useCallback } from 'react';
import { useRuleMessages } from './rule-messages.js';
import { assertValid, type Operation } from './validate.js';

/**
 * A check of a body against the operation's request schema, for a mutation to run before it sends:
 * it throws the 422 VALIDATION_FAILED the server would answer (fields named, in the UI's language),
 * so the form shows it like the server's own, without the round trip.
 */
export const useContractCheck = (operation: Operation): ((body: unknown) => void) => {
  const { describe, title } = useRuleMessages();
  return useCallback((body: unknown) => assertValid(operation, body, describe, title), [operation, describe, title]);
};

/** The same check for a form whose operation depends on what it does (create or change): `check(operation, body)`. */
export const useContractChecks = (): ((operation: Operation, body: unknown) => void) => {
  const { describe, title } = useRuleMessages();
  return useCallback((operation: Operation, body: unknown) => assertValid(operation, body, describe, title), [describe, title]);
};
