// Measures a decoded socket payload without serialising it: its approximate JSON size in bytes and its
// nesting depth, stopping as soon as a limit is passed (so a hostile payload costs little to refuse).
export type PayloadVerdict = "ok" | "too-large" | "too-deep";

export function checkPayloadShape(payload: unknown, limits: { maxBytes: number; maxDepth: number }): PayloadVerdict {
  let bytes = 0;
  const stack: [unknown, number][] = [[payload, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value === "string") bytes += Buffer.byteLength(value) + 2;
    else if (value === null || typeof value !== "object") bytes += 8;
    else {
      if (depth >= limits.maxDepth) return "too-deep";
      if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) bytes += value.byteLength;
      else if (Array.isArray(value)) {
        bytes += 2 + value.length;
        for (const item of value) stack.push([item, depth + 1]);
      } else {
        for (const [key, item] of Object.entries(value)) {
          bytes += Buffer.byteLength(key) + 4;
          stack.push([item, depth + 1]);
        }
      }
    }
    if (bytes > limits.maxBytes) return "too-large";
  }
  return "ok";
}
