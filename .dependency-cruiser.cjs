/** Import boundaries of ARCHITECTURE.md, checked in CI (`npm run depcruise`). */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "src/domain holds pure logic: it imports nothing outside src/domain (npm packages allowed).",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: "^src/", pathNot: "^src/domain/" },
    },
    {
      name: "domain-has-no-io",
      comment: "No I/O in the domain: no node: built-ins that touch the outside world, no database drivers.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: "^(node:)?(fs|net|http|https|child_process|dgram|tls)$|pg|kysely|fastify" },
    },
    {
      name: "signing-is-a-library",
      comment:
        "src/signing (PDF signatures, CMS, PKCS#12, X.509, RFC 3161 encodings) imports only itself, the error " +
        "table and the fonts it draws stamps with: no database, no feature module, no adapter.",
      severity: "error",
      from: { path: "^src/signing/", pathNot: "test-support\\.ts$" },
      to: { path: "^src/", pathNot: "^src/(signing/|errors\\.ts$|pdf/fonts/)" },
    },
    {
      name: "signing-has-no-io",
      comment: "No I/O in the signing library: no sockets, files or processes, no database drivers.",
      severity: "error",
      from: { path: "^src/signing/", pathNot: "test-support\\.ts$" },
      to: { path: "^(node:)?(fs|fs/promises|net|http|https|child_process|dgram|tls)$|pg|kysely|fastify" },
    },
    {
      name: "lower-layers-do-not-import-modules",
      comment: "db, adapters, pdf, signing and contracts never import feature modules.",
      severity: "error",
      from: { path: "^src/(db|adapters|pdf|signing|contracts)/" },
      to: { path: "^src/modules/" },
    },
    {
      name: "contracts-are-shared",
      comment:
        "src/contracts is imported by the web app too: only zod and other contracts or db table constants.",
      severity: "error",
      from: { path: "^src/contracts/" },
      to: { path: "^src/", pathNot: "^src/(contracts|db/tables|domain)/" },
    },
    {
      name: "web-talks-over-http",
      comment:
        "The web app reaches the server only over HTTP; it may import shared contracts and pure domain.",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^src/", pathNot: "^src/(contracts|domain|db/tables)/" },
    },
    {
      name: "production-does-not-import-tests",
      comment:
        "Code that ships never imports test code: the test harness (test/), browser tests (e2e/), benchmarks, " +
        "test files and the test-support helpers beside them.",
      severity: "error",
      from: { path: "^(src|web/src)/", pathNot: "(\\.test\\.tsx?|test-support\\.ts)$" },
      to: { path: "^(test|e2e|bench)/|\\.test\\.tsx?$|test-support\\.ts$" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
    exclude: { path: "\\.test\\.ts$" },
  },
};
