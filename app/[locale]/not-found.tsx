import { useLocale } from "next-intl";
import { Link } from "@/i18n/navigation";
import { translator } from "@/lib/i18n/translator";

export default function NotFound() {
  const t = translator(useLocale());
  return (
    <>
      <h1>{t("site.notFoundTitle")}</h1>
      <p>{t("site.notFound")}</p>
      <p>
        <Link href="/">{t("site.home")}</Link>
      </p>
    </>
  );
}
