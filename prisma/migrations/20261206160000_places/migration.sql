-- Places (issue 16): an event's place becomes a label with coordinates, and an annotation can target a
-- free point on the map.

-- AlterEnum
ALTER TYPE "AnnotationTargetType" ADD VALUE 'place';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "placeLabel" TEXT,
ADD COLUMN     "placeLongitude" DOUBLE PRECISION,
ADD COLUMN     "placeLatitude" DOUBLE PRECISION,
ADD COLUMN     "placeGazetteerId" TEXT;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "placeLon" DOUBLE PRECISION,
ADD COLUMN     "placeLat" DOUBLE PRECISION,
ADD COLUMN     "placeLabel" TEXT;

-- The places the demo board was seeded with before this migration, located (GeoNames cities1000; a
-- region or a country at a point chosen for it). Their labels stay as they were written, matched whatever
-- their case and surrounding spaces.
UPDATE "Event" AS e
SET "placeLabel" = btrim(e."place"), "placeLongitude" = known.longitude, "placeLatitude" = known.latitude,
    "placeGazetteerId" = known.gazetteer_id
FROM (VALUES
  ('Western Russia, Crimea and areas bordering Ukraine', 36.58015, 50.61074, NULL),
  ('Video link, Washington–Sochi', 39.72569, 43.59917, 'geonames:491422'),
  ('Moscow', 37.61556, 55.75222, 'geonames:524901'),
  ('Telephone, Washington–Moscow', 37.61556, 55.75222, 'geonames:524901'),
  ('Kazakhstan (Zhanaozen, Almaty and other cities)', 52.86192, 43.34116, 'geonames:607610'),
  ('Moscow / Nur-Sultan', 37.61556, 55.75222, 'geonames:524901'),
  ('Kazakhstan (Almaty region)', 76.92861, 43.25667, 'geonames:1526384'),
  ('Virtual (NATO HQ, Brussels)', 4.34878, 50.85045, 'geonames:2800866'),
  ('Geneva', 6.14569, 46.20222, 'geonames:2660646'),
  ('NATO HQ, Brussels', 4.34878, 50.85045, 'geonames:2800866'),
  ('Vienna', 16.37208, 48.20849, 'geonames:2761369'),
  ('Kazakhstan', 68.0, 48.0, 'country:KZ')
) AS known(label, longitude, latitude, gazetteer_id)
WHERE lower(btrim(e."place")) = lower(known.label);

-- Any other place was text without coordinates: it cannot be placed on a map, so it is kept where an
-- analyst will read it, at the end of the description, to be located again by hand.
UPDATE "Event"
SET "description" = CASE WHEN "description" = '' THEN 'Place (not located): ' || "place"
                         ELSE "description" || E'\n\nPlace (not located): ' || "place" END
WHERE "place" IS NOT NULL AND btrim("place") <> '' AND "placeLabel" IS NULL;

-- AlterTable
ALTER TABLE "Event" DROP COLUMN "place";

-- All of a place or none of it. Each column is tested for NULL by name: a CHECK that evaluates to NULL
-- (a comparison with a NULL coordinate) would let the row through.
ALTER TABLE "Event" ADD CONSTRAINT "Event_place_whole" CHECK (
  ("placeLabel" IS NULL AND "placeLongitude" IS NULL AND "placeLatitude" IS NULL AND "placeGazetteerId" IS NULL)
  OR ("placeLabel" IS NOT NULL AND "placeLongitude" IS NOT NULL AND "placeLatitude" IS NOT NULL
      AND "placeLongitude" BETWEEN -180 AND 180 AND "placeLatitude" BETWEEN -90 AND 90)
);
