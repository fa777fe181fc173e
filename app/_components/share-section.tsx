import { CopyLink } from "@/app/_components/copy-link";
import { shareLinks } from "@/lib/format/share-links";
import type { Translator } from "@/lib/i18n/translator";

type Props = { url: string; title: string; kind: string; t: Translator };

/** The document's address to copy, and plain share links: no third-party script loads until one is followed. */
export function ShareSection({ url, title, kind, t }: Props) {
  return (
    <section aria-labelledby="share-heading" className="share-section">
      <h2 id="share-heading">{t("thanks.shareHeading")}</h2>
      <p>{t("thanks.share", { kind })}</p>
      <CopyLink
        url={url}
        labels={{ field: t("thanks.linkLabel"), copy: t("thanks.copy"), copied: t("thanks.copied") }}
      />
      <ul className="share">
        {shareLinks(url, title).map((link) => (
          <li key={link.name}>
            {link.href.startsWith("mailto:") ? (
              <a href={link.href}>{t("thanks.email")}</a>
            ) : (
              <a href={link.href} rel="noopener noreferrer" target="_blank">
                {link.name}
                <span className="visually-hidden">{t("thanks.newTab")}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
