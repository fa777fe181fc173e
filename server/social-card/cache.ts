import "server-only";
import { renderSocialCard, type SocialCardInput } from "./card";

/** A page's card is drawn again at most this often, however fast its count moves (as the page itself). */
export const CARD_REFRESH_MS = 5_000;

type Drawn = { card: string; png: Promise<ArrayBuffer>; drawnAt: number };

// The latest card of each page and language; only pages that exist get here, so it stays small.
const latest = new Map<string, Drawn>();

/**
 * The card's PNG, drawn once and then served from memory: again only when what it shows has changed and
 * the last drawing is older than CARD_REFRESH_MS. Concurrent requests share one drawing in progress, so
 * a surge of shares during a surge of signatures costs one render per page every few seconds.
 */
export function cachedCardPng(page: string, input: SocialCardInput): Promise<ArrayBuffer> {
  const card = JSON.stringify(input);
  const drawn = latest.get(page);
  if (drawn && (drawn.card === card || Date.now() - drawn.drawnAt < CARD_REFRESH_MS)) return drawn.png;
  const png = renderSocialCard(input).then((response) => response.arrayBuffer());
  latest.set(page, { card, png, drawnAt: Date.now() });
  png.catch(() => {
    if (latest.get(page)?.png === png) latest.delete(page); // the next request tries again
  });
  return png;
}
