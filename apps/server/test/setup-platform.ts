// Test setup (root vitest config): the test kit boots the server's assembly, loaded only by test
// files that create a test platform. Only the kit's registry is imported here (not the kit), so a
// test file that never boots a platform does not load the platform's packages before its tests.
import { registerPlatformAssembly } from '@rustok/testing/platform-assembly';

registerPlatformAssembly(async () => {
  const { assemble, PLATFORM_MODULES } = await import('@rustok/server');
  return { assemble, modules: PLATFORM_MODULES };
});
