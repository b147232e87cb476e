// How the gazetteer folds names (server/places/normalize-place-name.ts): what an analyst types and what
// GeoNames holds must meet whatever the case, diacritics or punctuation, in Latin and in Cyrillic.
import { describe, expect, it } from "vitest";
import { isLatinOrCyrillic, isSearchableAlternate, normalizePlaceName } from "@/server/places/normalize-place-name";

describe("folding a place name", () => {
  it("drops case and diacritics, in Latin and Cyrillic", () => {
    expect(normalizePlaceName("Genève")).toBe("geneve");
    expect(normalizePlaceName("GENEVE")).toBe("geneve");
    expect(normalizePlaceName("Łódź")).toBe("lodz");
    expect(normalizePlaceName("Straße")).toBe("strasse");
    expect(normalizePlaceName("Алматы")).toBe("алматы");
  });

  it("reads ё as е and й as и, as Russian readers type them, and keeps Ukrainian і apart from и", () => {
    expect(normalizePlaceName("Ёлкино")).toBe(normalizePlaceName("Елкино"));
    expect(normalizePlaceName("Йошкар-Ола")).toBe("иошкар ола");
    expect(normalizePlaceName("Київ")).toBe("киів");
    expect(normalizePlaceName("Ґалаґан")).toBe("галаган");
  });

  it("removes apostrophes inside a word and makes every other punctuation one space", () => {
    expect(normalizePlaceName("Xi’an")).toBe("xian");
    expect(normalizePlaceName("Xi'an")).toBe("xian");
    expect(normalizePlaceName("Washington, D.C.")).toBe("washington d c");
    expect(normalizePlaceName("  Alma-Ata ")).toBe("alma ata");
    expect(normalizePlaceName("!!!")).toBe("");
  });

  it("folds plain ASCII exactly as the general path does", () => {
    for (const name of ["Kyiv", "Washington, D.C.", "Xi'an", "Rostov-na-Donu", "St. John's"]) {
      const general = name
        .normalize("NFKD")
        .toLowerCase()
        .replace(/['`]/g, "")
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
      expect(normalizePlaceName(name)).toBe(general);
    }
  });
});

describe("which alternate names are searchable", () => {
  it("keeps Latin and Cyrillic names, not other scripts", () => {
    expect(isSearchableAlternate("Kiew")).toBe(true);
    expect(isSearchableAlternate("Київ")).toBe(true);
    expect(isSearchableAlternate("Kænugarður")).toBe(true);
    expect(isSearchableAlternate("Κίεβο")).toBe(false);
    expect(isSearchableAlternate("キエフ")).toBe(false);
    expect(isSearchableAlternate("كييف")).toBe(false);
  });

  it("leaves out all-lower-case romanizations and airport codes", () => {
    expect(isSearchableAlternate("ji fu")).toBe(false);
    expect(isSearchableAlternate("IEV")).toBe(false);
    expect(isSearchableAlternate("SAN")).toBe(false);
    // A country's other spellings go through the script test only: "UK" and "USA" are how people write them.
    expect(isLatinOrCyrillic("UK")).toBe(true);
    expect(isLatinOrCyrillic("123")).toBe(false);
  });
});
