import { describeOnBackend } from '@rustok/testing';
import { isolationSuite } from './isolation/suite.js';

// Tenant isolation across the whole surface (see ./isolation/suite.ts), on pglite.
describeOnBackend('pglite', 'tenant isolation', isolationSuite);
