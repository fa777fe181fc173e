import { SignForm } from "./sign-form";

export default function Page() {
  return (
    <main>
      <h1>A petition</h1>
      <p>The text of a petition, prerendered at build time, and a form to sign it.</p>
      <p>
        <strong>1,234</strong> signed
      </p>
      <SignForm />
    </main>
  );
}
