import { createRequire } from "node:module";

// The maintained list (disposable-email-domains): exact domains, and domains whose every subdomain is
// disposable too. Loaded on first use: it holds over 100,000 names.
const load = createRequire(import.meta.url);
let lists: { exact: Set<string>; wildcard: Set<string> } | undefined;

function getLists() {
  lists ??= {
    exact: new Set<string>(load("disposable-email-domains/index.json")),
    wildcard: new Set<string>(load("disposable-email-domains/wildcard.json")),
  };
  return lists;
}

export function isDisposableEmail(email: string): boolean {
  const domain = email
    .slice(email.lastIndexOf("@") + 1)
    .toLowerCase()
    .replace(/\.$/, "");
  const { exact, wildcard } = getLists();
  if (exact.has(domain)) return true;
  const labels = domain.split(".");
  for (let i = 1; i < labels.length - 1; i++) {
    if (wildcard.has(labels.slice(i).join("."))) return true;
  }
  return wildcard.has(domain);
}
