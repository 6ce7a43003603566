/** Feedback and petitions (phản ánh, kiến nghị): statuses, deadlines, the six criteria, redaction, duplicates. */
export * from "./code.ts";
export * from "./criteria.ts";
export * from "./deadlines.ts";
export * from "./duplicate.ts";
export * from "./redaction.ts";
export * from "./status.ts";
