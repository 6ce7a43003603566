#!/usr/bin/env node
// Entry point of `npx motcua …`: checks the Node.js version first, then runs the TypeScript sources through
// tsx's loader. Everything that needs Node 22 is imported only after the check.
import { nodeVersionProblem } from "./node-version.js";

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}
const { register } = await import("tsx/esm/api");
register();
const { main } = await import("../src/cli.ts");
const code = await main(process.argv.slice(2));
if (code !== undefined && !process.exitCode) process.exitCode = code;
if (process.argv[2] !== "serve") process.exit(process.exitCode ?? 0);
