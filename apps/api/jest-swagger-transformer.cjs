/* Runs the Nest Swagger CLI plugin under ts-jest, as webpack runs it for the build (same OpenAPI metadata in tests). */
const plugin = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (cs) => plugin.before({ introspectComments: true, classValidatorShim: true }, cs.program);
