import { describe, expect, it } from "vitest";
import { xmlSafeText } from "@/lib/xml-safe-text";

describe("xmlSafeText", () => {
  it("turns vertical tabs and form feeds into line breaks", () => {
    expect(xmlSafeText("first line\vsecond\fthird")).toBe("first line\nsecond\nthird");
  });

  it("drops the control characters XML 1.0 cannot hold and keeps tab, line feed and carriage return", () => {
    expect(xmlSafeText("a\u0000b\u0002c\bd\u001Fe\u000Ef")).toBe("abcdef");
    expect(xmlSafeText("tab\there\r\nnext")).toBe("tab\there\r\nnext");
  });

  it("drops U+FFFE, U+FFFF and broken surrogate halves but keeps whole pairs", () => {
    expect(xmlSafeText("x\uFFFEy\uFFFFz")).toBe("xyz");
    expect(xmlSafeText("lone \uD83D and \uDE00 end")).toBe("lone  and  end");
    expect(xmlSafeText("flag 🇺🇦 smile 😀")).toBe("flag 🇺🇦 smile 😀");
  });

  it("keeps each BMP character XML 1.0 allows and removes each one it forbids", () => {
    const allowedByXml = (code: number) =>
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd);
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const alone = String.fromCharCode(code);
      const expected = code === 0xb || code === 0xc ? "\n" : allowedByXml(code) ? alone : "";
      if (xmlSafeText(alone) !== expected) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
