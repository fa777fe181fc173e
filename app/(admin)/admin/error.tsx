"use client";

import { AdminErrorView } from "@/app/(admin)/admin-error-view";

// Inside the organisers' layout: the navigation stays, only the failed page is replaced.
export default function AdminError(props: { error: unknown; retry: () => void }) {
  return <AdminErrorView {...props} />;
}
