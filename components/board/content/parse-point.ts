// A point an analyst types for an event's place when the gazetteer has no name for it: decimal degrees,
// latitude first as analysts and the place field write them ("50.45, 30.52"), or with hemisphere letters
// as the field shows a chosen place ("50.45° N, 30.52° E", in either order). Checked against the ranges
// the wire accepts (lib/schemas/place.ts), with words for what is wrong.

export type ParsedPoint = { ok: true; latitude: number; longitude: number } | { ok: false; problem: string };

const NUMBER = String.raw`([+\-−]?(?:\d+(?:\.\d*)?|\.\d+))`;
const PART = String.raw`${NUMBER}\s*°?\s*([NSEWnsew])?`;
const POINT = new RegExp(String.raw`^\s*${PART}\s*(?:,\s*|\s+)${PART}\s*$`);
const EXAMPLE = "e.g. 50.45, 30.52";

export function parsePoint(text: string): ParsedPoint {
  const match = POINT.exec(text);
  if (!match) return { ok: false, problem: `Type latitude and longitude in decimal degrees, ${EXAMPLE}.` };
  const [, firstNumber = "", firstHemisphere, secondNumber = "", secondHemisphere] = match;
  const first = Number(firstNumber.replace("−", "-"));
  const second = Number(secondNumber.replace("−", "-"));
  const firstLetter = firstHemisphere?.toUpperCase();
  const secondLetter = secondHemisphere?.toUpperCase();
  if (!firstLetter && !secondLetter) return inRanges(first, second, true);
  if (!firstLetter || !secondLetter) {
    return { ok: false, problem: "Give a hemisphere letter to both numbers, or to neither." };
  }
  if (first < 0 || second < 0) return { ok: false, problem: "With a hemisphere letter, leave out the minus sign." };
  const parts = [
    { value: first, letter: firstLetter },
    { value: second, letter: secondLetter },
  ];
  const latitude = parts.find((part) => part.letter === "N" || part.letter === "S");
  const longitude = parts.find((part) => part.letter === "E" || part.letter === "W");
  if (!latitude || !longitude) {
    return { ok: false, problem: "Give one latitude (N or S) and one longitude (E or W)." };
  }
  return inRanges(
    latitude.letter === "S" ? -latitude.value : latitude.value,
    longitude.letter === "W" ? -longitude.value : longitude.value,
    false,
  );
}

function inRanges(latitude: number, longitude: number, swappable: boolean): ParsedPoint {
  const latitudeFits = Math.abs(latitude) <= 90;
  const longitudeFits = Math.abs(longitude) <= 180;
  if (!latitudeFits && swappable && Math.abs(longitude) <= 90 && Math.abs(latitude) <= 180) {
    return { ok: false, problem: `Put the latitude first (−90 to 90), then the longitude, ${EXAMPLE}.` };
  }
  if (!latitudeFits) return { ok: false, problem: "A latitude is between −90 and 90." };
  if (!longitudeFits) return { ok: false, problem: "A longitude is between −180 and 180." };
  // −0 reads as 0: no "south of the equator" for a point on it.
  return { ok: true, latitude: latitude + 0, longitude: longitude + 0 };
}
