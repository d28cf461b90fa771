import { type StringOptions, Type } from '@sinclair/typebox';

/** Schema building blocks shared by HTTP bodies, events, config and flex schemas. */
export const Id = (options: StringOptions = {}) => Type.String({ format: 'uuid', ...options });
export const CurrencyCode = (options: StringOptions = {}) => Type.String({ format: 'currency', minLength: 3, maxLength: 3, ...options });
export const Email = (options: StringOptions = {}) => Type.String({ format: 'email', maxLength: 254, ...options });
export const Timestamp = (options: StringOptions = {}) => Type.String({ format: 'date-time', ...options });
/** Integer amount in minor units (cents, kopecks). */
export const MinorUnits = () => Type.Integer({ minimum: -9_007_199_254_740_991, maximum: 9_007_199_254_740_991 });
