"use client";

import { useEffect } from "react";

/** The message the embedding page's /embed.js listens for (it checks that it comes from this site). */
const EMBED_HEIGHT_MESSAGE = "delegation-embed-height";

/**
 * Tells the page that frames this one how tall the content is, so its script can size the frame and no
 * inner scroll bar appears. Only a height leaves the frame, so any target origin is fine.
 */
export function EmbedHeight() {
  useEffect(() => {
    if (window.parent === window) return;
    const send = () =>
      window.parent.postMessage(
        { type: EMBED_HEIGHT_MESSAGE, height: Math.ceil(document.documentElement.scrollHeight) },
        "*",
      );
    const observer = new ResizeObserver(send);
    observer.observe(document.body);
    send();
    return () => observer.disconnect();
  }, []);
  return null;
}
