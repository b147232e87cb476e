// Which part of a page's code a CPU-profile frame ran in. The production build ships no source maps and
// Turbopack puts React DOM with Next's runtime, and Watchfloor's code with socket.io-client and Recharts,
// in shared chunks with minified names; but a chunk is a list of modules (`…,<id>,e=>{…},<id>,(e,t,r)=>{…}`),
// and a module is recognized by strings only it contains. So: fetch the script, split it into modules,
// name each by its strings, and find the module a frame's position falls in. Modules Turbopack hoisted
// into one (the board page's code with socket.io-client and Recharts) cannot be told apart this way.

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Module = { start: number; part: string };
type Script = { lineStarts: number[]; modules: Module[] };

/** Checked in order against a module's source; the first match names it. */
const SIGNATURES: [part: string, test: RegExp][] = [
  ["React (react-dom, scheduler)", /__reactFiber|Minified React error|unstable_scheduleCallback/],
  ["socket.io-client, engine.io", /io server disconnect|transport close|engine\.io/],
  ["zod (wire schemas)", /ZodError|\$ZodType|invalid_type/],
  ["Recharts and its d3 (charts)", /recharts/],
  ["Watchfloor code", /data-testid|annotation\.created|board:op|board:join/],
  ["Next.js runtime", /__NEXT|__next|next-router|NEXT_/],
];
const MODULE_START = /[,[](\d+),(?=(?:\(\w*(?:,\w+)*\)|\w+)=>|function\s*\()/g;

const NATIVE: Record<string, string> = {
  "(garbage collector)": "garbage collection",
  // Native work outside any JS frame: compiling, the browser's own tasks (the trace splits style, layout, paint).
  "(program)": "native work V8 cannot attribute",
};

export type ScriptParts = { partOf: (frame: Frame, origin: string) => Promise<string> };

export function scriptParts(): ScriptParts {
  const scripts = new Map<string, Promise<Script | null>>();
  const load = (url: string) => {
    let script = scripts.get(url);
    if (!script) {
      script = fetch(url).then(
        async (response) => (response.ok ? parseScript(await response.text()) : null),
        () => null,
      );
      scripts.set(url, script);
    }
    return script;
  };
  return {
    partOf: async (frame, origin) => {
      const native = NATIVE[frame.functionName];
      if (native) return native;
      if (!frame.url) return "scripts without a URL (V8 built-ins, the bench's probes and polling)";
      if (!frame.url.startsWith(origin)) return "other scripts";
      const script = await load(frame.url);
      if (!script) return "other scripts";
      const offset = (script.lineStarts[frame.lineNumber] ?? 0) + frame.columnNumber;
      const module = script.modules.findLast((candidate) => candidate.start <= offset);
      return module?.part ?? "other scripts";
    },
  };
}

function parseScript(source: string): Script {
  const lineStarts = [0];
  for (let index = source.indexOf("\n"); index !== -1; index = source.indexOf("\n", index + 1))
    lineStarts.push(index + 1);
  // A script that is not a Turbopack chunk (the baseline's socket.io bundle, an inline page script) is one module.
  const starts = source.includes("TURBOPACK") ? [...source.matchAll(MODULE_START)].map((match) => match.index) : [];
  const bounds = [0, ...starts, source.length];
  const modules = bounds.slice(0, -1).map((start, index) => {
    const text = source.slice(start, bounds[index + 1]);
    // Turbopack hoists many modules into one; such a module matches several signatures and is named by all.
    const parts = SIGNATURES.filter(([, test]) => test.test(text)).map(([part]) => part);
    return { start, part: parts.length ? parts.join(" + ") : "other libraries" };
  });
  return { lineStarts, modules };
}
