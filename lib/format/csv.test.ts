import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csvCell", () => {
  it("writes plain text, Cyrillic and CJK verbatim", () => {
    expect(csvCell("Vera")).toBe("Vera");
    expect(csvCell("Вера Иванова")).toBe("Вера Иванова");
    expect(csvCell("王小明")).toBe("王小明");
    expect(csvCell("vera@example.org")).toBe("vera@example.org");
  });

  it("writes null and undefined as an empty cell", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("writes booleans and non-negative numbers as their text", () => {
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(3.5)).toBe("3.5");
  });

  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\tindented", "'\tindented"],
    ["\r=1", `"'\r=1"`],
  ])("neutralises the formula start in %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("neutralises negative numbers through their text form too", () => {
    expect(csvCell(-5)).toBe("'-5");
    expect(csvCell(-0.5)).toBe("'-0.5");
  });

  it("leaves formula characters alone when they are not the first character", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("Jean-Paul")).toBe("Jean-Paul");
    expect(csvCell("x@y")).toBe("x@y");
    expect(csvCell(" =1")).toBe(" =1");
  });

  it("quotes cells with quotes, commas, CR or LF and doubles the quotes", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("Moscow, Russia")).toBe('"Moscow, Russia"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("line one\r\nline two")).toBe('"line one\r\nline two"');
    expect(csvCell('"')).toBe('""""');
  });

  it("neutralises before quoting, so the apostrophe lands inside the quotes", () => {
    expect(csvCell('=1,"2"')).toBe(`"'=1,""2"""`);
    expect(csvCell("-a\nb")).toBe(`"'-a\nb"`);
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvRow(["a", 1, true, null, undefined, "b"])).toBe("a,1,true,,,b\r\n");
  });

  it("applies the cell rules to every cell", () => {
    expect(csvRow(["=1", "a,b", "Вера"])).toBe(`'=1,"a,b",Вера\r\n`);
  });

  it("writes an empty row as a bare line break", () => {
    expect(csvRow([])).toBe("\r\n");
  });
});
