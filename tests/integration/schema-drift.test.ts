// A forgotten or wrong migration cannot land: the migrated database must match schema.prisma.
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { diffShapes, type SchemaShape, shapeFromDatabase, shapeFromPrismaSchema } from "../support/schema-shape";

let database: TestDatabase;
let migrated: SchemaShape;
let schemaText: string;

beforeAll(async () => {
  database = await createTestDatabase(); // a clone of the template, built by applying every migration
  schemaText = await readFile(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    migrated = await shapeFromDatabase(client);
  } finally {
    await client.end();
  }
});

afterAll(() => database?.drop());

describe("schema.prisma and prisma/migrations", () => {
  it("describe the same tables, columns, types, nullability, enums, indexes and foreign keys", () => {
    expect(diffShapes(shapeFromPrismaSchema(schemaText), migrated)).toEqual([]);
  });

  // The comparison itself must see each kind of drift, or the test above proves nothing.
  const drifts: [string, (schema: string) => string, RegExp][] = [
    [
      "a model without a migration",
      (s) => `${s}\nmodel Forgotten {\n  id String @id\n}\n`,
      /Forgotten\.id is in schema\.prisma but not/,
    ],
    [
      "a column without a migration",
      (s) => s.replace("  title       String\n  occurredAt", "  title       String\n  severity    Int\n  occurredAt"),
      /Event\.severity is in schema\.prisma/,
    ],
    [
      "a column the schema lost",
      (s) => s.replace(/\n\s+placeGazetteerId\s+String\?\n/, "\n"),
      /Event\.placeGazetteerId is in the migrations but not/,
    ],
    [
      "a nullability change",
      (s) => s.replace(/placeGazetteerId\s+String\?/, "placeGazetteerId String"),
      /Event\.placeGazetteerId: schema\.prisma says "text NOT NULL"/,
    ],
    [
      "a type change",
      (s) => s.replace(/value\s+Float\n/, "value Int\n"),
      /Observation\.value: schema\.prisma says "integer NOT NULL"/,
    ],
    [
      "a search vector the schema lost",
      (s) =>
        s
          .replace(/\n\s+bodySearch\s+Unsupported\("tsvector"\)\?/, "")
          .replace("\n  @@index([bodySearch], type: Gin)", ""),
      /Annotation\.bodySearch is in the migrations but not/,
    ],
    [
      "a search vector without a migration",
      (s) =>
        s.replace(
          'textSearch Unsupported("tsvector")?',
          'textSearch Unsupported("tsvector")?\n  extraSearch Unsupported("tsvector")?',
        ),
      /SourceVersion\.extraSearch is in schema\.prisma but not/,
    ],
    ["an enum value", (s) => s.replace("  viewer\n}", "  viewer\n  auditor\n}"), /enum BoardRole/],
    ["an index", (s) => s.replace("@@index([entityId])", "@@index([entityId])\n  @@index([type])"), /Op_type_idx/],
    [
      "a foreign key rule",
      (s) =>
        s.replace(
          /onDelete: SetNull\)\n {2}annotations {8}Annotation\[\]/,
          "onDelete: Cascade)\n  annotations        Annotation[]",
        ),
      /Observation_sourceId_fkey/,
    ],
  ];
  for (const [name, mutate, expected] of drifts) {
    it(`notices ${name}`, () => {
      const mutated = mutate(schemaText);
      expect(mutated, "the mutation must change the schema text").not.toBe(schemaText);
      expect(diffShapes(shapeFromPrismaSchema(mutated), migrated).join("\n")).toMatch(expected);
    });
  }
});
