import Link from "next/link";

// Within the organisers' layout: an unknown signature, update or document leaves the navigation in place.
export default function AdminNotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>There is nothing at this address: the record may have been deleted, or the link is incomplete.</p>
      <p>
        <Link href="/admin">Go to the dashboard</Link>
      </p>
    </>
  );
}
