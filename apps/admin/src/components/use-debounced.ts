import { useEffect, useMemo, useState } from 'react';
import { debounce } from '../debounce.js';

/** The value as it was once it stopped changing for `ms` (the first value at once). */
export const useDebounced = <T>(value: T, ms: number): T => {
  const [settled, setSettled] = useState(value);
  const later = useMemo(() => debounce((next: T) => setSettled(() => next), ms), [ms]);
  useEffect(() => later.call(value), [later, value]);
  useEffect(() => () => later.cancel(), [later]);
  return settled;
};
