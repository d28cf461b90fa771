export { assertKey, InvalidKey, isValidKey, type KeyProblem, keyProblem, MAX_KEY_LENGTH } from './key.js';
export { createLocalStorage, type LocalStorageOptions } from './local.js';
export type {
  ListItem,
  ListOptions,
  ListPage,
  ObjectInfo,
  PresignedPut,
  PresignOptions,
  PutOptions,
  PutResult,
  StoragePort,
  StoredObject,
} from './port.js';
export { createS3Storage, type S3Storage, type S3StorageOptions } from './s3.js';
export { SNIFF_BYTES, type SniffedType, sniffType } from './sniff.js';
export { checkUpload, DEFAULT_ALLOWED_TYPES, type UploadCheck, type UploadRefusal, type UploadVerdict } from './upload.js';
export {
  createVariants,
  DEFAULT_MAX_INPUT_PIXELS,
  DEFAULT_VARIANTS,
  type ImageVariant,
  type VariantOptions,
  type VariantSpec,
  type VariantsResult,
} from './variants.js';
