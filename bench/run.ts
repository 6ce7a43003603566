/** Runs every benchmark in bench/ in turn (`npm run bench`); each prints its own JSON. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv[2];
for (const file of fs.readdirSync(dir).sort()) {
  if (!file.endsWith(".ts") || file === "run.ts" || file.includes(".test.")) continue;
  if (only && !file.includes(only)) continue;
  console.log(`\n### ${file}`);
  execFileSync(process.execPath, ["--import", "tsx", path.join(dir, file)], { stdio: "inherit" });
}
