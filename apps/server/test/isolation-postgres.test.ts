import { describeOnBackend } from '@rustok/testing';
import { isolationSuite } from './isolation/suite.js';

// Tenant isolation across the whole surface (see ./isolation/suite.ts), on postgres.
describeOnBackend('postgres', 'tenant isolation', isolationSuite);
