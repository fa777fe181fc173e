/** Remembers the language a reader last read in, so that later first pages open in it. */
export const LANGUAGE_COOKIE = "NEXT_LOCALE";

const YEAR_SECONDS = 365 * 24 * 3600;

/** Secure whenever the site is served over HTTPS, as the auth cookies are (both follow APP_URL). */
export function languageCookieOptions(appUrl: string) {
  return {
    path: "/",
    maxAge: YEAR_SECONDS,
    sameSite: "lax" as const,
    secure: appUrl.startsWith("https://"),
  };
}
