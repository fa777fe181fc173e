import type { DocumentKind } from "@/lib/vocabulary";

/** URL collections ("/petitions/…", "/letters/…") and the document kind each holds. */
const kindByCollection = { petitions: "petition", letters: "letter" } as const satisfies Record<string, DocumentKind>;

type Collection = keyof typeof kindByCollection;

/** Every collection's name, as it appears in addresses. */
export const collections = Object.keys(kindByCollection) as Collection[];

export function kindOfCollection(collection: string): DocumentKind | undefined {
  return Object.hasOwn(kindByCollection, collection) ? kindByCollection[collection as Collection] : undefined;
}

function collectionOf(kind: DocumentKind): Collection {
  return kind === "petition" ? "petitions" : "letters";
}

export function documentPath(kind: DocumentKind, slug: string, suffix = ""): string {
  return `/${collectionOf(kind)}/${slug}${suffix}`;
}
