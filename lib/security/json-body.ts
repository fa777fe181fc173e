const MAX_BODY_BYTES = 16 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

/**
 * Reads a JSON request body defensively: JSON content type only, bounded size (counted while reading,
 * whatever Content-Length claims), strict UTF-8, and a parse error reported rather than thrown.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<JsonBody> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    return { ok: false, status: 415, error: "Send the body as JSON with Content-Type: application/json." };
  }
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) return tooLarge(maxBytes);
  if (!request.body) return { ok: false, status: 400, error: "The request body is empty." };

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { ok: false, status: 400, error: "The request body is not valid UTF-8." };
  }
  if (text.trim() === "") return { ok: false, status: 400, error: "The request body is empty." };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, error: "The request body is not valid JSON." };
  }
}

function tooLarge(maxBytes: number): JsonBody {
  return { ok: false, status: 413, error: `The request body is larger than ${maxBytes} bytes.` };
}
