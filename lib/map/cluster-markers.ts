// Greedy screen-space clustering: markers that would overlap become one marker. Points are taken in a
// fixed order (time, then id) and each joins the first cluster whose first point is near enough, so the
// same events at the same view always give the same markers. A grid of cells the size of the merge
// distance keeps it linear: a point only looks at clusters anchored in its own and the 8 cells around.

export type ScreenPoint = { id: string; x: number; y: number };
export type Cluster = { anchor: ScreenPoint; members: ScreenPoint[] };

export function clusterPoints(points: readonly ScreenPoint[], mergeDistance: number): Cluster[] {
  const clusters: Cluster[] = [];
  const grid = new Map<string, Cluster[]>();
  const cellOf = (value: number) => Math.floor(value / mergeDistance);
  const limit = mergeDistance * mergeDistance;
  const order = new Map<Cluster, number>();
  for (const point of points) {
    const column = cellOf(point.x);
    const row = cellOf(point.y);
    const home = nearestCluster(grid, order, column, row, point, limit);
    if (home) {
      home.members.push(point);
      continue;
    }
    const cluster: Cluster = { anchor: point, members: [point] };
    order.set(cluster, clusters.length);
    clusters.push(cluster);
    const key = `${column},${row}`;
    const cell = grid.get(key);
    if (cell) cell.push(cluster);
    else grid.set(key, [cluster]);
  }
  return clusters;
}

/** The earliest-made cluster within reach, so the result does not depend on the grid's iteration order. */
function nearestCluster(
  grid: ReadonlyMap<string, Cluster[]>,
  order: ReadonlyMap<Cluster, number>,
  column: number,
  row: number,
  point: ScreenPoint,
  limit: number,
): Cluster | null {
  let found: Cluster | null = null;
  let foundOrder = Infinity;
  for (let dc = -1; dc <= 1; dc += 1) {
    for (let dr = -1; dr <= 1; dr += 1) {
      for (const cluster of grid.get(`${column + dc},${row + dr}`) ?? []) {
        const dx = cluster.anchor.x - point.x;
        const dy = cluster.anchor.y - point.y;
        const made = order.get(cluster) ?? Infinity;
        if (dx * dx + dy * dy < limit && made < foundOrder) {
          found = cluster;
          foundOrder = made;
        }
      }
    }
  }
  return found;
}
