import "server-only";
import type { Metadata } from "next";
import { getConfig } from "@/lib/config";
import { localePath } from "@/lib/i18n/paths";
import { SOCIAL_CARD_SIZE } from "./card";
import type { CardLocale } from "./labels";
import { SITE_NAME } from "./source";

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
