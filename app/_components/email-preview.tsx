"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** Links in the email open in a new tab, outside the preview (the sandbox lets only that through). */
function withLinksInNewTabs(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + base) : base + html;
}

/**
 * The email's HTML in a frame that runs none of its scripts and cannot navigate this page; its links open in
 * a new tab. allow-same-origin (never with allow-scripts) only lets this page read the email's height, so
 * the frame shows all of it, footer included.
 */
export function EmailPreview({ html }: { html: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState<number | null>(null);
  const fit = useCallback(() => {
    const document = frame.current?.contentDocument;
    if (document?.documentElement) setHeight(document.documentElement.scrollHeight + 16);
  }, []);
  useEffect(() => {
    if (frame.current?.contentDocument?.readyState === "complete") fit();
  }, [fit]);
  return (
    <iframe
      ref={frame}
      title="The email as HTML"
      srcDoc={withLinksInNewTabs(html)}
      sandbox="allow-popups allow-popups-to-escape-sandbox allow-same-origin"
      onLoad={fit}
      style={{ width: "100%", height: height ? `${height}px` : "48rem", border: "1px solid #ccc" }}
    />
  );
}
