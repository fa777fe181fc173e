import type { Metadata } from "next";
import { getConfig } from "./config";
import { localePath } from "./i18n";
import { SOCIAL_CARD_SIZE } from "./social-card";
import type { CardLocale } from "./social-card-labels";
import { SITE_NAME } from "./social-card-source";

type Shared = { path: string; title: string; description: string; locale?: CardLocale };

/** Open Graph and Twitter tags for a public page, its card drawn by /og{path}; URLs absolute from APP_URL. */
export function socialMetadata({ path, title, description, locale = "en" }: Shared): Pick<Metadata, "openGraph" | "twitter"> {
  const { appUrl } = getConfig();
  const image = `${appUrl}/og${path}${locale === "en" ? "" : `?lang=${locale}`}`;
  return {
    openGraph: {
      type: "website",
      url: `${appUrl}${localePath(locale, path)}`,
      siteName: SITE_NAME,
      locale: locale === "ru" ? "ru_RU" : "en_GB",
      title,
      description,
      images: [{ url: image, ...SOCIAL_CARD_SIZE, alt: title, type: "image/png" }],
    },
    twitter: { card: "summary_large_image", title, description, images: [{ url: image, alt: title }] },
  };
}
