/** What a client sees when Next or React could not decode its form post: it answers these with a 500. */
export const UNREADABLE_FORM = "The form could not be read. Please reload the page and send it again.";

export type ActionRequestProblem = { status: 400 | 404 | 409 | 415; message: string };

/** Whether the page posted to owns the action: "owned", "unknown" (no such action), or "elsewhere". */
type OwnershipCheck = (actionId: string) => "owned" | "unknown" | "elsewhere";

const UNKNOWN_ACTION = {
  status: 409,
  message: "This form is from an older version of the page. Please reload the page and send it again.",
} as const;
const OTHER_PAGES_ACTION = { status: 404, message: "This page has no such form." } as const;

function ownershipProblem(ids: string[], check: OwnershipCheck | undefined): ActionRequestProblem | null {
  if (!check) return null;
  for (const id of ids) {
    const ownership = check(id);
    if (ownership === "unknown") return UNKNOWN_ACTION;
    if (ownership === "elsewhere") return OTHER_PAGES_ACTION;
  }
  return null;
}

/** The action ids a no-JavaScript form post names: $ACTION_ID_<id>, or {"id"} in $ACTION_<n>:0. */
function formActionIds(form: FormData): string[] {
  const ids: string[] = [];
  for (const key of form.keys()) {
    const plain = /^\$ACTION_ID_(.+)$/.exec(key)?.[1];
    if (plain) ids.push(plain);
    const ref = /^\$ACTION_REF_(\d+)$/.exec(key)?.[1];
    if (ref === undefined) continue;
    const descriptor = parseJson(form.get(`$ACTION_${ref}:0`)) as { id?: unknown } | undefined;
    if (typeof descriptor?.id === "string") ids.push(descriptor.id);
  }
  return ids;
}

// React's reply encoding marks references with a leading "$" ("$@1" is row 1, "$K2" a FormData, …);
// a string that really starts with "$" is sent as "$$…". These few stand for plain values.
const PLAIN_ESCAPES = new Set(["$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0"]);

function isPlain(value: unknown): boolean {
  if (typeof value === "string") return !value.startsWith("$") || value.startsWith("$$") || PLAIN_ESCAPES.has(value);
  if (Array.isArray(value)) return value.every(isPlain);
  if (value !== null && typeof value === "object") return Object.values(value).every(isPlain);
  return true;
}

function parseJson(value: FormDataEntryValue | null): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * The bound arguments of a no-JavaScript form post ($ACTION_REF_n, $ACTION_n:0 = {"id", "bound": "$@k"},
 * $ACTION_n:k = [ … ]) must be a plain JSON array: our forms bind only strings, nulls and the previous
 * state. React fails on anything else (a missing row, a non-array, a stray reference) before our code runs.
 */
function boundArgumentsAreSound(form: FormData): boolean {
  for (const key of form.keys()) {
    const ref = /^\$ACTION_REF_(\d+)$/.exec(key)?.[1];
    if (ref === undefined) continue;
    const descriptor = parseJson(form.get(`$ACTION_${ref}:0`));
    if (descriptor === null || typeof descriptor !== "object") return false;
    const { bound } = descriptor as { bound?: unknown };
    if (bound === undefined || bound === null) continue;
    const row = typeof bound === "string" ? /^\$@(\d+)$/.exec(bound)?.[1] : undefined;
    const args = row === undefined ? undefined : parseJson(form.get(`$ACTION_${ref}:${row}`));
    if (!Array.isArray(args) || !isPlain(args)) return false;
  }
  return true;
}

/**
 * What is wrong with a POST to a page, if anything. Pages take server actions only: a form post (multipart)
 * that parses, with sound bound arguments, or a fetch action (Next-Action header) whose text body is JSON.
 * Anything else Next would answer with a 500, or by quietly rendering the page. With `owns`, the action
 * must also be one of this page's. Reads a clone of the body.
 */
export async function actionRequestProblem(
  request: Request,
  owns?: OwnershipCheck,
): Promise<ActionRequestProblem | null> {
  const multipart = /^multipart\/form-data\s*(;|$)/i.test(request.headers.get("content-type") ?? "");
  const unreadable = { status: 400, message: UNREADABLE_FORM } as const;
  if (!multipart) {
    if (!request.headers.has("next-action"))
      return { status: 415, message: "Forms on this site are sent as multipart/form-data." };
    const owner = ownershipProblem([request.headers.get("next-action") ?? ""], owns);
    if (owner) return owner;
    return parseJson(await request.clone().text()) === undefined ? unreadable : null;
  }
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return unreadable;
  }
  if (!boundArgumentsAreSound(form)) return unreadable;
  const header = request.headers.get("next-action");
  return ownershipProblem([...(header ? [header] : []), ...formActionIds(form)], owns);
}
