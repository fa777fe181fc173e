import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getUpdate } from "@/db/queries/updates";
import { requireAdmin } from "@/server/auth/auth-guard";
import { formValuesOf } from "@/server/admin/inputs/update-input";
import { listUpdateTargets, targetOptionOf } from "@/server/updates/update-targets";
import { saveUpdateAction } from "@/app/(admin)/admin/updates/actions";
import { UpdateForm } from "@/app/(admin)/admin/updates/update-form";

export const metadata = { title: "Edit update" };

export default async function EditUpdatePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const update = await getUpdate(id);
  if (!update) notFound();
  if (update.status !== "draft") redirect(`/admin/updates/${id}`); // what was sent is kept as it was
  const targets = await listUpdateTargets();
  const initial = formValuesOf(targetOptionOf(targets, update)?.value ?? "", update.texts);
  return (
    <>
      <p>
        <Link href={`/admin/updates/${id}`}>Back to the draft</Link>
      </p>
      <h1>Edit update</h1>
      <UpdateForm
        initial={initial}
        targets={targets.map(({ value, label }) => ({ value, label }))}
        id={id}
        action={saveUpdateAction}
      />
    </>
  );
}
