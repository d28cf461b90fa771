import { defineModule } from '@rustok/kernel';
import { MEDIA_MANAGE, MEDIA_READ } from './context.js';
import { mediaErrors } from './errors.js';
import { mediaEvents } from './events.js';
import { mediaGraphQL } from './graphql/assets.js';
import { mediaMigrations } from './migrations.js';
import { MediaOptionsSchema } from './options.js';
import { assetRoutes } from './routes/assets.js';
import { fileRoutes } from './routes/files.js';
import { uploadRoutes } from './routes/uploads.js';
import { closeMediaStorage } from './storage.js';

/**
 * Media: a tenant's files. Uploads judged by their bytes (not their names), stored through
 * `@rustok/storage` (local disk or S3) under `<tenantId>/<assetId>/...`, images with WebP variants,
 * served with immutable caching. Product images and page blocks refer to assets by id.
 */
export const mediaModule = defineModule({
  slug: 'media',
  name: 'Media',
  description: 'Uploads checked by their bytes, image variants, files served with immutable caching',
  version: '0.1.0',
  kind: 'optional',
  errors: [mediaErrors],
  permissions: [MEDIA_READ, MEDIA_MANAGE],
  options: MediaOptionsSchema,
  migrations: mediaMigrations,
  events: { emits: mediaEvents },
  rest: async (app) => {
    app.addHook('onClose', async (instance) => closeMediaStorage(instance.rustok.config));
    await app.register(assetRoutes);
    await app.register(uploadRoutes);
    await app.register(fileRoutes);
  },
  graphql: (builder) => {
    mediaGraphQL(builder);
  },
});
