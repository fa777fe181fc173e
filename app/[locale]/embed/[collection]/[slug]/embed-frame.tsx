import type { ReactNode } from "react";
import { EmbedHeight } from "./embed-height";

/** An embed page's content: the site's header and footer are hidden around it (globals.css, `.embed`). */
export function EmbedFrame({ children }: { children: ReactNode }) {
  return (
    <div className="embed">
      {children}
      <EmbedHeight />
    </div>
  );
}
