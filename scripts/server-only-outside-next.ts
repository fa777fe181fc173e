// Command-line tools and unit tests load server modules outside Next, where the "server-only" guard has no
// client bundle to protect: tsconfig.scripts.json and vitest.config.ts point it here.
export {};
