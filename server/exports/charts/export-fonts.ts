// The fonts every export draws with: DejaVu, shipped as an npm package so nothing is fetched at run
// time and no system font decides how a file looks. It covers Latin, Greek and Cyrillic names.
import { createRequire } from "node:module";
import path from "node:path";

const fontDirectory = path.join(
  path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")),
  "ttf",
);

export const EXPORT_FONTS = {
  regular: path.join(fontDirectory, "DejaVuSans.ttf"),
  bold: path.join(fontDirectory, "DejaVuSans-Bold.ttf"),
} as const;
