// Watch-floor time formatting and the post-sign-in redirect rule.
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/safe-next-path";
import { formatUtc, formatUtcDay } from "@/lib/time";

describe("formatUtc", () => {
  it("shows the instant in UTC with a Z, whatever offset it was written with", () => {
    expect(formatUtc("2022-01-10T09:05:00Z")).toBe("2022-01-10 09:05Z");
    expect(formatUtc("2022-01-10T01:30:00-08:00")).toBe("2022-01-10 09:30Z");
  });

  it("says so when the time is not a time", () => {
    expect(formatUtc("yesterday")).toBe("invalid time");
  });

  it("labels chart days in UTC", () => {
    expect(formatUtcDay(Date.parse("2022-01-13T23:59:00Z"))).toBe("13 Jan");
  });
});

describe("safeNextPath", () => {
  it.each([
    ["/boards/russia-ukraine-2022-01", "/boards/russia-ukraine-2022-01"],
    [null, "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
  ])("turns %s into %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
