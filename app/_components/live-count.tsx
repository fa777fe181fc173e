"use client";

import { useEffect, useState } from "react";

type Props = {
  id: string;
  /** The count endpoint (`/api/{collection}/{slug}`), cached by the server and any CDN for a few seconds. */
  url: string;
  locale: string;
  count: number;
  /** The count as the server formatted it, shown until the count changes (no hydration mismatch). */
  formatted: string;
  /** The label for each plural category, "#" standing for the number. */
  forms: Record<string, string>;
  goalText: string | null;
};

const QUICK_WAIT_MS = 3_000;
const QUICK_FOR_MS = 60_000;
const LONGEST_WAIT_MS = 30_000;

/**
 * The confirmed count, kept current while the page is open: it asks the (cached) count endpoint every 3 s
 * for a minute after the page was opened, shown again or the count last changed, so a confirmation shows
 * within 10 s; after that it waits half as long again each time (up to 30 s); and not at all while the tab
 * is hidden.
 */
export function LiveCount({ id, url, locale, count: initial, formatted, forms, goalText }: Props) {
  const [count, setCount] = useState(initial);
  useEffect(() => {
    let wait = QUICK_WAIT_MS;
    let quickUntil = Date.now() + QUICK_FOR_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = initial;
    const slowDown = (factor: number) => {
      wait = Date.now() < quickUntil ? QUICK_WAIT_MS : Math.min(wait * factor, LONGEST_WAIT_MS);
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(poll, wait);
    };
    const poll = async () => {
      clearTimeout(timer);
      // A hidden tab asks nothing; it only looks again later (and at once when shown, below).
      if (document.hidden) return schedule();
      try {
        const response = await fetch(url);
        const body = response.ok ? ((await response.json()) as { signatureCount?: unknown }) : null;
        const next = body?.signatureCount;
        if (typeof next === "number" && next !== latest) {
          latest = next;
          setCount(next);
          quickUntil = Date.now() + QUICK_FOR_MS;
          wait = QUICK_WAIT_MS;
        } else slowDown(1.5);
      } catch {
        slowDown(2);
      }
      schedule();
    };
    const onVisibility = () => {
      if (document.hidden) return;
      quickUntil = Date.now() + QUICK_FOR_MS;
      wait = QUICK_WAIT_MS;
      void poll();
    };
    document.addEventListener("visibilitychange", onVisibility);
    schedule();
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [url, initial]);

  const form = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other ?? "#";
  const [before, after] = form.split("#");
  const number = count === initial ? formatted : count.toLocaleString(locale);
  return (
    <p className="count" id={`${id}-label`} aria-live="polite">
      {before}
      <strong>{number}</strong>
      {after}
      {goalText ? <> {goalText}</> : null}
    </p>
  );
}
