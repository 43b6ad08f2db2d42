// Projects so `npm test` can run them in order and a developer can run one alone.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@core/(.*)$': '<rootDir>/core/$1', '^@/(.*)$': '<rootDir>/src/$1' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/cloudfunctions/'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'integration', globalSetup: '<rootDir>/test/helpers/global-setup.ts', testMatch: ['<rootDir>/test/localcloud/**/*.test.ts', '<rootDir>/test/integration/**/*.test.ts'] },
    { ...base, displayName: 'browser', globalSetup: '<rootDir>/test/helpers/global-setup.ts', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
    // WeChat DevTools (npm run test:devtools): skipped with the reason where WECHAT_DEVTOOLS_CLI is unset.
    { ...base, displayName: 'devtools', globalSetup: '<rootDir>/test/devtools/global-setup.ts', testMatch: ['<rootDir>/test/devtools/*.test.ts'] },
  ],
};
