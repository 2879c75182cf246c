// Benchmarks run with jest only to reuse the TypeScript stand-ins; each prints its own table.
import base from '../jest.config.js';

export default {
  ...base,
  rootDir: '..',
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  testTimeout: 900000,
  maxWorkers: 1,
  verbose: false,
};
