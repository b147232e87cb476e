// Largest-Triangle-Three-Buckets downsampling (Steinarsson, "Downsampling Time Series for Visual
// Representation", 2013): keeps the points that carry a line's visual shape, so a long series can be
// drawn with about one point per pixel. It returns a subset of the original points, never
// interpolated ones, so whatever a reader hovers or picks is a real observation.

/**
 * Picks `threshold` of `points` (which must be sorted by x), always keeping the first and the last.
 * Returns `points` itself when it is already small enough; a threshold below 3 keeps only the ends.
 * One pass over the input: O(n) time and two numeric arrays of memory.
 */
export function lttb<T>(points: T[], threshold: number, x: (point: T) => number, y: (point: T) => number): T[] {
  const count = points.length;
  const wanted = Math.floor(threshold);
  if (count <= 2 || wanted >= count) return points;
  if (wanted < 3) return points.filter((_, index) => index === 0 || index === count - 1);

  // Reading the coordinates once keeps the callbacks out of the inner loops.
  const xs = Float64Array.from(points, x);
  const ys = Float64Array.from(points, y);
  const xAt = (index: number) => xs[index] ?? Number.NaN;
  const yAt = (index: number) => ys[index] ?? Number.NaN;

  const keep = new Uint8Array(count);
  keep[0] = 1;
  keep[count - 1] = 1;

  // The first and last points are fixed; the rest are split into wanted - 2 buckets of equal width.
  const bucketWidth = (count - 2) / (wanted - 2);
  let previous = 0;
  for (let bucket = 0; bucket < wanted - 2; bucket++) {
    const start = Math.floor(bucket * bucketWidth) + 1;
    const end = Math.floor((bucket + 1) * bucketWidth) + 1;

    // The third corner of each triangle is the average of the next bucket (the last point, at the end).
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketWidth) + 1, count);
    let averageX = 0;
    let averageY = 0;
    for (let index = nextStart; index < nextEnd; index++) {
      averageX += xAt(index);
      averageY += yAt(index);
    }
    averageX /= nextEnd - nextStart;
    averageY /= nextEnd - nextStart;

    const previousX = xAt(previous);
    const previousY = yAt(previous);
    let largestArea = -1;
    let chosen = start;
    for (let index = start; index < end; index++) {
      // Twice the triangle's area; only the comparison matters.
      const area = Math.abs(
        (previousX - averageX) * (yAt(index) - previousY) - (previousX - xAt(index)) * (averageY - previousY),
      );
      if (area > largestArea) {
        largestArea = area;
        chosen = index;
      }
    }
    keep[chosen] = 1;
    previous = chosen;
  }
  return points.filter((_, index) => keep[index] === 1);
}
