const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      // Builds the OpenAPI document without a server or database (npm run openapi).
      additionalEntryPoints: [{ entryName: 'generate-openapi', entryPath: './src/bin/generate-openapi.ts' }],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
      transformers: [
        { name: '@nestjs/swagger/plugin', options: { introspectComments: true, classValidatorShim: true } },
      ],
    }),
  ],
};
