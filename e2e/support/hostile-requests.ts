import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { baseURL } from "@/playwright.config";
import { withDatabase } from "@/e2e/support/database";

// The helpers behind e2e/hostile-input/*.spec.ts, which send every public endpoint malformed and hostile
// input: each case must get a 4xx with a clear message (or, for the no-JavaScript forms, the page again with
// the field's error), never a 5xx, and a refused case must store nothing. What is only unusual text (markup,
// SQL, emoji, right-to-left names) is stored exactly as sent and shown escaped.

export const API = "/api/petitions/moscow-trials/signatures";
export const PAGE = "/petitions/moscow-trials";

export const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
export const valid = () => ({ name: "Hostile Tester", email: unique("hostile"), country: "FR", display: "full" });
const rows = () =>
  withDatabase((db) => ({
    signatures: db.prepare("select count(*) from signatures").pluck().get() as number,
    outbox: db.prepare("select count(*) from outbox").pluck().get() as number,
  }));

export type Expected = { status: number; text: string | RegExp };

/** A spec's cases: `attempt` sends and checks one, `count` tallies one checked by hand, `report` prints the tally. */
export function hostileCases(what: string) {
  let tried = 0;
  let serverErrors = 0;
  const count = (status: number) => {
    tried++;
    if (status >= 500) serverErrors++;
  };

  /** Sends one case, checks its answer, and that it stored nothing (unless `stores` says how much it may). */
  async function attempt(
    label: string,
    send: () => Promise<APIResponse>,
    expected: Expected,
    stores = { signatures: 0, outbox: 0 },
  ) {
    const before = rows();
    const response = await send();
    const body = await response.text();
    count(response.status());
    expect.soft(response.status(), `${label}: status (${body.slice(0, 120)})`).toBe(expected.status);
    const shows = typeof expected.text === "string" ? body.includes(expected.text) : expected.text.test(body);
    expect.soft(shows, `${label}: ${expected.text} in ${body.slice(0, 160)}`).toBe(true);
    const after = rows();
    expect
      .soft(
        { signatures: after.signatures - before.signatures, outbox: after.outbox - before.outbox },
        `${label}: rows added`,
      )
      .toEqual(stores);
    return { response, body };
  }

  const report = () => console.log(`hostile input, ${what}: ${tried} cases tried, ${serverErrors} answered with a 5xx`);
  return { attempt, count, report };
}

export function apiPost(request: APIRequestContext, body: unknown, type = "application/json", path = API) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === "string" ? body : JSON.stringify(body));
  return request.post(path, { data: bytes, headers: { "content-type": type } });
}

// ---------------------------------------------------------------------------------------------------
// The no-JavaScript forms: a server action posted as multipart form data, with the hidden $ACTION_ fields
// the page rendered.

export type Part = [name: string, value: string | Buffer, filename?: string];

export function multipart(parts: Part[]) {
  const boundary = `----hostile${Math.random().toString(16).slice(2)}`;
  const chunks = parts.map(([name, value, filename]) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\nContent-Type: text/plain` : ""}\r\n\r\n`,
      ),
      Buffer.isBuffer(value) ? value : Buffer.from(value),
      Buffer.from("\r\n"),
    ]),
  );
  return {
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

export function formPost(request: APIRequestContext, path: string, body: Buffer, type: string, origin = baseURL) {
  return request.post(path, { data: body, headers: { "content-type": type, origin }, maxRedirects: 0 });
}

/** The hidden fields of the first form on a page, as the server rendered them. */
export async function hiddenFields(request: APIRequestContext, path: string): Promise<Part[]> {
  const html = await (await request.get(path)).text();
  const form = html.match(/<form[\s\S]*?<\/form>/)?.[0] ?? "";
  const unescape = (value: string) =>
    value
      .replaceAll("&quot;", '"')
      .replaceAll("&#x27;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
  return [...form.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?\/>/g)].map(([, name, value]) => [
    name,
    unescape(value ?? ""),
  ]);
}

export const replaceField = (parts: Part[], name: string, value: string): Part[] =>
  parts.map(([key, old]) => [key, key === name ? value : old]);

export const FORM_URLENCODED = "application/x-www-form-urlencoded";
export const pageError = (text: string): Expected => ({ status: 200, text });
export const unreadable: Expected = { status: 400, text: "The form could not be read." };
