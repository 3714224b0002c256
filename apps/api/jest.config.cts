/* Unit specs: beside the code, no network services. */
module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', astTransformers: { before: [{ path: '<rootDir>/jest-swagger-transformer.cjs' }] } }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  moduleNameMapper: {
    '^@postprober/test-servers$': '<rootDir>/../../libs/test-servers/src/index.ts',
    '^@postprober/platform-sim$': '<rootDir>/../../libs/platform-sim/src/index.ts',
    '^@postprober/shared/platforms$': '<rootDir>/../../libs/shared/platforms/src/index.ts',
    '^@postprober/shared/health-events$': '<rootDir>/../../libs/shared/health-events/src/index.ts',
  },
  coverageDirectory: '../../coverage/apps/api',
};
