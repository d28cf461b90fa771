// `@rustok/storage/test-fixtures`: for the tests of the packages and modules built on storage (source only, never built).
export { image, jpegWithExif, pngBomb } from './images.js';
export { startS3Server, type TestS3Server } from './s3-server.js';
