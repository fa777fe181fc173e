"use client";

import type { MouseEvent } from "react";
import type { ErrorPageMessages } from "@/messages/en";

type Props = { texts: ErrorPageMessages; error: unknown; retry: () => void; home: string };

/**
 * What an error boundary shows instead of a page that failed. "Try again" is a link to the same address,
 * so it works without JavaScript; with it, only the failed part is fetched and rendered again. The
 * reference (a digest, never the message) lets an operator find the error in the server's log.
 */
export function ErrorView({ texts, error, retry, home }: Props) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  const again = (event: MouseEvent) => {
    event.preventDefault();
    retry();
  };
  return (
    <>
      <h1>{texts.title}</h1>
      <p>{texts.body}</p>
      <p className="actions">
        <a href="" onClick={again}>
          {texts.retry}
        </a>
        <a href={home}>{texts.home}</a>
      </p>
      {digest ? (
        <p className="hint">
          {texts.reference}: <code>{digest}</code>
        </p>
      ) : null}
    </>
  );
}
