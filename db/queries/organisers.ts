import { and, asc, count, eq, inArray, isNotNull, ne } from "drizzle-orm";
import { lockForTransaction } from "@/db/dialect";
import { first, getDb, transaction, type Executor } from "@/db/index";
import { organisers } from "@/db/schema";
import type { OrganiserRole } from "@/lib/vocabulary";

export type Organiser = typeof organisers.$inferSelect;

/** Addresses are compared as ADMIN_EMAILS and Auth.js compare them: trimmed, lower-cased. */
const organiserAddress = (email: string) => email.trim().toLowerCase();

// Every change of who is an owner takes this lock first, so two owners demoting each other at once cannot
// both succeed and leave none (on SQLite a write transaction is already the only one).
const OWNERS_LOCK = "organisers:owners";

export async function findOrganiser(email: string): Promise<Organiser | null> {
  return getDb()
    .select()
    .from(organisers)
    .where(eq(organisers.email, organiserAddress(email)))
    .then((rows) => rows[0] ?? null);
}

/** Everyone invited, owners first, then by address. */
export async function listOrganisers(): Promise<Organiser[]> {
  const rows = await getDb().select().from(organisers).orderBy(asc(organisers.email));
  const rank = (role: OrganiserRole) => ["owner", "organiser", "moderator"].indexOf(role);
  return rows.toSorted((a, b) => rank(a.role) - rank(b.role));
}

export type InviteResult = { invited: true; organiser: Organiser } | { invited: false; existing: Organiser };

/** Adds an invitation; an address already invited keeps its row and role. */
export async function inviteOrganiser(input: {
  email: string;
  role: OrganiserRole;
  invitedBy: string;
}): Promise<InviteResult> {
  const email = organiserAddress(input.email);
  const [organiser] = await getDb()
    .insert(organisers)
    .values({ email, role: input.role, invitedBy: organiserAddress(input.invitedBy) })
    .onConflictDoNothing()
    .returning();
  if (organiser) return { invited: true, organiser };
  return { invited: false, existing: (await findOrganiser(email))! };
}

/** Why a change was refused: no such organiser, or it would leave the campaign without an owner. */
export type OwnerChangeRefusal = "unknown" | "last-owner";
export type OwnerChange<T> = { ok: true; value: T } | { ok: false; reason: OwnerChangeRefusal };

async function ownersBesides(tx: Executor, email: string): Promise<number> {
  const [row] = await tx
    .select({ owners: count() })
    .from(organisers)
    .where(and(eq(organisers.role, "owner"), ne(organisers.email, email)));
  return Number(row?.owners ?? 0);
}

/**
 * Runs `change` on one organiser's row unless it is the only owner left and the change would take that
 * away. `bootstrapOwners` counts the owners by configuration (ADMIN_EMAILS), who have no row here.
 */
async function changeOwnerSafely<T>(
  email: string,
  bootstrapOwners: number,
  keepsOwner: boolean,
  change: (tx: Executor, before: Organiser) => Promise<T>,
): Promise<OwnerChange<T>> {
  const address = organiserAddress(email);
  return transaction(async (tx) => {
    await lockForTransaction(tx, OWNERS_LOCK);
    const before = await tx.select().from(organisers).where(eq(organisers.email, address)).then(first);
    if (!before) return { ok: false, reason: "unknown" };
    if (before.role === "owner" && !keepsOwner && bootstrapOwners + (await ownersBesides(tx, address)) === 0) {
      return { ok: false, reason: "last-owner" };
    }
    return { ok: true, value: await change(tx, before) };
  });
}

/** Gives an organiser another role; returns the role they had. Never leaves the campaign without an owner. */
export async function changeOrganiserRole(
  email: string,
  role: OrganiserRole,
  bootstrapOwners: number,
): Promise<OwnerChange<{ from: OrganiserRole }>> {
  return changeOwnerSafely(email, bootstrapOwners, role === "owner", async (tx, before) => {
    await tx.update(organisers).set({ role }).where(eq(organisers.email, before.email));
    return { from: before.role };
  });
}

/** Removes an organiser (or withdraws an invitation); never the last owner. */
export async function removeOrganiser(
  email: string,
  bootstrapOwners: number,
): Promise<OwnerChange<{ role: OrganiserRole }>> {
  return changeOwnerSafely(email, bootstrapOwners, false, async (tx, before) => {
    await tx.delete(organisers).where(eq(organisers.email, before.email));
    return { role: before.role };
  });
}

/** Marks a sign-in: the first one accepts the invitation. */
export async function recordOrganiserSignIn(email: string, at = new Date()): Promise<void> {
  await getDb()
    .update(organisers)
    .set({ lastSignInAt: at })
    .where(eq(organisers.email, organiserAddress(email)));
}

/** The addresses of the organisers with one of these roles (invitations not yet accepted left out). */
export async function listAcceptedOrganiserAddresses(roles: readonly OrganiserRole[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await getDb()
    .select({ email: organisers.email })
    .from(organisers)
    .where(and(inArray(organisers.role, [...roles]), isNotNull(organisers.lastSignInAt)))
    .orderBy(asc(organisers.email));
  return rows.map((row) => row.email);
}
