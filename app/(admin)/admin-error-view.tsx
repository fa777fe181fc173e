"use client";

import { ErrorView } from "@/app/_components/error-view";
import { enErrorPage } from "@/messages/en";

// The organisers' pages are in English only.
const texts = {
  ...enErrorPage,
  body: "This page failed because of an error on the server; the server's log has it under the reference below. Please try again in a moment.",
  home: "Go to the dashboard",
};

export function AdminErrorView({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView texts={texts} error={error} retry={retry} home="/admin" />;
}
