// Import rules that keep the layers apart (ARCHITECTURE.md). `pnpm deps` runs them in CI.
/** Third-party packages the core may use: pure libraries only (time zones, ...). */
const coreAllowedPackages = ["temporal-polyfill"];
/** ...and what its tests may use besides. */
const coreTestPackages = ["vitest", "@vitest", "fast-check"];

module.exports = {
  forbidden: [
    {
      name: "core-is-framework-free",
      comment:
        "packages/core holds the rules only: no framework, database, environment, file system, clock or randomness. " +
        "Pass what it needs through its ports.",
      severity: "error",
      from: { path: "^packages/core/", pathNot: "\\.test\\.ts$" },
      to: {
        pathNot: ["^packages/core/", ...coreAllowedPackages.map((name) => `node_modules/.*${name}/`)],
      },
    },
    {
      name: "core-tests-use-test-tools-only",
      severity: "error",
      from: { path: "^packages/core/.*\\.test\\.ts$" },
      to: {
        pathNot: [
          "^packages/core/",
          ...[...coreAllowedPackages, ...coreTestPackages].map((name) => `node_modules/.*${name}/`),
        ],
      },
    },
    {
      name: "core-uses-no-node-builtins",
      comment: "node:fs, node:crypto, node:process... are the outside world; the core gets them through ports.",
      severity: "error",
      from: { path: "^packages/core/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "db-is-core-and-prisma-only",
      comment: "packages/db implements the core's ports with Prisma; it knows no app and no framework.",
      severity: "error",
      from: { path: "^packages/db/src/" },
      to: { path: ["^apps/", "^packages/runtime/", "node_modules/.*/(grammy|express|node-cron|pino)/"] },
    },
    {
      name: "packages-do-not-import-apps",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "apps-do-not-import-each-other",
      comment: "Only the composition root (apps/server) puts apps together.",
      severity: "error",
      from: { path: "^apps/(api|bot)/" },
      to: { path: "^apps/", pathNot: ["^apps/$1/"] },
    },
    {
      name: "no-unresolvable",
      comment: "An import that cannot be resolved is a missing dependency in package.json, or a typo.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
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
    exclude: { path: "(^|/)generated/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
