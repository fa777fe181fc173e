import "server-only";
import type { Metadata } from "next";
import { getConfig } from "@/lib/config";
import { regionalLocale, type Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { SOCIAL_CARD_SIZE } from "./card";
import { siteName } from "./labels";

type Shared = { path: string; title: string; description: string; locale?: Locale };

/** Open Graph and Twitter tags for a public page, its card drawn by /og{path}; URLs absolute from APP_URL. */
export function socialMetadata({
  path,
  title,
  description,
  locale = "en",
}: Shared): Pick<Metadata, "openGraph" | "twitter"> {
  const { appUrl } = getConfig();
  const image = `${appUrl}/og${path}${locale === "en" ? "" : `?lang=${locale}`}`;
  return {
    openGraph: {
      type: "website",
      url: `${appUrl}${localePath(locale, path)}`,
      siteName: siteName(locale),
      locale: regionalLocale(locale).replace("-", "_"),
      title,
      description,
      images: [{ url: image, ...SOCIAL_CARD_SIZE, alt: title, type: "image/png" }],
    },
    twitter: { card: "summary_large_image", title, description, images: [{ url: image, alt: title }] },
  };
}
