import { describe, expect, it, vi } from "vitest";
import type { ExportRow } from "@/db/queries/export";
import { exportChunks, type ExportFormat } from "./export-format";
import { ROWS_PER_CHUNK, exportBody, exportFileName, parseExportFormat } from "./export-stream";

// The body the route sends, fed here from batches in this thread instead of the export's worker.
const exportStream = (
  batches: AsyncIterator<ExportRow[]>,
  format: ExportFormat,
  onDone: (rowCount: number, completed: boolean) => void,
) => exportBody(exportChunks(batches, format), onDone);

function row(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    document: "moscow-trials",
    name: "Вера Иванова",
    email: "vera@example.org",
    country: "RU",
    city: "Москва",
    comment: "Свободу, сейчас!",
    display: "full",
    updates: true,
    state: "confirmed",
    created: new Date("2026-03-01T10:00:00Z"),
    confirmed: new Date("2026-03-01T11:30:00.250Z"),
    organisation: null,
    role: null,
    textVersion: 1,
    language: "ru",
    source: "embed:https://memorial.example",
    confirmedBy: "email",
    ...overrides,
  };
}

function manyRows(count: number): ExportRow[] {
  return Array.from({ length: count }, (_, i) => row({ email: `signer${i}@example.org` }));
}

/** The rows as the export query gives them: in batches of ROWS_PER_CHUNK, asynchronously. */
async function* rowsOf(rows: ExportRow[]): AsyncGenerator<ExportRow[]> {
  for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) yield rows.slice(i, i + ROWS_PER_CHUNK);
}

/** Batches that record how many were read and whether they were released. */
function tracked(rows: ExportRow[]) {
  const state = { batches: 0, returned: false };
  const iterator: AsyncIterator<ExportRow[]> = {
    next: async () => {
      const batch = rows.slice(state.batches * ROWS_PER_CHUNK, (state.batches + 1) * ROWS_PER_CHUNK);
      if (batch.length === 0) return { done: true, value: undefined };
      state.batches++;
      return { done: false, value: batch };
    },
    return: async () => {
      state.returned = true;
      return { done: true, value: undefined };
    },
  };
  return { iterator, state };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; bytes: Uint8Array }> {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), bytes };
}

const header =
  "document,name,email,country,city,comment,display,updates,state,created,confirmed,organisation,role,textVersion,language,source,confirmedBy\r\n";

describe("exportStream as CSV", () => {
  it("starts with a UTF-8 BOM and the header, then one CRLF row per signature", async () => {
    const onDone = vi.fn();
    const { text, bytes } = await readAll(exportStream(rowsOf(manyRows(1)), "csv", onDone));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toBe(
      `\uFEFF${header}moscow-trials,Вера Иванова,signer0@example.org,RU,Москва,"Свободу, сейчас!",full,yes,confirmed,` +
        "2026-03-01T10:00:00.000Z,2026-03-01T11:30:00.250Z,,,1,ru,embed:https://memorial.example,email\r\n",
    );
    expect(onDone).toHaveBeenCalledExactlyOnceWith(1, true);
  });

  it("writes updates as no, a missing confirmation and city as empty cells", async () => {
    const rows = [
      row({ updates: false, confirmed: null, confirmedBy: null, city: null, comment: null, state: "pending" }),
    ];
    const { text } = await readAll(exportStream(rowsOf(rows), "csv", () => {}));
    expect(text.split("\r\n")[1]).toBe(
      "moscow-trials,Вера Иванова,vera@example.org,RU,,,full,no,pending,2026-03-01T10:00:00.000Z,,,,1,ru,embed:https://memorial.example,",
    );
  });

  it("neutralises cells that a spreadsheet would run as formulas", async () => {
    const rows = [row({ name: '=HYPERLINK("http://evil")', city: "+1", comment: "@cmd" })];
    const { text } = await readAll(exportStream(rowsOf(rows), "csv", () => {}));
    expect(text.split("\r\n")[1]).toContain(`"'=HYPERLINK(""http://evil"")",vera@example.org,RU,'+1,'@cmd,`);
  });

  it("still writes the BOM and header when no signature matches", async () => {
    const onDone = vi.fn();
    const { text } = await readAll(exportStream(rowsOf([]), "csv", onDone));
    expect(text).toBe(`\uFEFF${header}`);
    expect(onDone).toHaveBeenCalledExactlyOnceWith(0, true);
  });

  it("writes every row of a large export, in order, across several chunks", async () => {
    const onDone = vi.fn();
    const { text } = await readAll(exportStream(rowsOf(manyRows(1234)), "csv", onDone));
    const lines = text.split("\r\n").slice(1, -1);
    expect(lines).toHaveLength(1234);
    expect(lines[0]).toContain("signer0@");
    expect(lines[1233]).toContain("signer1233@");
    expect(onDone).toHaveBeenCalledExactlyOnceWith(1234, true);
  });
});

describe("exportStream as NDJSON", () => {
  it("writes one JSON object per line, no BOM, dates as ISO strings and updates as a boolean", async () => {
    const onDone = vi.fn();
    const rows = [
      row({ comment: "line one\nline two" }),
      row({ name: "=1+1", updates: false, confirmed: null, city: null }),
    ];
    const { text, bytes } = await readAll(exportStream(rowsOf(rows), "ndjson", onDone));
    expect(bytes[0]).toBe("{".charCodeAt(0));
    expect(text.endsWith("\n")).toBe(true);
    const lines = text.slice(0, -1).split("\n");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toEqual({
      document: "moscow-trials",
      name: "Вера Иванова",
      email: "vera@example.org",
      country: "RU",
      city: "Москва",
      comment: "line one\nline two",
      display: "full",
      updates: true,
      state: "confirmed",
      created: "2026-03-01T10:00:00.000Z",
      confirmed: "2026-03-01T11:30:00.250Z",
      organisation: null,
      role: null,
      textVersion: 1,
      language: "ru",
      source: "embed:https://memorial.example",
      confirmedBy: "email",
    });
    expect(Object.keys(JSON.parse(lines[0]))).toEqual([
      "document",
      "name",
      "email",
      "country",
      "city",
      "comment",
      "display",
      "updates",
      "state",
      "created",
      "confirmed",
      "organisation",
      "role",
      "textVersion",
      "language",
      "source",
      "confirmedBy",
    ]);
    expect(JSON.parse(lines[1])).toMatchObject({ name: "=1+1", updates: false, confirmed: null, city: null });
    expect(onDone).toHaveBeenCalledExactlyOnceWith(2, true);
  });

  it("writes nothing at all when no signature matches", async () => {
    const { text } = await readAll(exportStream(rowsOf([]), "ndjson", () => {}));
    expect(text).toBe("");
  });
});

describe("exportStream pacing and endings", () => {
  it("reads a batch of rows only when the client pulls, one chunk per batch", async () => {
    const { iterator, state } = tracked(manyRows(5000));
    const reader = exportStream(iterator, "csv", () => {}).getReader();
    await Promise.resolve();
    expect(state.batches).toBe(0);
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).split("\r\n").length - 2).toBe(ROWS_PER_CHUNK); // the header too
    expect(state.batches).toBe(1);
    await reader.read();
    expect(state.batches).toBe(2);
    await reader.cancel();
  });

  it("reports an abandoned download as incomplete, once, with the rows delivered, and releases the rows", async () => {
    const onDone = vi.fn();
    const { iterator, state } = tracked(manyRows(5000));
    const reader = exportStream(iterator, "ndjson", onDone).getReader();
    const first = await reader.read();
    const delivered = new TextDecoder().decode(first.value).split("\n").length - 1;
    expect(delivered).toBe(ROWS_PER_CHUNK);
    await reader.cancel();
    await reader.cancel();
    expect(onDone).toHaveBeenCalledExactlyOnceWith(ROWS_PER_CHUNK, false);
    expect(state.returned).toBe(true);
    expect(state.batches).toBe(1);
  });

  it("does not release the rows again once they ran out", async () => {
    const onDone = vi.fn();
    const { iterator, state } = tracked(manyRows(3));
    await readAll(exportStream(iterator, "csv", onDone));
    expect(state.returned).toBe(false);
    expect(onDone).toHaveBeenCalledExactlyOnceWith(3, true);
  });

  it("fails the download and reports it incomplete when reading the rows fails", async () => {
    const onDone = vi.fn();
    let calls = 0;
    const failing: AsyncIterator<ExportRow[]> = {
      next: async () => {
        if (++calls > 2) throw new Error("disk I/O error");
        return { done: false, value: [row()] };
      },
    };
    await expect(readAll(exportStream(failing, "csv", onDone))).rejects.toThrow("disk I/O error");
    // The two batches read before the failure were handed to the stream; the download still failed.
    expect(onDone).toHaveBeenCalledExactlyOnceWith(2, false);
  });

  it("waits for onDone before ending the file, and fails the download when onDone fails", async () => {
    const onDone = vi.fn().mockRejectedValue(new Error("audit log unavailable"));
    await expect(readAll(exportStream(rowsOf(manyRows(2)), "csv", onDone))).rejects.toThrow("audit log unavailable");
    expect(onDone).toHaveBeenCalledExactlyOnceWith(2, true);
  });
});

describe("parseExportFormat", () => {
  it("defaults to csv and accepts only csv and ndjson", () => {
    expect(parseExportFormat(null)).toBe("csv");
    expect(parseExportFormat("")).toBe("csv");
    expect(parseExportFormat("csv")).toBe("csv");
    expect(parseExportFormat("ndjson")).toBe("ndjson");
    expect(parseExportFormat("xlsx")).toBeNull();
    expect(parseExportFormat("CSV")).toBeNull();
    expect(parseExportFormat("toString")).toBeNull();
  });
});

describe("exportFileName", () => {
  const now = new Date("2026-11-27T23:30:00-05:00");

  it("names the file after the filter and today's UTC date", () => {
    expect(exportFileName({ document: "moscow-trials", state: "confirmed" }, "csv", now)).toBe(
      "moscow-trials-confirmed-2026-11-28.csv",
    );
    expect(exportFileName({}, "ndjson", now)).toBe("all-documents-all-states-2026-11-28.ndjson");
  });
});
