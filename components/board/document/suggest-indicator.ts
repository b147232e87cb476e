// The indicator a figure's unit suggests: "troops", "personnel", "soldiers", "servicemen" all count troops,
// so they point at an indicator whose unit or name speaks of troops; any other unit at an indicator whose
// unit or name holds the unit's head noun ("government websites" → website). None when nothing fits: the
// analyst picks one or makes a new one.
import type { WireIndicator } from "@/lib/schemas/board";

const TROOP_WORDS = new Set(["troop", "personnel", "soldier", "serviceman", "servicemen"]);

const wordsOf = (phrase: string) => (phrase.toLowerCase().match(/\p{L}+/gu) ?? []).map(singular);

function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

export function suggestIndicator(
  unit: string,
  indicators: readonly Pick<WireIndicator, "id" | "name" | "unit">[],
): string | null {
  const unitWords = wordsOf(unit);
  const head = unitWords.at(-1);
  if (!head) return null;
  const wanted = unitWords.some((word) => TROOP_WORDS.has(word)) ? "troop" : head;
  const mentions = (phrase: string) => wordsOf(phrase).includes(wanted);
  // An indicator's own unit is the stronger sign; its name the weaker.
  const chosen =
    indicators.find((indicator) => mentions(indicator.unit)) ??
    indicators.find((indicator) => mentions(indicator.name));
  return chosen?.id ?? null;
}
