// The offline gazetteer (issue 16) over the packaged GeoNames and world-countries data: Latin and Cyrillic
// spellings find the place an analyst means first, namesakes show their countries, and nothing touches the
// network. The index is built here in-process (the app builds it in a worker: place-search.test.ts).
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PlaceSuggestion } from "@/lib/schemas/place";
import { buildGazetteerIndex, packagedSource } from "@/server/places/build-gazetteer-index";
import { ENGLISH_NAMES } from "@/server/places/english-names";
import { type GazetteerIndex, openGazetteerIndex, rankPlace } from "@/server/places/gazetteer-index";
import { normalizePlaceName } from "@/server/places/normalize-place-name";
import { searchGazetteer } from "@/server/places/search-gazetteer";

let index: GazetteerIndex;
const networkAttempts: string[] = [];

beforeAll(() => {
  // Offline: any connection or fetch the build or a search tried would be recorded (and fail).
  vi.spyOn(net.Socket.prototype, "connect").mockImplementation(function refuse(this: net.Socket) {
    networkAttempts.push("socket");
    throw new Error("the gazetteer must not use the network");
  });
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    networkAttempts.push(String(input));
    throw new Error("the gazetteer must not use the network");
  });
  index = openGazetteerIndex(buildGazetteerIndex(packagedSource()));
}, 120_000);

afterAll(() => {
  vi.restoreAllMocks();
});

const search = (query: string, limit = 8) => searchGazetteer(index, query, limit);
const first = (query: string) => search(query)[0];
const shown = (suggestions: PlaceSuggestion[]) =>
  suggestions.map((suggestion) => `${suggestion.name}, ${suggestion.countryName}`);

describe("finding Kyiv", () => {
  it.each(["Kyiv", "Kiev", "Київ", "Киев", "kyiv", "КИЕВ", "Kyïv"])("%s finds Kyiv, Ukraine first", (query) => {
    expect(first(query)).toMatchObject({
      kind: "city",
      name: "Kyiv",
      countryCode: "UA",
      countryName: "Ukraine",
      place: { label: "Kyiv", gazetteerId: "geonames:703448", longitude: 30.5238, latitude: 50.45466 },
    });
  });

  it("says which name matched when it is not the label", () => {
    expect(first("Київ")?.matched).toBe("Київ");
    expect(first("Kiev")?.matched).toBe("Kiev");
    expect(first("Kyiv")?.matched).toBeNull();
    expect(first("Ky")?.matched).toBeNull();
  });
});

describe("other places of the watch floor's week", () => {
  it("Almaty and Алматы find Almaty, Kazakhstan", () => {
    for (const query of ["Almaty", "Алматы", "Alma-Ata"]) {
      expect(first(query), query).toMatchObject({ name: "Almaty", countryCode: "KZ", countryName: "Kazakhstan" });
    }
  });

  it("Geneva finds the Swiss city under its English name, and so do Genève and Женева", () => {
    for (const query of ["Geneva", "Genève", "geneve", "Женева"]) {
      expect(first(query), query).toMatchObject({
        name: "Geneva",
        countryCode: "CH",
        place: { label: "Geneva", gazetteerId: "geonames:2660646" },
      });
    }
    expect(first("Genève")?.matched).toBe("Genève");
  });

  it("labels every listed place with its English name, which is one of its own alternates", () => {
    for (const [geonamesId, english] of ENGLISH_NAMES) {
      const found = search(english, 20).find((suggestion) => suggestion.place.gazetteerId === `geonames:${geonamesId}`);
      expect(found?.name, `${english} (geonames:${geonamesId})`).toBe(english);
    }
  });

  it("Brussels, Vienna and Moscow are found as the capitals, in Latin and Cyrillic", () => {
    expect(shown(search("Brussels").slice(0, 1))).toEqual(["Brussels, Belgium"]);
    expect(shown(search("Вена").slice(0, 1))).toEqual(["Vienna, Austria"]);
    expect(shown(search("Москва").slice(0, 1))).toEqual(["Moscow, Russia"]);
  });
});

describe("namesakes", () => {
  it("Odessa lists the Ukrainian city first, then the American towns, each with its country", () => {
    const odessas = search("Odessa");
    expect(shown(odessas.slice(0, 2))).toEqual(["Odessa, Ukraine", "Odessa, United States"]);
    // Texas's Odessa is told from Florida's by its state, as GeoNames codes it.
    expect(odessas.filter((odessa) => odessa.countryCode === "US").map((odessa) => odessa.adminCode)).toContain("TX");
  });

  it("Paris: every place named Paris comes before a place that only has Paris among its other names", () => {
    const exact = search("Paris", 20).filter(
      (suggestion) => normalizePlaceName(suggestion.matched ?? suggestion.name) === "paris",
    );
    expect(shown(exact.slice(0, 1))).toEqual(["Paris, France"]);
    const ownName = exact.map((suggestion) => suggestion.matched === null);
    expect(ownName.slice(0, 10)).toEqual(Array(10).fill(true));
    expect(ownName.indexOf(false)).toBeGreaterThan(ownName.lastIndexOf(true));
    expect(exact.find((suggestion) => suggestion.matched !== null)?.place.label).toBe("Parys");
  });

  it("Washington is the capital first, though its own name is 'Washington, D.C.'", () => {
    expect(first("Washington")).toMatchObject({ name: "Washington, D.C.", countryCode: "US", matched: "Washington" });
  });
});

describe("countries", () => {
  it.each(["Україна", "Украина", "Ukraine", "Ukrayina"])("%s finds the country Ukraine", (query) => {
    expect(first(query)).toMatchObject({
      kind: "country",
      name: "Ukraine",
      countryCode: "UA",
      place: { label: "Ukraine", gazetteerId: "country:UA", longitude: 32, latitude: 49 },
    });
  });

  it("Казахстан and Kazakhstan find the country, and UK the United Kingdom", () => {
    expect(first("Казахстан")).toMatchObject({ kind: "country", countryCode: "KZ" });
    expect(first("Kazakhstan")).toMatchObject({ kind: "country", countryCode: "KZ" });
    expect(first("UK")).toMatchObject({ kind: "country", countryCode: "GB" });
  });
});

describe("ranking and limits", () => {
  it("an exact name beats a longer name it begins, however big", () => {
    // Kiev is only an old name of Kyiv, yet it is exact; Kievskiy begins with it.
    expect(shown(search("Kiev").slice(0, 2))).toEqual(["Kyiv, Ukraine", "Kievskiy, Russia"]);
  });

  it("among names an entry begins with, countries and capitals first, then by population", () => {
    const suggestions = search("Ky", 8);
    // Nay Pyi Taw, Myanmar's capital, is also written Kyetpyay, and Cyprus Kýpros: by any of their names.
    expect(shown(suggestions.slice(0, 5))).toEqual([
      "Kyiv, Ukraine",
      "Kyrgyzstan, Kyrgyzstan",
      "Nay Pyi Taw, Myanmar",
      "Cyprus, Cyprus",
      "Kyoto, Japan",
    ]);
    expect(suggestions.map((suggestion) => suggestion.matched).slice(0, 4)).toEqual([null, null, "Kyetpyay", "Kýpros"]);
    const populations = suggestions.slice(4).map((suggestion) => suggestion.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it("answers at most the limit, each place once, and nothing for punctuation alone", () => {
    for (const query of ["a", "k", "san", "Kiev"]) {
      const suggestions = search(query, 20);
      expect(suggestions.length, query).toBeLessThanOrEqual(20);
      const ids = suggestions.map((suggestion) => suggestion.place.gazetteerId);
      expect(new Set(ids).size, query).toBe(ids.length);
    }
    expect(search("a", 20)).toHaveLength(20);
    expect(search("Kyiv", 1)).toHaveLength(1);
    expect(search("—!?")).toEqual([]);
    expect(search("Qqqxxzz")).toEqual([]);
  });

  it("finds the same places in the same order as a walk over every name would", () => {
    // The reference: every name that begins with the query, each place by its best find (exact before
    // prefix, then rank), against the binary searches and the segment tree's shortcut.
    const { keys } = index;
    const names = Array.from({ length: keys.rank.length }, (_, name) =>
      String.fromCharCode(...keys.text.subarray(keys.start[name], keys.start[name + 1])),
    );
    const walked = (query: string, limit: number) => {
      const folded = normalizePlaceName(query);
      const best = new Map<number, [exact: number, rank: number]>();
      names.forEach((name, at) => {
        if (!name.startsWith(folded)) return;
        const find: [number, number] = [name === folded ? 0 : 1, keys.rank[at] ?? 0];
        const place = rankPlace(index, find[1]);
        const prior = best.get(place);
        if (!prior || find[0] < prior[0] || (find[0] === prior[0] && find[1] < prior[1])) best.set(place, find);
      });
      return [...best]
        .sort(([, a], [, b]) => a[0] - b[0] || a[1] - b[1])
        .slice(0, limit)
        .map(
          ([place]) => index.places.geonamesId[place] || index.meta.countries[index.places.country[place] ?? 0]?.[0],
        );
    };
    const searched = (query: string, limit: number) =>
      search(query, limit).map((suggestion) => suggestion.place.gazetteerId.replace(/^(geonames|country):/, ""));
    for (const query of ["k", "ky", "san", "Kiev", "Paris", "м", "Wash", "Odessa", "z"]) {
      expect(searched(query, 20), query).toEqual(walked(query, 20).map(String));
    }
  });
});

describe("offline", () => {
  // Last in the file: by now the build and every search above have run.
  it("builds the index and answers every search above without opening a connection", () => {
    expect(networkAttempts).toEqual([]);
  });
});
