// What a place suggestion says besides its name, so that an analyst tells Odessa, Ukraine from Odessa,
// Texas at a glance: the first-level division where its code is a readable abbreviation, the country,
// and roughly how many people live there.
import type { PlaceSuggestion } from "@/lib/schemas/place";

/** GeoNames codes some countries' divisions by letters (TX, GE, ENG); numeric ones ("12") say nothing. */
const READABLE_DIVISION = /^[A-Z]{2,3}$/;

export function populationText(population: number): string | null {
  if (population >= 1_000_000) return `${(population / 1_000_000).toFixed(1).replace(/\.0$/, "")} M people`;
  if (population >= 1_000) return `${Math.round(population / 1_000)}k people`;
  return null;
}

/** "TX · United States · 119k people", or "Country" for a country. */
export function suggestionDetails(suggestion: PlaceSuggestion): string {
  if (suggestion.kind === "country") return "Country";
  const division = suggestion.adminCode && READABLE_DIVISION.test(suggestion.adminCode) ? suggestion.adminCode : null;
  return [division, suggestion.countryName, populationText(suggestion.population)].filter(Boolean).join(" · ");
}
