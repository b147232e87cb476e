// Stored text on its way into an exported SVG: every string in the data a figure is drawn from, made fit
// for XML before the figure is rendered, so what is measured, fitted and drawn is the text the file holds.
import { xmlSafeText } from "@/lib/xml-safe-text";

/**
 * `value` with xmlSafeText applied to every string in its arrays and plain objects; anything else (Maps,
 * dates, functions) is kept as it is. Parts with nothing to change are returned as they are, not copied.
 */
export function xmlSafeData<T>(value: T): T {
  if (typeof value === "string") return xmlSafeText(value) as T;
  if (Array.isArray(value)) {
    const items = value.map(xmlSafeData);
    return (items.some((item, index) => item !== value[index]) ? items : value) as T;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    const safe = entries.map(([key, item]) => [key, xmlSafeData(item)] as const);
    return (safe.some(([, item], index) => item !== entries[index]?.[1]) ? Object.fromEntries(safe) : value) as T;
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
