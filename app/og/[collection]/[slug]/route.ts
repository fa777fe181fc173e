import { z } from "zod";
import { cachedCardPng } from "@/server/social-card/cache";
import { locales } from "@/lib/i18n/locales";
import { findSocialCard } from "@/server/social-card/source";

const querySchema = z.object({ lang: z.enum(locales).default("en") });

export async function GET(request: Request, { params }: { params: Promise<{ collection: string; slug: string }> }) {
  const { collection, slug } = await params;
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return new Response(`lang must be one of: ${locales.join(", ")}.`, { status: 400 });
  const { lang } = query.data;
  const card = await findSocialCard(collection, slug, lang);
  if (!card) return new Response("No such page.", { status: 404 });
  const png = await cachedCardPng(`${collection}/${slug}?${lang}`, card);
  return new Response(png, { headers: { "content-type": "image/png", "cache-control": "public, max-age=60" } });
}
