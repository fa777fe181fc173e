/** Marks a field invalid and points it at its message, when it has one. */
export function invalidProps(message: string | undefined, name: string) {
  return message ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};
}

/** A field's error message, with an id the field's aria-describedby names; a prefix reads only to screen readers. */
export function FieldError({ message, name, prefix }: { message: string | undefined; name: string; prefix?: string }) {
  return message ? (
    <p className="error" id={`${name}-error`}>
      {prefix ? <span className="visually-hidden">{prefix}</span> : null}
      {message}
    </p>
  ) : null;
}
