const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * The key that makes one person one signature per document: lower-cased, `+tag` removed,
 * and for Gmail the dots in the local part removed (Gmail ignores them) and the domain unified.
 */
export function emailKey(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at < 1) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll(".", "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}
