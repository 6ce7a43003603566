/**
 * ARCHITECTURE.md stays true to the code: its folder list matches the tree, every file it names exists, and
 * every grant of the policy table is checked by some code (a grant nothing checks promises what nobody enforces).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "../src/modules/auth/policy.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const DOC = fs.readFileSync(path.join(ROOT, "ARCHITECTURE.md"), "utf8");
/** Not part of the source tree: installed, built or written at run time (see .gitignore). */
const NOT_SOURCE = new Set(["node_modules", "dist", "data", "coverage"]);

interface Entry {
  path: string;
  folder: boolean;
}

/** The entries of the folder list: `name/` or `file.ext` as the first word of a line indented 0, 2, 4… */
function listedEntries(): Entry[] {
  const block = /The folders, as they are[\s\S]*?```\n([\s\S]*?)```/.exec(DOC)?.[1];
  if (!block) throw new Error("ARCHITECTURE.md has no folder list");
  const stack: string[] = [];
  const entries: Entry[] = [];
  for (const line of block.split("\n")) {
    const match = /^( *)(\S+)/.exec(line);
    if (!match) continue;
    const depth = (match[1]?.length ?? 0) / 2;
    const name = match[2] ?? "";
    // Description lines continue deeper than any entry (column 16 and beyond).
    if (!Number.isInteger(depth) || depth > 6) continue;
    stack.length = depth;
    const folder = name.endsWith("/");
    const full = [...stack, folder ? name.slice(0, -1) : name].join("/");
    entries.push({ path: full, folder });
    if (folder) stack.push(name.slice(0, -1));
  }
  return entries;
}

function childFolders(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith(".") && !NOT_SOURCE.has(d.name))
    .map((d) => (dir ? `${dir}/${d.name}` : d.name))
    .sort();
}

describe("ARCHITECTURE.md", () => {
  const entries = listedEntries();

  it("lists folders and files that exist", () => {
    expect(entries.length).toBeGreaterThan(40);
    const missing = entries.filter((e) => {
      const full = path.join(ROOT, e.path);
      return !fs.existsSync(full) || fs.statSync(full).isDirectory() !== e.folder;
    });
    expect(missing.map((e) => e.path)).toEqual([]);
  });

  it("lists every top-level folder, and every subfolder of a folder whose subfolders it lists", () => {
    const folders = entries.filter((e) => e.folder).map((e) => e.path);
    const listedChildren = (dir: string) =>
      folders.filter((f) => path.posix.dirname(f) === (dir || ".")).sort();
    expect(listedChildren("")).toEqual(childFolders(""));
    for (const dir of folders) {
      const listed = listedChildren(dir);
      if (listed.length > 0) expect(listed, `subfolders of ${dir}/`).toEqual(childFolders(dir));
    }
  });

  it("names only files that are in the repository", () => {
    const named = new Set<string>();
    for (const m of DOC.matchAll(
      /(?:^|[\s`(])((?:src|web|test|e2e|bench|bin)\/[\w./-]+\.(?:ts|tsx|cjs|mjs|js))/g,
    ))
      if (m[1]) named.add(m[1]);
    for (const m of DOC.matchAll(/`(\.[\w-]+\.(?:cjs|json|mjs))`/g)) if (m[1]) named.add(m[1]);
    expect(named.size).toBeGreaterThan(3);
    expect([...named].filter((file) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
  });
});

describe("the policy table", () => {
  it("grants only actions that some code checks", () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const d of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = `${dir}/${d.name}`;
        if (d.isDirectory()) walk(rel);
        else if (/\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) && !rel.endsWith("auth/policy.ts"))
          sources.push(fs.readFileSync(path.join(ROOT, rel), "utf8"));
      }
    };
    walk("src");
    const code = sources.join("\n");
    expect(ACTIONS.filter((action) => !code.includes(`"${action}"`))).toEqual([]);
  });
});
