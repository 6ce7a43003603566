export * from "./fold.ts";
export * from "./notation.ts";
export * from "./registration.ts";
export * from "./reminders.ts";
export * from "./signing-mode.ts";
export * from "./types.ts";
export * from "./workflow.ts";
