// The storage shape two ways — what prisma/schema.prisma declares (via Prisma's own schema parser) and
// what the migrated database has — in one comparable form, and the differences between them.
// Prisma's `migrate diff` would do this but needs the schema engine binary, which this machine lacks.
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type pg from "pg";

export type SchemaShape = {
  /** "Table.column" → "type NULL|NOT NULL" */
  columns: Map<string, string>;
  /** enum name → its values in order */
  enums: Map<string, string>;
  /** "pkey|unique|index name (columns)" */
  indexes: Set<string>;
  /** "name: Table(columns) → Table(columns) on delete ACTION" */
  foreignKeys: Set<string>;
};

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string | null;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
};
type Dmmf = {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
};

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  Bytes: "bytea",
  Decimal: "numeric(65,30)",
};

const NATIVE_TYPES: Record<string, string> = {
  Uuid: "uuid",
  Text: "text",
  Timestamptz: "timestamptz(3)",
  Integer: "integer",
};

const ON_DELETE: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  SetNull: "SET NULL",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

export function shapeFromPrismaSchema(schemaText: string): SchemaShape {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as Dmmf;
  const shape: SchemaShape = { columns: new Map(), enums: new Map(), indexes: new Set(), foreignKeys: new Set() };
  const models = new Map(dmmf.datamodel.models.map((model) => [model.name, model]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  for (const enumType of dmmf.datamodel.enums) {
    shape.enums.set(
      enumType.dbName ?? enumType.name,
      enumType.values.map((value) => value.dbName ?? value.name).join(","),
    );
  }
  for (const model of dmmf.datamodel.models) {
    const table = tableOf(model);
    for (const field of model.fields) {
      if (field.kind === "scalar" || field.kind === "enum") {
        const base =
          field.kind === "enum"
            ? field.type
            : field.nativeType
              ? (NATIVE_TYPES[field.nativeType[0]] ?? field.nativeType[0].toLowerCase())
              : (SCALAR_TYPES[field.type] ?? field.type);
        // Prisma creates list columns without NOT NULL.
        const nullable = !field.isRequired || field.isList;
        shape.columns.set(
          `${table}.${field.dbName ?? field.name}`,
          `${base}${field.isList ? "[]" : ""} ${nullable ? "NULL" : "NOT NULL"}`,
        );
      }
      if (field.kind === "object" && field.relationFromFields?.length) {
        const target = models.get(field.type);
        if (!target) continue;
        const from = field.relationFromFields.map((name) => columnOf(model, name));
        const to = (field.relationToFields ?? []).map((name) => columnOf(target, name));
        const optional = field.relationFromFields.some(
          (name) => !model.fields.find((f) => f.name === name)?.isRequired,
        );
        const onDelete = field.relationOnDelete
          ? ON_DELETE[field.relationOnDelete]
          : optional
            ? "SET NULL"
            : "RESTRICT";
        shape.foreignKeys.add(
          `${table}_${from.join("_")}_fkey: ${table}(${from.join(",")}) → ${tableOf(target)}(${to.join(",")}) on delete ${onDelete}`,
        );
      }
    }
  }
  for (const field of unsupportedFields(schemaText)) {
    const model = models.get(field.model);
    if (model)
      shape.columns.set(`${tableOf(model)}.${field.name}`, `${field.type} ${field.optional ? "NULL" : "NOT NULL"}`);
  }
  for (const index of dmmf.datamodel.indexes) {
    const model = models.get(index.model);
    if (!model || index.type === "fulltext") continue;
    const table = tableOf(model);
    const columns = index.fields.map((field) => columnOf(model, field.name));
    const suffix = { id: "pkey", unique: "key", normal: "idx" }[index.type];
    const name = index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`);
    const kind = { id: "pkey", unique: "unique", normal: "index" }[index.type];
    shape.indexes.add(`${kind} ${name} (${columns.join(",")})`);
  }
  return shape;
}

/**
 * Prisma's DMMF leaves out `Unsupported("…")` fields (the search vectors are tsvector columns), so they are
 * read from the schema text: `name Unsupported("type")` with an optional `?`, inside a model.
 */
function unsupportedFields(schemaText: string): { model: string; name: string; type: string; optional: boolean }[] {
  const fields = [];
  for (const [, model, body] of schemaText.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const [, name, type, optional] of (body ?? "").matchAll(/^\s+(\w+)\s+Unsupported\("([^"]+)"\)(\?)?/gm)) {
      if (model && name && type) fields.push({ model, name, type, optional: optional === "?" });
    }
  }
  return fields;
}

export async function shapeFromDatabase(client: pg.Client): Promise<SchemaShape> {
  const shape: SchemaShape = { columns: new Map(), enums: new Map(), indexes: new Set(), foreignKeys: new Set() };
  const columns = await client.query<{ table_name: string; column_name: string; is_nullable: string; type: string }>(`
    SELECT c.table_name, c.column_name, c.is_nullable, format_type(a.atttypid, a.atttypmod) AS type
    FROM information_schema.columns c
    JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
    WHERE c.table_schema = current_schema() AND c.table_name <> '_prisma_migrations'`);
  for (const row of columns.rows) {
    const type = row.type
      .replace(/^timestamp\((\d)\) without time zone/, "timestamp($1)")
      .replace(/^timestamp\((\d)\) with time zone/, "timestamptz($1)")
      .replaceAll('"', "");
    shape.columns.set(
      `${row.table_name}.${row.column_name}`,
      `${type} ${row.is_nullable === "YES" ? "NULL" : "NOT NULL"}`,
    );
  }
  const enums = await client.query<{ name: string; values: string }>(`
    SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS values
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = current_schema() GROUP BY t.typname`);
  for (const row of enums.rows) shape.enums.set(row.name, row.values);
  const indexes = await client.query<{ name: string; kind: string; columns: string }>(`
    SELECT ic.relname AS name,
           CASE WHEN i.indisprimary THEN 'pkey' WHEN i.indisunique THEN 'unique' ELSE 'index' END AS kind,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) AS columns
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = tc.relnamespace
    WHERE n.nspname = current_schema() AND tc.relname <> '_prisma_migrations'`);
  for (const row of indexes.rows) shape.indexes.add(`${row.kind} ${row.name} (${row.columns})`);
  const foreignKeys = await client.query<{
    name: string;
    source: string;
    target: string;
    from_columns: string;
    to_columns: string;
    on_delete: string;
  }>(`
    SELECT c.conname AS name, src.relname AS source, dst.relname AS target,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS from_columns,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS to_columns,
           CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'n' THEN 'SET NULL'
                              WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END AS on_delete
    FROM pg_constraint c JOIN pg_class src ON src.oid = c.conrelid JOIN pg_class dst ON dst.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = src.relnamespace
    WHERE c.contype = 'f' AND n.nspname = current_schema()`);
  for (const row of foreignKeys.rows) {
    shape.foreignKeys.add(
      `${row.name}: ${row.source}(${row.from_columns}) → ${row.target}(${row.to_columns}) on delete ${row.on_delete}`,
    );
  }
  return shape;
}

/** Human-readable differences; empty when the schema and the database agree. */
export function diffShapes(schema: SchemaShape, database: SchemaShape): string[] {
  const problems: string[] = [];
  const compareMaps = (what: string, expected: Map<string, string>, actual: Map<string, string>) => {
    for (const [key, value] of expected) {
      const found = actual.get(key);
      if (found === undefined) problems.push(`${what} ${key} is in schema.prisma but not in the migrations`);
      else if (found !== value)
        problems.push(`${what} ${key}: schema.prisma says "${value}", the migrations make "${found}"`);
    }
    for (const key of actual.keys()) {
      if (!expected.has(key)) problems.push(`${what} ${key} is in the migrations but not in schema.prisma`);
    }
  };
  const compareSets = (what: string, expected: Set<string>, actual: Set<string>) => {
    for (const item of expected) if (!actual.has(item)) problems.push(`${what} missing from the migrations: ${item}`);
    for (const item of actual) if (!expected.has(item)) problems.push(`${what} not in schema.prisma: ${item}`);
  };
  compareMaps("column", schema.columns, database.columns);
  compareMaps("enum", schema.enums, database.enums);
  compareSets("index", schema.indexes, database.indexes);
  compareSets("foreign key", schema.foreignKeys, database.foreignKeys);
  return problems;
}
