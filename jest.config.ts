import type { Config } from 'jest';

const tsJest: Config['transform'] = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
};

// Tests run against the sources of the workspace libraries, not their builds.
const moduleNameMapper = {
  '^@acervo/(domain|persistence|runtime|testing)$': '<rootDir>/libs/$1/src',
};

const config: Config = {
  // Real services answer in milliseconds; the margin is for a busy 2-core CI machine.
  testTimeout: 30_000,
  reporters: ['default', '<rootDir>/libs/testing/jest-summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform: tsJest,
      moduleNameMapper,
      testMatch: ['<rootDir>/libs/*/src/**/*.spec.ts', '<rootDir>/apps/{api,worker}/src/**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform: tsJest,
      moduleNameMapper,
      testMatch: ['<rootDir>/{apps,libs}/*/test/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/api/test/reliability/'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
    },
    {
      // The slow proofs of issue 14 (faults, multi-node, concurrency, backup): `pnpm test:reliability`.
      displayName: 'reliability',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform: tsJest,
      moduleNameMapper,
      testMatch: ['<rootDir>/apps/api/test/reliability/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
    },
  ],
};

export default config;
