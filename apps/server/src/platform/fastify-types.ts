// The platform's decorations of the Fastify instance.
declare module 'fastify' {
  interface FastifyInstance {
    /** Drops a tenant from every instance's resolution cache. */
    invalidateTenant: (tenant: { id: string; slug: string; hosts?: readonly string[] }) => Promise<void>;
  }
}

export {};
