import { expect, test } from "@playwright/test";
import { baseURL } from "@/playwright.config";
import { logFromHere } from "@/e2e/support/server-process";

// Attack: posting a public server action's id to a page that does not own it answered 200 `{}` and logged
// an uncaught ECONNRESET; an unknown id logged Next's "Failed to find Server Action" error. 200 such
// requests meant 200 errors in the log. Now both are refused before Next sees them.

/** The signing form's action id, as its no-JavaScript form carries it. */
async function signActionId(): Promise<string> {
  const html = await (await fetch(`${baseURL}/petitions/moscow-trials`)).text();
  const descriptor = /name="\$ACTION_1:0" value="([^"]+)"/.exec(html)?.[1];
  if (!descriptor) throw new Error("no action on the petition page");
  return JSON.parse(descriptor.replaceAll("&quot;", '"')).id as string;
}

const post = (path: string, id: string) =>
  fetch(`${baseURL}${path}`, {
    method: "POST",
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", origin: baseURL },
    body: JSON.stringify(["en", "petitions", "moscow-trials", null]),
  });

test("200 posts of another page's action id, or an unknown one, get a 4xx and leave nothing in the log", async () => {
  const id = await signActionId();
  const newLog = logFromHere();
  const strays = ["/privacy", "/ru/privacy", "/delegations/moscow-1989", "/resend-confirmation", "/sign-in", "/"];
  const statuses = new Map<number, number>();
  for (let round = 0; round < 20; round++) {
    const answers = await Promise.all([
      ...strays.map((path) => post(path, id)),
      ...["/privacy", "/petitions/moscow-trials", "/sign-in", "/letters/family-letter"].map((path) =>
        post(path, `7f${round.toString(16).padStart(40, "0")}`),
      ),
    ]);
    for (const answer of answers) {
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      await answer.text();
    }
  }
  expect(Object.fromEntries(statuses)).toEqual({ 404: 120, 409: 80 });

  const stray = await post("/privacy", id);
  expect(await stray.text()).toBe("This page has no such form.");
  const unknown = await post("/privacy", "7f00");
  expect(await unknown.text()).toContain("reload the page");

  // The action still works on its own page (here: its answer to a body it cannot use, in the form).
  const own = await post("/petitions/moscow-trials", id);
  expect(own.status).toBe(200);
  expect(await own.text()).toContain("could not be read");

  await expect.poll(() => newLog()).not.toMatch(/ECONNRESET|uncaught|Failed to find Server Action|⨯/i);
});
