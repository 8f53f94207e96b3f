/** Set by global-setup.ts once the stack is up; read by the config in each worker. */
export const stackBaseUrl = (): string | undefined => process.env.E2E_BASE_URL;
