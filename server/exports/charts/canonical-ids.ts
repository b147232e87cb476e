// Recharts and React number the elements they draw (clip paths, lines) from counters that live as long
// as the process: the same chart exported twice came out with different ids ("recharts1-clip", then
// "recharts18-clip"), and a worker thread's counters depend on what it rendered before. Renumbering the
// ids by first appearance makes an export's bytes depend on the board alone. Only ids and the references
// to them (url(#…), href="#…") are touched, never text a user wrote.

const REFERENCE = /(\bid="|url\(#|href="#)([^")]*)/g;
const COUNTED = /recharts(\d+)|_r_([0-9a-z]+)_/g;

export function canonicalIds(svg: string): string {
  const renamed = new Map<string, string>();
  const counters = { recharts: 0, react: 0 };
  const rename = (token: string, isRecharts: boolean) => {
    let name = renamed.get(token);
    if (!name) {
      name = isRecharts ? `recharts${++counters.recharts}` : `_r_${(++counters.react).toString(36)}_`;
      renamed.set(token, name);
    }
    return name;
  };
  return svg.replace(
    REFERENCE,
    (_match, prefix: string, id: string) =>
      prefix + id.replace(COUNTED, (token, recharts: string | undefined) => rename(token, recharts !== undefined)),
  );
}
