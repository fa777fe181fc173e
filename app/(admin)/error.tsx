"use client";

import { AdminErrorView } from "@/app/(admin)/admin-error-view";

// The sign-in pages, and the organisers' layout itself if it fails.
export default function OrganisersError(props: { error: unknown; retry: () => void }) {
  return <AdminErrorView {...props} />;
}
