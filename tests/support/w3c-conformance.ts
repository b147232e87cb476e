// Runs the W3C Web Annotation Data Model's MUST assertions (the wpt `annotation-model` suite, offline
// copy in tests/fixtures/w3c-annotation-model, vendored from the shared conformance folder with its licence; its SOURCE.md explains the files) against JSON-LD.
//
// - Which: the MUST tests of the suite's final layout — annotationMusts, bodyMusts, targetMusts and
//   specificResourceMusts for an annotation; collectionMusts and pageMusts for a collection, whose
//   embedded annotations are each checked as annotations too (with the collection's @context, which
//   JSON-LD gives them).
// - How: the files are JSON Schema draft-04; Ajv 8 speaks draft-06+, so each schema is translated
//   (`id` → `$id`, boolean exclusiveMinimum/Maximum → numbers, `$schema` dropped) and the runner-only
//   keywords (expectedResult, …) are declared. An assertion passes when the result is its
//   expectedResult (default "valid"), as the suite's runner (JSONtest.js) decides.
// - Missing files: the archive lacks most assertion files of the body, target, specific-resource and
//   collection MUST tests. Each missing one is rebuilt from the suite's own `definitions/` (the
//   definition its name points at, applied to the annotation, to every body/target, or to every
//   selector/state) and reported with origin "rebuilt"; an assertion neither present nor rebuilt would be
//   reported in `notRun`, never as passed.
import fs from "node:fs";
import path from "node:path";
import Ajv, { type AnySchema, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

export const SUITE_DIR = path.resolve(import.meta.dirname, "../fixtures/w3c-annotation-model");

const ANNOTATION_MUST_TESTS = [
  "annotations/annotationMusts.test",
  "bodiesTargets/bodyMusts.test",
  "bodiesTargets/targetMusts.test",
  "specificResource/specificResourceMusts.test",
];
const COLLECTION_MUST_TESTS = ["collections/collectionMusts.test", "collections/pages/pageMusts.test"];

export type AssertionResult = {
  test: string;
  /** The assertion file the test lists, relative to the suite. */
  assertion: string;
  /** What was checked: "annotation", "collection", or "first.items[2]". */
  subject: string;
  origin: "suite" | "rebuilt";
  passed: boolean;
  /** Why it failed: the assertion's errorMessage and Ajv's account. */
  message: string;
};
export type ConformanceReport = {
  results: AssertionResult[];
  failures: AssertionResult[];
  notRun: { test: string; assertion: string }[];
};

export function checkWebAnnotation(annotation: unknown): ConformanceReport {
  return toReport(runTests(ANNOTATION_MUST_TESTS, "annotation", annotation));
}

export function checkAnnotationCollection(collection: unknown): ConformanceReport {
  const runs = [runTests(COLLECTION_MUST_TESTS, "collection", collection)];
  const record = isRecord(collection) ? collection : {};
  const items = isRecord(record.first) && Array.isArray(record.first.items) ? record.first.items : [];
  items.forEach((item, index) => {
    const annotation = isRecord(item) && !("@context" in item) ? { "@context": record["@context"], ...item } : item;
    runs.push(runTests(ANNOTATION_MUST_TESTS, `first.items[${index}]`, annotation));
  });
  return toReport({ results: runs.flatMap((run) => run.results), notRun: runs.flatMap((run) => run.notRun) });
}

/** One line per failed assertion, for test failure messages. */
export function describeFailures(report: ConformanceReport): string {
  return report.failures
    .map((failure) => `${failure.assertion} (${failure.origin}) on ${failure.subject}: ${failure.message}`)
    .join("\n");
}

type Assertion = { file: string; origin: "suite" | "rebuilt"; schema: Record<string, unknown> };

function runTests(tests: string[], subject: string, document: unknown): Omit<ConformanceReport, "failures"> {
  const results: AssertionResult[] = [];
  const notRun: ConformanceReport["notRun"] = [];
  for (const test of tests) {
    for (const file of assertionFilesOf(test)) {
      const assertion = loadAssertion(file);
      if (!assertion) {
        notRun.push({ test, assertion: file });
        continue;
      }
      const validate = compiled(assertion);
      const valid = validate(document) === true;
      const passed = valid === ((assertion.schema.expectedResult ?? "valid") === "valid");
      const why = [assertion.schema.errorMessage, validate.errors && ajv().errorsText(validate.errors)];
      results.push({
        test,
        assertion: file,
        subject,
        origin: assertion.origin,
        passed,
        message: passed ? "" : why.filter(Boolean).join(" — "),
      });
    }
  }
  return { results, notRun };
}

function toReport(run: Omit<ConformanceReport, "failures">): ConformanceReport {
  return { ...run, failures: run.results.filter((result) => !result.passed) };
}

/** The suite's path rule (README "Assertion Lists"): with a slash, from the suite's root; else beside the test. */
function assertionFilesOf(test: string): string[] {
  const parsed = readJson(test) as { assertions?: unknown[] };
  return (parsed.assertions ?? []).map((entry) => {
    if (typeof entry !== "string") throw new Error(`${test}: only assertion file names are supported here`);
    return entry.includes("/") ? entry : path.posix.join(path.posix.dirname(test), entry);
  });
}

function loadAssertion(file: string): Assertion | null {
  if (fs.existsSync(path.join(SUITE_DIR, file))) {
    const { $id: _ownId, ...schema } = toDraft07(readJson(file)) as Record<string, unknown>;
    // Several assertion files share an id (SOURCE.md §6); without it their $refs resolve the same way.
    return { file, origin: "suite", schema };
  }
  const rebuilt = REBUILT[file];
  return rebuilt ? { file, origin: "rebuilt", schema: rebuilt } : null;
}

const validators = new Map<string, ValidateFunction>();

function compiled(assertion: Assertion): ValidateFunction {
  let validate = validators.get(assertion.file);
  if (!validate) {
    validate = ajv().compile(assertion.schema);
    validators.set(assertion.file, validate);
  }
  return validate;
}

let instance: Ajv | undefined;

function ajv(): Ajv {
  if (instance) return instance;
  // strict: false — the suite's schemas carry keywords Ajv does not know (SOURCE.md §6, e.g. "$ref ").
  instance = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(instance);
  instance.addVocabulary([
    "assertionType",
    "expectedResult",
    "onUnexpectedResult",
    "errorMessage",
    "compareWith",
    "assertionFile",
    "assertions",
  ]);
  for (const file of fs.readdirSync(path.join(SUITE_DIR, "definitions"))) {
    instance.addSchema(toDraft07(readJson(`definitions/${file}`)) as AnySchema, file);
  }
  return instance;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(SUITE_DIR, file), "utf8"));
}

/** Keys whose values are maps from names to schemas: the names are data, not keywords. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "definitions", "dependencies"]);
/** Keys whose values are data. */
const DATA = new Set(["enum", "required", "default"]);

/** Draft-04 → draft-07, keyword by keyword, leaving property names and data alone. */
function toDraft07(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toDraft07);
  if (!isRecord(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "$schema") continue;
    if (key === "id" && typeof value === "string") out.$id = value;
    else if (SCHEMA_MAPS.has(key) && isRecord(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toDraft07(sub)]));
    } else out[key] = DATA.has(key) ? value : toDraft07(value);
  }
  for (const [exclusive, limit] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof out[exclusive] !== "boolean") continue;
    if (out[exclusive] && typeof out[limit] === "number") {
      out[exclusive] = out[limit];
      delete out[limit];
    } else delete out[exclusive];
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---- Assertions missing from the archive, rebuilt from the suite's definitions ----

const BT = "bodyTarget.json#/definitions/";
const CO = "collections.json#/definitions/";
const CS = "choiceSet.json#/definitions/";
const OP = "otherProperties.json#/definitions/";
const SR = "specificResource.json#/definitions/";

type Schema = Record<string, unknown>;
const ref = (pointer: string): Schema => ({ $ref: pointer });
const allOf = (...pointers: string[]): Schema => ({ allOf: pointers.map(ref) });
/** A feature the model forbids: it must not be detected. */
const absent = (pointer: string): Schema => ({ not: ref(pointer) });

/** The value (one or an array) of `key`, where each object must satisfy `schema`; IRIs have nothing to check. */
const each = (key: string, schema: Schema): Schema => {
  const one = { anyOf: [{ type: "string" }, { allOf: [{ type: "object" }, schema] }] };
  return { type: "object", properties: { [key]: { anyOf: [one, { type: "array", items: one }] } } };
};
const eachBody = (schema: Schema) => each("body", schema);
const eachTarget = (schema: Schema) => each("target", schema);
const eachBodyAndTarget = (schema: Schema) => ({ allOf: [eachBody(schema), eachTarget(schema)] });
const eachSelector = (schema: Schema) => eachBodyAndTarget(each("selector", schema));
const eachState = (schema: Schema) => eachBodyAndTarget(each("state", schema));

const documentContext = {
  type: "object",
  required: ["@context"],
  properties: { "@context": { oneOf: [ref(`${CO}contextValueFound`), ref(`${CO}contextValueInArrayFound`)] } },
};

/** Body and target MUSTs that share a definition, keyed by the name the files use for either side. */
const RESOURCE_MUSTS: [string, Schema][] = [
  ["3.2.1-#TextDirectionValidated", ref(`${BT}textDirectionValidIfPresent`)],
  ["3.3.1-#CreatedValidated", ref(`${OP}createdValidIfPresent`)],
  ["3.3.1-#ModifiedValidated", ref(`${OP}modifiedValidIfPresent`)],
  ["3.3.6-#RightsValidated", ref(`${OP}rightsValidIfPresent`)],
  ["3.3.7-#CanonicalValidated", ref(`${OP}canonicalValidIfPresent`)],
  ["3.3.7-#ViaValidated", ref(`${OP}viaValidIfPresent`)],
  ["3.2.7-#EWRNoItems", absent(`${BT}ewrWithItems`)],
  ["3.3.5-#EWRNoPurpose", absent(`${BT}ewrWithPurpose`)],
  ["3.2.4-#ChoiceSetNoValue", absent(`${CS}choiceSetWithValue`)],
  ["4-#ChoiceSetNoSource", absent(`${CS}choiceSetWithSource`)],
  ["3.3.5-#ChoiceSetNoPurpose", absent(`${CS}choiceSetWithPurpose`)],
  ["3.2.7-#SpecificResourceNoItems", absent(`${SR}specificResourceWithItems`)],
  ["4-#SpecificResourceNoValue", absent(`${SR}specificResourceWithValue`)],
];
const resourceMusts = (side: "body" | "targ", wrap: (schema: Schema) => Schema) =>
  RESOURCE_MUSTS.map(([name, schema]) => [`bodiesTargets/${name.replace("#", side)}.json`, wrap(schema)] as const);

const REBUILT: Record<string, Schema> = Object.fromEntries([
  ["collections/5.1-collectionContextValidated.json", documentContext],
  ["collections/5.1-collectionIdValidated.json", ref("id.json#/definitions/idValueFound")],
  ["collections/5.1-collectionTypeValidated.json", ref(`${CO}annotationCollectionTypeValueFound`)],
  ["collections/5.1-collectionLabelValidated.json", ref(`${CO}labelDefinition`)],
  ["collections/5.1-collectionTotalValidated.json", ref(`${CO}totalDefinition`)],
  [
    "collections/5.1-collectionFirstValidated.json",
    allOf(`${CO}firstValidIfPresent`, `${CO}firstRequiredIfTotalMoreThanZero`),
  ],
  ["collections/5.1-collectionLastValidated.json", ref(`${CO}lastValidIfPresent`)],
  ["collections/3.3.1-collectionCreatedValidated.json", ref(`${OP}createdValidIfPresent`)],
  ["collections/3.3.1-collectionModifiedValidated.json", ref(`${OP}modifiedValidIfPresent`)],
  ["collections/3.3.6-collectionRightsValidated.json", ref(`${OP}rightsValidIfPresent`)],
  ["collections/pages/5.2-pageContextValidated.json", documentContext],
  ...resourceMusts("body", eachBody),
  ["bodiesTargets/3.2.7-bodyEmbeddedTextualNoItems.json", eachBody(absent(`${BT}embeddedTextualBodyWithItems`))],
  ["bodiesTargets/4-bodyEmbeddedTextualNoSource.json", eachBody(absent(`${BT}embeddedTextualBodyWithSource`))],
  ...resourceMusts("targ", eachTarget),
  ["bodiesTargets/3.2.4-targNoTypeTextualBody.json", eachTarget(absent(`${BT}embeddedTextTypeIncludesTextualBody`))],
  ["specificResource/4.2-selectorValidIfPresent.json", eachBodyAndTarget(ref(`${SR}selectorDefined`))],
  ["specificResource/4.3-stateValidIfPresent.json", eachBodyAndTarget(ref(`${SR}stateDefined`))],
  ["specificResource/4.3.3-refinedByValidated.json", eachBodyAndTarget(ref(`${SR}checkForRefinedBy`))],
  ["specificResource/4.4-styleClassValidIfPresent.json", eachBodyAndTarget(ref(`${SR}styleClassDefinition`))],
  [
    "specificResource/4.2-fragmentCssXPathSelectorValid.json",
    eachSelector(
      allOf(
        `${SR}fragmentSelectorTypeValidIfPresent`,
        `${SR}cssSelectorTypeValidIfPresent`,
        `${SR}xpathSelectorTypeValidIfPresent`,
      ),
    ),
  ],
  ["specificResource/4.2.4-textQuoteSelectorValid.json", eachSelector(ref(`${SR}textQuoteSelectorTypeValidIfPresent`))],
  [
    "specificResource/4.2-TextDataPositionSelectorValid.json",
    eachSelector(allOf(`${SR}textPositionSelectorTypeValidIfPresent`, `${SR}dataPositionSelectorTypeValidIfPresent`)),
  ],
  ["specificResource/4.2.7-svgSelectorValid.json", eachSelector(ref(`${SR}svgSelectorTypeValidIfPresent`))],
  ["specificResource/4.2.8-rangeSelectorValid.json", eachSelector(ref(`${SR}rangeSelectorTypeValidIfPresent`))],
  ["specificResource/4.3.1-timeStateValid.json", eachState(ref(`${SR}timeStateTypeValidIfPresent`))],
  ["specificResource/4.3.2-httpRequestStateValid.json", eachState(ref(`${SR}requestHeaderStateTypeValidIfPresent`))],
]);
