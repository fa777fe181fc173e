// The comparison for `npm run bench:js`: a bare Next page with one client form, no proxy, no i18n.
export const metadata = { title: "A petition" };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
