// Downsampling for display: a long series drawn with about one point per pixel keeps its shape, its
// ends and its spikes, and every drawn point is a real observation.
import { describe, expect, it } from "vitest";
import { lttb } from "@/lib/lttb";

type Point = { t: number; value: number };
const byTime = (point: Point) => point.t;
const byValue = (point: Point) => point.value;
const downsample = (points: Point[], threshold: number) => lttb(points, threshold, byTime, byValue);

function series(length: number, valueAt: (index: number) => number): Point[] {
  return Array.from({ length }, (_, index) => ({ t: 1_640_995_200_000 + index * 60_000, value: valueAt(index) }));
}

/** Mulberry32: a small seeded generator, so a failing case can be replayed from its printed seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("lttb", () => {
  it("returns a series that already fits unchanged", () => {
    const points = series(50, (index) => index % 7);
    expect(downsample(points, 50)).toBe(points);
    expect(downsample(points, 800)).toBe(points);
    expect(downsample([], 10)).toEqual([]);
  });

  it("keeps the first and the last point", () => {
    const points = series(1_000, (index) => Math.sin(index / 10));
    const sampled = downsample(points, 40);
    expect(sampled[0]).toBe(points[0]);
    expect(sampled.at(-1)).toBe(points.at(-1));
  });

  it("returns exactly as many points as asked for", () => {
    const points = series(1_000, (index) => Math.cos(index / 3));
    for (const threshold of [3, 4, 10, 99, 500, 999]) expect(downsample(points, threshold)).toHaveLength(threshold);
  });

  it("keeps only the ends when asked for fewer than three points", () => {
    const points = series(100, (index) => index);
    expect(downsample(points, 2)).toEqual([points[0], points[99]]);
  });

  it("keeps a one-point spike that an average would flatten", () => {
    const spikeAt = 517;
    const points = series(1_000, (index) => (index === spikeAt ? 250 : 10));
    expect(downsample(points, 50)).toContain(points[spikeAt]);
  });

  it("keeps the deepest point of a dip as well as the highest of a peak", () => {
    const points = series(2_000, (index) => (index === 400 ? -90 : index === 1_500 ? 90 : 0));
    const sampled = downsample(points, 30);
    expect(sampled).toContain(points[400]);
    expect(sampled).toContain(points[1_500]);
  });

  it("returns original points in time order, for any series (seeded)", () => {
    const seed = Number(process.env.LTTB_SEED ?? Date.now() % 1_000_000);
    console.log(`lttb fuzz seed: ${seed} (replay with LTTB_SEED=${seed})`);
    const random = seededRandom(seed);
    for (let round = 0; round < 200; round++) {
      const points = series(Math.floor(random() * 3_000), () => random() * 1_000 - 500);
      const threshold = Math.floor(random() * 400);
      const sampled = downsample(points, threshold);
      const originals = new Set(points);
      expect(sampled.every((point) => originals.has(point))).toBe(true);
      expect(sampled.every((point, index) => index === 0 || (sampled[index - 1]?.t ?? Infinity) < point.t)).toBe(true);
      const expectedLength = points.length <= 2 || threshold >= points.length ? points.length : Math.max(threshold, 2);
      expect(sampled).toHaveLength(expectedLength);
    }
  });

  it("downsamples a 100,000-point series to a chart's width", () => {
    const points = series(100_000, (index) => Math.sin(index / 500) * 100 + (index % 97 === 0 ? 40 : 0));
    const sampled = downsample(points, 800);
    expect(sampled).toHaveLength(800);
    expect(sampled[0]).toBe(points[0]);
    expect(sampled.at(-1)).toBe(points[99_999]);
  });
});
