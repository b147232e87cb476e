// A point's coordinates as an analyst reads them: latitude first, hemispheres as letters, two decimals
// (about a kilometre, which is as exactly as a place on a watch floor's map is meant).
function degrees(value: number, positive: string, negative: string): string {
  const shown = Math.abs(value).toFixed(2);
  // A point that rounds onto the equator or the prime meridian is not said to be south or west of it.
  return `${shown}° ${value < 0 && shown !== "0.00" ? negative : positive}`;
}

/** "54.57° N, 33.18° E". */
export function coordinatesText(longitude: number, latitude: number): string {
  return `${degrees(latitude, "N", "S")}, ${degrees(longitude, "E", "W")}`;
}
