// Places whose GeoNames name is the local form where English writes another (issue 16). GeoNames names most
// big places in English already (Kyiv, Vienna, Brussels, Moscow, Warsaw); these few it names as their own
// country does, and a briefing written in English would not. The rule: a place's label is its GeoNames
// name, unless it is listed here AND the English name is one of the place's own alternate names (the build
// checks; tests/unit/gazetteer-search.test.ts proves every entry applies). Names English writes the local
// way (Kraków, Montréal, Bogotá) keep GeoNames' spelling.
export const ENGLISH_NAMES: ReadonlyMap<number, string> = new Map([
  [2660646, "Geneva"], // Genève
  [2657896, "Zurich"], // Zürich
  [2659811, "Lucerne"], // Luzern
  [2886242, "Cologne"], // Köln
  [2861650, "Nuremberg"], // Nürnberg
  [2910831, "Hanover"], // Hannover
  [2711537, "Gothenburg"], // Göteborg
  [2624652, "Aarhus"], // Århus
  [2803138, "Antwerp"], // Antwerpen
  [2797656, "Ghent"], // Gent
  [2800931, "Bruges"], // Brugge
  [2510911, "Seville"], // Sevilla
  [3171728, "Padua"], // Padova
  [3174051, "Mantua"], // Mantova
]);
