import "server-only";
import { ImageResponse } from "next/og";
import { cardFontFamily, loadCardFonts, printableOnCard } from "./fonts";
import type { Locale } from "@/lib/i18n/locales";
import { cardTexts, formatCount } from "./labels";

export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 } as const;

export type SocialCardInput = {
  title: string;
  kindLabel: string;
  count: number;
  goal?: number;
  locale: Locale;
  siteName: string;
  /** For a delegation: the documents it carries, each with its count (then `count` is their total). */
  parts?: { label: string; count: number }[];
};

const serif = cardFontFamily("PT Serif");
const sans = cardFontFamily("PT Sans");
const colors = { paper: "#fbfaf7", ink: "#1f1d1a", muted: "#595550", line: "#d9d4cb", accent: "#8a1c1c" };

function titleSize(title: string, compact: boolean): number {
  const size = title.length <= 45 ? 76 : title.length <= 90 ? 62 : 50;
  return compact ? Math.round(size * 0.8) : size;
}

function GoalBar({ count, goal, label }: { count: number; goal: number; label: string }) {
  const share = Math.min(1, count / goal);
  return (
    <div style={{ display: "flex", flexDirection: "column", width: 420, marginLeft: "auto", marginBottom: 14 }}>
      <div style={{ display: "flex", height: 18, borderRadius: 9, background: colors.line }}>
        <div
          style={{ display: "flex", width: `${Math.max(share * 100, 2)}%`, borderRadius: 9, background: colors.accent }}
        />
      </div>
      <div style={{ display: "flex", justifyContent: "flex-end", fontSize: 26, color: colors.muted, marginTop: 10 }}>
        {label}
      </div>
    </div>
  );
}

function Parts({ parts, locale }: { parts: NonNullable<SocialCardInput["parts"]>; locale: Locale }) {
  return (
    <div style={{ display: "flex", flexDirection: "column", borderTop: `2px solid ${colors.line}`, marginBottom: 18 }}>
      {parts.slice(0, 3).map((part, index) => (
        <div
          key={index}
          style={{
            display: "flex",
            alignItems: "baseline",
            fontSize: 30,
            padding: "12px 0",
            borderBottom: `2px solid ${colors.line}`,
          }}
        >
          <div style={{ display: "block", width: 860, lineClamp: 1 }}>{printableOnCard(part.label)}</div>
          <div style={{ display: "flex", marginLeft: "auto", fontFamily: serif, fontWeight: 700 }}>
            {formatCount(part.count, locale)}
          </div>
        </div>
      ))}
    </div>
  );
}

/** The 1200×630 PNG shown when a page is shared: what the document is, its title, and its live count. */
export async function renderSocialCard(input: SocialCardInput): Promise<ImageResponse> {
  const fonts = await loadCardFonts();
  const { count, goal, locale, parts } = input;
  const title = printableOnCard(input.title);
  const compact = Boolean(parts?.length);
  const texts = cardTexts(locale, count, goal);
  return new ImageResponse(
    <div
      style={{
        ...SOCIAL_CARD_SIZE,
        display: "flex",
        flexDirection: "column",
        padding: "52px 72px 44px 64px",
        background: colors.paper,
        borderLeft: `20px solid ${colors.accent}`,
        color: colors.ink,
        fontFamily: sans,
      }}
    >
      <div style={{ display: "flex", fontSize: 28, letterSpacing: 3, textTransform: "uppercase", color: colors.muted }}>
        {printableOnCard(input.kindLabel)}
      </div>
      <div
        style={{
          display: "block",
          marginTop: 18,
          fontFamily: serif,
          fontWeight: 700,
          fontSize: titleSize(title, compact),
          lineHeight: 1.12,
          lineClamp: compact ? 2 : 3,
        }}
      >
        {title}
      </div>
      <div style={{ display: "flex", flexGrow: 1 }} />
      {compact ? <Parts parts={parts!} locale={locale} /> : null}
      <div style={{ display: "flex", alignItems: "flex-end" }}>
        <div style={{ display: "flex", alignItems: "baseline" }}>
          {compact ? <div style={{ display: "flex", fontSize: 34, marginRight: 18 }}>{texts.total}</div> : null}
          <div
            style={{
              display: "flex",
              fontFamily: serif,
              fontWeight: 700,
              fontSize: compact ? 72 : 96,
              color: colors.accent,
            }}
          >
            {texts.count}
          </div>
          <div style={{ display: "flex", fontSize: 38, marginLeft: 18 }}>{texts.signatures}</div>
        </div>
        {goal && texts.goal ? <GoalBar count={count} goal={goal} label={texts.goal} /> : null}
      </div>
      <div style={{ display: "flex", justifyContent: "flex-end", fontSize: 24, color: colors.muted, marginTop: 12 }}>
        {printableOnCard(input.siteName)}
      </div>
    </div>,
    { ...SOCIAL_CARD_SIZE, fonts },
  );
}
