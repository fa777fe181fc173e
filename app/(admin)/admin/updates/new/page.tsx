import Link from "next/link";
import { requireAdmin } from "@/server/auth/auth-guard";
import { listUpdateTargets } from "@/server/updates/update-targets";
import { saveUpdateAction } from "@/app/(admin)/admin/updates/actions";
import { UpdateForm } from "@/app/(admin)/admin/updates/update-form";

export const metadata = { title: "New update" };

export default async function NewUpdatePage() {
  await requireAdmin();
  const targets = await listUpdateTargets();
  const initial = { target: targets[0]?.value ?? "", subjectEn: "", bodyEn: "", subjectRu: "", bodyRu: "" };
  return (
    <>
      <p>
        <Link href="/admin/updates">All updates</Link>
      </p>
      <h1>New update</h1>
      <p>
        Saving keeps a draft: nothing is sent until you press “Send” on the draft’s page, which shows the emails and how
        many people will receive them.
      </p>
      <UpdateForm
        initial={initial}
        targets={targets.map(({ value, label }) => ({ value, label }))}
        action={saveUpdateAction}
      />
    </>
  );
}
