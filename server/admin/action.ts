import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { recordAudit, type AuditRecord } from "@/db/queries/audit";
import { messagesByField } from "@/lib/forms/form-fields";
import type { OrganiserRole } from "@/lib/vocabulary";
import { requireRole, type Admin } from "@/server/auth/auth-guard";
import { refreshPublicDocuments } from "@/server/public/public-pages";

/**
 * An admin form between two submissions: what the organiser sent, exactly as sent, and one message per
 * field ("form" for what belongs to no field). Plain data only: without JavaScript the browser posts it
 * back with the next submission, so it is never trusted either.
 */
export type AdminFormState<Shown extends object = object> =
  ({ values: Record<string, string>; errors: FieldMessages; attempt: number } & Partial<Shown>) | null;
export type FieldMessages = Partial<Record<string, string>>;

/** What a handler decides once the input has parsed. */
type AdminActionResult<Shown extends object = object> =
  /** Done: the audit entry is written (with the organiser as actor), public pages refresh if asked, then on to `redirectTo`. */
  | { redirectTo: string; audit?: Omit<AuditRecord, "actor">; refresh?: boolean }
  /** Refused by what the data says (an unknown record, a dossier not ready): back to the form with these messages. */
  | { errors: FieldMessages }
  /** Nothing saved: back to the form with something to show beside it (a preview). */
  | { show: Shown };

type Handler<Input, Shown extends object> = (
  input: Input,
  context: { admin: Admin },
) => Promise<AdminActionResult<Shown>>;

/** Every field the form sent, as text; React's own fields ("$ACTION_…") and files are left out. */
function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !(key in values)) values[key] = value;
  }
  return values;
}

// The previous state comes back from the browser when JavaScript is off: anything but a number counts as none.
const nextAttempt = (previous: unknown) => {
  const attempt = (previous as { attempt?: unknown } | null)?.attempt;
  return (typeof attempt === "number" && Number.isSafeInteger(attempt) ? attempt : 0) + 1;
};

type Action<Shown extends object> = (previous: AdminFormState<Shown>, form: FormData) => Promise<AdminFormState<Shown>>;

/**
 * The one shape of an organisers' server action, for `useActionState`: checks the person's role (at least
 * `needed`), parses the form's fields with `schema`, and sends invalid input back to the form with every
 * value kept and a message per field, so that nothing an organiser sends ends on an error page. The handler
 * sees only parsed input; the audit entry and the refresh of public pages happen here, after it succeeds.
 */
export function roleAction<Schema extends z.ZodType, Shown extends object = object>(
  needed: OrganiserRole,
  schema: Schema,
  handler: Handler<z.output<Schema>, Shown>,
): Action<Shown> {
  return async (previous, form) => {
    const admin = await requireRole(needed);
    const values = formValues(form);
    const attempt = nextAttempt(previous);
    const parsed = schema.safeParse(values);
    if (!parsed.success) return { values, errors: messagesByField(parsed.error), attempt } as AdminFormState<Shown>;
    const result = await handler(parsed.data, { admin });
    if ("errors" in result) return { values, errors: result.errors, attempt } as AdminFormState<Shown>;
    if ("show" in result) return { values, errors: {}, attempt, ...result.show };
    if (result.refresh) await refreshPublicDocuments();
    if (result.audit) await recordAudit({ actor: admin.email, ...result.audit });
    redirect(result.redirectTo);
  };
}

/** An action an organiser may take (organisers and owners): the default for the organisers' pages. */
export function adminAction<Schema extends z.ZodType, Shown extends object = object>(
  schema: Schema,
  handler: Handler<z.output<Schema>, Shown>,
): Action<Shown> {
  return roleAction("organiser", schema, handler);
}
