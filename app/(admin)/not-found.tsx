import Link from "next/link";

// Unknown addresses under the organisers' root layout (its pages call notFound()).
export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </>
  );
}
