import { ApiParam } from '@nestjs/swagger';

/** Documents a path parameter checked by ParseUUIDPipe: the plugin only sees a string. */
export const ApiUuidParam = (name = 'id') =>
  ApiParam({ name, format: 'uuid', example: '3b9e6f21-8c4d-4a7b-b1e2-6d0f9a8c7e55', description: 'The resource id (a UUID).' });
