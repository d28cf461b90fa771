// Test setup (root vitest config): the test kit boots the server's assembly, loaded only by test
// files that create a test platform.
import { registerPlatformAssembly } from '@rustok/testing';

registerPlatformAssembly(async () => {
  const { assemble, PLATFORM_MODULES } = await import('@rustok/server');
  return { assemble, modules: PLATFORM_MODULES };
});
