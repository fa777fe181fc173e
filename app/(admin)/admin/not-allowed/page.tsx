import Link from "next/link";
import { requireRole } from "@/server/auth/auth-guard";

export const metadata = { title: "Not for your role" };

export default async function NotAllowedPage() {
  const admin = await requireRole("moderator");
  return (
    <>
      <h1>Not for your role</h1>
      <p>
        You are signed in as {admin.role === "owner" ? "an owner" : `a ${admin.role}`}, and that page or action needs
        another role. Ask an owner if you need it.
      </p>
      <p>
        <Link href="/admin/review">Back to the review queue</Link>
      </p>
    </>
  );
}
