#!/usr/bin/env node
// Entry point of `npx motcua …`: runs the TypeScript sources through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
const code = await main(process.argv.slice(2));
if (code !== undefined && !process.exitCode) process.exitCode = code;
if (process.argv[2] !== "serve") process.exit(process.exitCode ?? 0);
