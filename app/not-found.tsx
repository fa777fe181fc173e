import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

// Next's built-in 404 page carries an inline <style> without the CSP nonce, which the policy blocks.
export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address. The link may be mistyped, incomplete or out of date.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </>
  );
}
