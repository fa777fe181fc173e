import type { Metadata } from "next";

export const metadata: Metadata = { title: "Check your inbox" };

// The same page for every address: it does not say whether the address may sign in.
export default function SignInCheckEmailPage() {
  return (
    <div className="notice success">
      <h1>Check your inbox</h1>
      <p>If this address belongs to an organiser, a sign-in link is on its way. It works once, for 15 minutes.</p>
    </div>
  );
}
