import type { DisplayChoice } from "@/lib/vocabulary";

/** "Вера Иванова" → "В. И."; works for any script, keeps hyphenated parts ("J.-P."). */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split("-")
        .filter(Boolean)
        .map((part) => `${Array.from(part)[0].toLocaleUpperCase()}.`)
        .join("-"),
    )
    .join(" ");
}

/** How a signer appears on public pages, by their own choice; hidden signers never appear. */
export function publicName(name: string, display: DisplayChoice): string | null {
  if (display === "hidden") return null;
  return display === "initials" ? initialsOf(name) : name;
}

type PublicSigner = {
  name: string;
  display: DisplayChoice;
  city: string | null;
  organisation: string | null;
  role: string | null;
};

/**
 * "Name — Role, Organisation, City" as the signer chose to be shown. Initials come without the affiliation,
 * which would make them easy to identify.
 */
export function signerLine(signer: PublicSigner): string {
  const name = publicName(signer.name, signer.display) ?? "";
  const affiliation = signer.display === "full" ? [signer.role, signer.organisation].filter(Boolean).join(", ") : "";
  return [affiliation ? `${name} — ${affiliation}` : name, signer.city].filter(Boolean).join(", ");
}
