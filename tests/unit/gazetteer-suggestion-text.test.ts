// What a place suggestion shows beside its name (components/board/content/place-suggestion-text.ts): enough
// to tell namesakes apart — a readable division code, the country, roughly how many people.
import { describe, expect, it } from "vitest";
import { populationText, suggestionDetails } from "@/components/board/content/place-suggestion-text";
import type { PlaceSuggestion } from "@/lib/schemas/place";

const odessa = (overrides: Partial<PlaceSuggestion>): PlaceSuggestion => ({
  place: { label: "Odessa", longitude: -102.36, latitude: 31.85, gazetteerId: "geonames:5527554" },
  kind: "city",
  name: "Odessa",
  matched: null,
  countryCode: "US",
  countryName: "United States",
  adminCode: "TX",
  population: 118_968,
  ...overrides,
});

describe("a suggestion's details", () => {
  it("tell the two Odessas apart by division, country and size", () => {
    expect(suggestionDetails(odessa({}))).toBe("TX · United States · 119k people");
    expect(
      suggestionDetails(odessa({ countryCode: "UA", countryName: "Ukraine", adminCode: "17", population: 1_001_558 })),
    ).toBe("Ukraine · 1 M people");
  });

  it("leave out numeric division codes and tiny populations, and call a country a country", () => {
    expect(suggestionDetails(odessa({ adminCode: "G1", population: 600 }))).toBe("United States");
    expect(suggestionDetails(odessa({ kind: "country", adminCode: null }))).toBe("Country");
  });

  it("round people to thousands or millions", () => {
    expect(populationText(2_797_553)).toBe("2.8 M people");
    expect(populationText(1_500)).toBe("2k people");
    expect(populationText(0)).toBeNull();
  });
});
