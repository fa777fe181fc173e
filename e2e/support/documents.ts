import { withDatabase } from "./database";

/**
 * A petition of the test's own, open for signatures, written straight into the server's database: its
 * counts and rate limits are its own, so a test can assert exact numbers whatever else has signed.
 */
export function createPetition(label: string): { slug: string; title: string; path: string } {
  const slug = `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const title = `Test petition ${slug}`;
  withDatabase((db) => {
    const { id } = db
      .prepare("insert into documents (slug, kind, goal, status) values (?, 'petition', 100, 'open') returning id")
      .get(slug) as { id: number };
    db.prepare(
      "insert into document_texts (document_id, version, locale, title, summary, body, addressee) values (?, 1, 'en', ?, ?, ?, ?)",
    ).run(id, title, "A petition made by a test.", "We ask for what this test asks.", "The test's addressee");
  });
  return { slug, title, path: `/petitions/${slug}` };
}
