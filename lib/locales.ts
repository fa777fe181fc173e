// The site's languages, on their own so that the browser bundle and the proxy can name them without
// loading the database schema. English is the default and keeps the unprefixed addresses.
export const locales = ["en", "ru"] as const;
export type Locale = (typeof locales)[number];
