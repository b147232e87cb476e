// The offline gazetteer (issue 16) over the packaged GeoNames and world-countries data: Latin and Cyrillic
// spellings find the place an analyst means first, namesakes show their countries, and nothing touches the
// network. The index is built here in-process (the app builds it in a worker: place-search.test.ts).
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PlaceSuggestion } from "@/lib/schemas/place";
import { buildGazetteerIndex, packagedSource } from "@/server/places/build-gazetteer-index";
import { ENGLISH_NAMES } from "@/server/places/english-names";
import {
  EXACT_ONLY_KEY,
  type GazetteerIndex,
  nameRank,
  openGazetteerIndex,
  PLACE_FLAGS,
  placeScore,
  rankKey,
  rankPlace,
} from "@/server/places/gazetteer-index";
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

  it("Paris: the capital first, then the towns named Paris and Parys (Paris among its other names) by people", () => {
    const exact = search("Paris", 20).filter(
      (suggestion) => normalizePlaceName(suggestion.matched ?? suggestion.name) === "paris",
    );
    expect(shown(exact.slice(0, 1))).toEqual(["Paris, France"]);
    // An own name weighs ten times the people: Parys (71,319) follows Paris, TN (10,150) and comes before
    // Paris, ME (5,073).
    const order = exact.map((suggestion) => `${suggestion.place.label} ${suggestion.population}`);
    expect(order.indexOf("Parys 71319")).toBeGreaterThan(order.indexOf("Paris 10150"));
    expect(order.indexOf("Parys 71319")).toBeLessThan(order.indexOf("Paris 5073"));
    expect(exact.find((suggestion) => suggestion.matched !== null)?.place.label).toBe("Parys");
  });

  it("Washington is the capital first, though its own name is 'Washington, D.C.'", () => {
    expect(first("Washington")).toMatchObject({ name: "Washington, D.C.", countryCode: "US", matched: "Washington" });
  });
});

describe("the place an analyst means first, when a much smaller namesake shares the name", () => {
  it("Mykolaiv is the city of 510,840 (GeoNames: Mykolayiv), not the town of 14,251 of that name", () => {
    expect(search("Mykolaiv").slice(0, 2)).toMatchObject([
      { place: { gazetteerId: "geonames:700569" }, name: "Mykolayiv", matched: "Mykolaiv", population: 510_840 },
      { place: { gazetteerId: "geonames:700568" }, name: "Mykolaiv", matched: null, population: 14_251 },
    ]);
  });

  it("Rostov is Rostov-na-Donu (1.07 M), then the town of Rostov (31k)", () => {
    expect(shown(search("Rostov").slice(0, 2))).toEqual(["Rostov-na-Donu, Russia", "Rostov, Russia"]);
  });

  it("Hamilton is the Canadian city of 520k, not Bermuda's capital of 902", () => {
    expect(first("Hamilton")).toMatchObject({ name: "Hamilton", countryCode: "CA", population: 519_949 });
  });

  it.each([
    ["Vie", "Vienna, Austria"],
    ["Bru", "Brussels, Belgium"],
    ["Mos", "Moscow, Russia"],
  ])("%s begins %s, which comes before small places named or nicknamed so", (query, place) => {
    expect(shown(search(query).slice(0, 1))).toEqual([place]);
  });

  it("Ki lists big cities, not countries by official names (Kingdom of Spain)", () => {
    const suggestions = search("Ki");
    expect(shown(suggestions.slice(0, 4))).toEqual([
      "Kinshasa, DR Congo",
      "Kingston, Jamaica",
      "Kigali, Rwanda",
      "Kyiv, Ukraine",
    ]);
    expect(suggestions.filter((suggestion) => suggestion.kind === "country").map((country) => country.matched)).toEqual(
      suggestions.filter((suggestion) => suggestion.kind === "country").map(() => null),
    );
  });

  it("an official name still finds its country when typed whole", () => {
    expect(first("Kingdom of Spain")).toMatchObject({
      kind: "country",
      countryCode: "ES",
      matched: "Kingdom of Spain",
    });
  });

  it("an alternate of three letters or fewer is found only when typed whole", () => {
    // Tokyo (8.3 M) is also "Edo": "Edo" finds it, "Ed" does not through it, big as it is.
    expect(search("Edo").map((suggestion) => suggestion.name)).toContain("Tokyo");
    expect(search("Ed", 20).map((suggestion) => suggestion.name)).not.toContain("Tokyo");
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
  it("a name equal to the query weighs more than a longer name it begins", () => {
    // Kiev is only an old name of Kyiv, yet it is exact; Kievskiy (9,700) begins with it.
    expect(shown(search("Kiev").slice(0, 2))).toEqual(["Kyiv, Ukraine", "Kievskiy, Russia"]);
  });

  it("among names an entry begins with, the bigger place first, countries and capitals by any of their names", () => {
    const suggestions = search("Ky", 8);
    // Nay Pyi Taw, Myanmar's capital (925,000), is also written Kyatpyay: an alternate, but a capital's.
    expect(shown(suggestions.slice(0, 5))).toEqual([
      "Kyiv, Ukraine",
      "Kyrgyzstan, Kyrgyzstan",
      "Kyoto, Japan",
      "Nay Pyi Taw, Myanmar",
      "Kyzylorda, Kazakhstan",
    ]);
    expect(suggestions.map((suggestion) => suggestion.matched).slice(0, 5)).toEqual([
      null,
      null,
      null,
      "Kyatpyay",
      null,
    ]);
  });

  it("shows, of a place's alternates a query begins, the first in order, however the run was split", () => {
    const { keys } = index;
    const kyiv = search("Ki").find((suggestion) => suggestion.name === "Kyiv");
    const kyivPlace = [...index.places.geonamesId].indexOf(703448);
    const begun: string[] = [];
    for (let name = 0; name < keys.rank.length; name++) {
      const form = String.fromCharCode(...keys.text.subarray(keys.start[name], keys.start[name + 1]));
      if (form.startsWith("ki") && rankPlace(keys.rank[name] ?? 0) === kyivPlace) begun.push(form);
    }
    expect(begun.length).toBeGreaterThan(3);
    expect(normalizePlaceName(kyiv?.matched ?? "")).toBe(begun.sort()[0]);
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
    // The reference: every name that begins with the query scored on its own (equal names as exact finds,
    // begun names by their rank unless found only whole), each place by its best find, against the binary
    // searches, the segment tree's shortcut and the merge.
    const { keys, places } = index;
    const names = Array.from({ length: keys.rank.length }, (_, name) =>
      String.fromCharCode(...keys.text.subarray(keys.start[name], keys.start[name + 1])),
    );
    const exactRank = (name: number) => {
      const place = rankPlace(keys.rank[name] ?? 0);
      const score = placeScore(places.population[place] ?? 0, {
        ownName: keys.alternate[name] === 0,
        watched: ((places.flags[place] ?? 0) & (PLACE_FLAGS.country | PLACE_FLAGS.capital)) !== 0,
        exact: true,
      });
      return nameRank(rankKey(score), place);
    };
    const walked = (query: string, limit: number) => {
      const folded = normalizePlaceName(query);
      const best = new Map<number, [rank: number, exact: number]>();
      names.forEach((name, at) => {
        if (!name.startsWith(folded)) return;
        const rank = name === folded ? exactRank(at) : (keys.rank[at] ?? 0);
        if (name !== folded && rank >= nameRank(EXACT_ONLY_KEY, 0)) return;
        const find: [number, number] = [rank, name === folded ? 0 : 1];
        const place = rankPlace(rank);
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
    for (const query of ["k", "ky", "ki", "san", "Kiev", "Paris", "м", "Wash", "Odessa", "z", "Vie", "Mos", "rep"]) {
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
