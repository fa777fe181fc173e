"use client";

import { useState } from "react";

type Labels = { field: string; copy: string; copied: string };

/** The link is always visible and selectable; with JavaScript a button also copies it. */
export function CopyLink({ url, labels }: { url: string; labels: Labels }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor="share-url">{labels.field}</label>
      <div style={{ display: "flex", gap: "0.5rem" }}>
        <input id="share-url" type="text" readOnly value={url} onFocus={(event) => event.target.select()} />
        <button
          type="button"
          className="secondary"
          onClick={() =>
            navigator.clipboard?.writeText(url).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {labels.copy}
        </button>
      </div>
      <p className="hint" role="status">
        {copied ? labels.copied : ""}
      </p>
    </div>
  );
}
