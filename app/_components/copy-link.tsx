"use client";

import { useState } from "react";

/** The link is always visible and selectable; with JavaScript a button also copies it. */
export function CopyLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor="share-url">Link to share</label>
      <div style={{ display: "flex", gap: "0.5rem" }}>
        <input id="share-url" type="text" readOnly value={url} onFocus={(event) => event.target.select()} />
        <button
          type="button"
          className="secondary"
          onClick={() => navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}
        >
          Copy link
        </button>
      </div>
      <p className="hint" role="status">
        {copied ? "Link copied." : ""}
      </p>
    </div>
  );
}
