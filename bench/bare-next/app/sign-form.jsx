"use client";

import { useState } from "react";

/** One client form, as a petition page has: fields, a pending state, a message after sending. */
export function SignForm() {
  const [state, setState] = useState("idle");

  async function submit(event) {
    event.preventDefault();
    setState("sending");
    const body = Object.fromEntries(new FormData(event.currentTarget));
    const response = await fetch("/api/sign", { method: "POST", body: JSON.stringify(body) }).catch(() => null);
    setState(response?.ok ? "sent" : "failed");
  }

  if (state === "sent") return <p role="status">Check your inbox to confirm.</p>;
  return (
    <form method="post" action="/api/sign" onSubmit={submit}>
      <label>
        Name <input name="name" required />
      </label>
      <label>
        Email <input name="email" type="email" required />
      </label>
      <label>
        Country
        <select name="country" required>
          <option value="GB">United Kingdom</option>
          <option value="FR">France</option>
        </select>
      </label>
      {state === "failed" && <p role="alert">Something went wrong; please try again.</p>}
      <button disabled={state === "sending"}>Sign</button>
    </form>
  );
}
