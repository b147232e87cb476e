// Structured JSON logs (pino). One root logger per app; modules take a child.
import { type Logger, pino } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: "watchfloor" } });
}
