import { countryOptions } from "@/lib/i18n/countries";
import { emailKey } from "@/lib/format/email-key";
import { randomBytes } from "node:crypto";
import { deriveToken, hashToken } from "@/lib/security/tokens";
import type Database from "better-sqlite3";
import type { ConfirmEmailPayload } from "@/db/queries/signatures";
import type { Document, Signature } from "./schema";
import { COMMENTS, DOMAINS, namePools } from "./synthetic-people";
import { cumulative, pickIndex } from "./weighted";

type State = Extract<Signature["state"], "confirmed" | "pending" | "rejected" | "withdrawn">;

export type GenerateOptions = {
  count: number;
  /** Slug of the one document to sign; default: every document, ~70% of rows on petitions. */
  document?: string;
  /** Relative weights; states left out get none. */
  states?: Partial<Record<State, number>>;
  /** created_at is spread over this many days up to now. */
  days?: number;
  seed?: number;
  /** One domain for every address; default: a mix of example.* and gmail.com. */
  emailDomain?: string;
  /** Also issue a token and queue a confirm email for every pending row, as recordSignature does. */
  withOutbox?: { secret: string };
  /** Called every 10,000 rows and at each commit. */
  onProgress?: (done: number, total: number) => void;
};

const DAY = 86_400_000;
const TOKEN_TTL = 7 * DAY;
const BATCH = 50_000;
const PROGRESS_EVERY = 10_000;
const DEFAULT_STATES: Record<State, number> = { confirmed: 0.8, pending: 0.15, rejected: 0.04, withdrawn: 0.01 };

/** mulberry32: small, fast, good enough for synthetic data, and reproducible from the seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type DocumentRow = Pick<Document, "id" | "slug" | "kind"> & { title: string };

function targetDocuments(
  client: Database.Database,
  slug: string | undefined,
): { list: DocumentRow[]; table: Float64Array } {
  const all = client
    .prepare(
      `select d.id, d.slug, d.kind, t.title from documents d
       join document_texts t on t.document_id = d.id and t.version = d.current_version and t.locale = 'en'
       order by d.id`,
    )
    .all() as DocumentRow[];
  const list = slug === undefined ? all : all.filter((document) => document.slug === slug);
  if (all.length === 0) throw new Error("The database has no documents");
  if (list.length === 0) throw new RangeError(`No document with the slug "${slug}"`);
  const petitions = list.filter((document) => document.kind === "petition").length;
  const share = (document: DocumentRow) =>
    petitions === 0 || petitions === list.length
      ? 1 / list.length
      : document.kind === "petition"
        ? 0.7 / petitions
        : 0.3 / (list.length - petitions);
  return { list, table: cumulative(list.map(share)) };
}

const SIGNATURE_SQL = `insert into signatures (document_id, name, email, email_key, country, city, comment, display,
  updates, state, emails_sent, created_at, confirmed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`;
const RECOUNT_SQL = `update documents set signature_count =
  (select count(*) from signatures where signatures.document_id = documents.id and signatures.state = 'confirmed')`;

/**
 * Fills the database with `count` synthetic signatures, in big IMMEDIATE transactions through reused
 * prepared statements. Addresses embed the row number on top of the current largest signature id, so
 * running it again never collides; document counters equal a recount afterwards.
 */
export function generateSignatures(client: Database.Database, options: GenerateOptions): { inserted: number } {
  const { count, days = 60, withOutbox, onProgress } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError("count must be a non-negative integer");
  if (!(days > 0)) throw new RangeError("days must be positive");
  const { groups, groupCumulative, cities } = namePools();
  const documents = targetDocuments(client, options.document);
  const stateNames = Object.keys(DEFAULT_STATES) as State[];
  const weights = options.states ?? DEFAULT_STATES;
  const stateTable = cumulative(stateNames.map((state) => weights[state] ?? 0));
  const domains = options.emailDomain ? [options.emailDomain] : DOMAINS.map(([domain]) => domain);
  const domainTable = options.emailDomain ? cumulative([1]) : cumulative(DOMAINS.map(([, weight]) => weight));
  const random = prng(options.seed ?? 1);
  const now = Date.now();
  const end = now - 60_000; // leaves room for a confirmation after the last signature
  const span = days * DAY;
  const base = client.prepare("select coalesce(max(id), 0) from signatures").pluck().get() as number;

  const insertSignature = client.prepare(SIGNATURE_SQL);
  const insertToken = client.prepare(
    "insert into confirmation_tokens (token_hash, signature_id, expires_at) values (?, ?, ?)",
  );
  const insertMessage = client.prepare(`insert into outbox (template, recipient, payload, next_attempt_at, created_at)
    values ('confirm-signature', ?, ?, ?, ?)`);
  const nonces = noncePool();
  const addToCount = client.prepare("update documents set signature_count = signature_count + ? where id = ?");
  const confirmedPerDocument = new Array<number>(documents.list.length);

  const writeBatch = client.transaction((from: number, to: number) => {
    confirmedPerDocument.fill(0);
    for (let i = from; i < to; i++) {
      if (i > from && i % PROGRESS_EVERY === 0) onProgress?.(i, count);
      const n = base + i + 1;
      let group = groups[pickIndex(groupCumulative, random())];
      let country = group.countries[(random() * group.countries.length) | 0];
      if (random() < 0.03) {
        // someone from anywhere, writing in English
        group = groups[0];
        country = countryOptions()[(random() * countryOptions().length) | 0].code;
      }
      const person = group.people[(random() * group.people.length) | 0];
      const cityList = cities[country];
      const city = cityList && random() < 0.8 ? cityList[(random() * cityList.length) | 0] : null;
      const local = person.locals[(random() * person.locals.length) | 0];
      const domain = domains[pickIndex(domainTable, random())];
      const email = random() < 0.03 ? `${local}${n}+petition@${domain}` : `${local}${n}@${domain}`;
      const documentIndex = pickIndex(documents.table, random());
      const document = documents.list[documentIndex];
      const state = stateNames[pickIndex(stateTable, random())];
      const createdAt = Math.floor(end - span + ((i + random()) / count) * span);
      const r = random();
      const display = r < 0.6 ? "full" : r < 0.85 ? "initials" : "hidden";
      const comment = random() < 0.1 ? COMMENTS[(random() * COMMENTS.length) | 0] : null;
      const updates = random() < 0.4 ? 1 : 0;
      const wasConfirmed = state === "confirmed" || (state !== "pending" && random() < 0.7);
      const confirmedAt = wasConfirmed ? Math.min(now, createdAt + confirmationDelay(random(), random())) : null;
      const { lastInsertRowid } = insertSignature.run(
        document.id,
        person.name,
        email,
        emailKey(email),
        country,
        city,
        comment,
        display,
        updates,
        state,
        createdAt,
        confirmedAt,
      );
      if (state === "confirmed") confirmedPerDocument[documentIndex]++;
      if (state === "pending" && withOutbox) {
        const tokenNonce = nonces();
        insertToken.run(hashToken(deriveToken(withOutbox.secret, tokenNonce)), lastInsertRowid, now + TOKEN_TTL);
        const payload: ConfirmEmailPayload = {
          name: person.name,
          documentTitle: document.title,
          documentKind: document.kind,
          documentSlug: document.slug,
          tokenNonce,
          locale: "en",
          signatureId: Number(lastInsertRowid),
        };
        insertMessage.run(email, JSON.stringify(payload), now, now);
      }
    }
    // Counters stay exact at every commit, not only at the end.
    for (const [index, added] of confirmedPerDocument.entries()) {
      if (added > 0) addToCount.run(added, documents.list[index].id);
    }
  });

  // The bulk load needs no fsync per commit and a cache large enough for the index pages; both are restored.
  const synchronous = client.pragma("synchronous", { simple: true });
  const cacheSize = client.pragma("cache_size", { simple: true });
  client.pragma("synchronous = OFF");
  client.pragma("cache_size = -131072"); // 128 MiB: 2 MiB makes 1M rows ~35% slower
  try {
    for (let from = 0; from < count; from += BATCH) {
      const to = Math.min(count, from + BATCH);
      writeBatch.immediate(from, to);
      onProgress?.(to, count);
    }
    client.transaction(() => client.prepare(RECOUNT_SQL).run()).immediate();
  } finally {
    client.pragma(`synchronous = ${Number(synchronous)}`);
    client.pragma(`cache_size = ${Number(cacheSize)}`);
  }
  return { inserted: count };
}

/** Nonces as newTokenNonce() makes them (32 random bytes, base64url), drawn in bulk: one call each is slow. */
function noncePool(): () => string {
  const size = 32;
  let bytes = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset === bytes.length) [bytes, offset] = [randomBytes(size * 4096), 0];
    offset += size;
    return bytes.toString("base64url", offset - size, offset);
  };
}

/** Most people confirm within the hour, some the next day, a few days later. */
function confirmationDelay(r: number, s: number): number {
  if (r < 0.7) return 30_000 + Math.floor(s * 3_600_000);
  if (r < 0.95) return 3_600_000 + Math.floor(s * DAY);
  return DAY + Math.floor(s * 3 * DAY);
}
