// The core never reads the clock or draws random numbers itself: both come from injected ports,
// so every rule can be tested on any instant and any roll. Import rules can't see a global call,
// so this walks the core's syntax trees. (`process`, `crypto` and `performance` are refused by
// Biome's noRestrictedGlobals for packages/core.)
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const root = new URL("..", import.meta.url).pathname;
const coreSource = join(root, "packages/core/src");

function* typescriptFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* typescriptFiles(path);
    else if (entry.name.endsWith(".ts")) yield path;
  }
}

function violationOf(node: ts.Node): string | undefined {
  if (ts.isNewExpression(node) && node.expression.getText() === "Date" && (node.arguments?.length ?? 0) === 0) {
    return "new Date() reads the clock: use the injected Clock";
  }
  if (ts.isCallExpression(node)) {
    const callee = node.expression.getText();
    if (callee === "Date.now") return "Date.now() reads the clock: use the injected Clock";
    if (callee === "Date") return "Date() reads the clock: use the injected Clock";
    if (callee === "Math.random") return "Math.random() is not reproducible: use the injected random source";
  }
  return undefined;
}

const violations: string[] = [];
for (const file of typescriptFiles(coreSource)) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    const violation = violationOf(node);
    if (violation) {
      const { line, character } = source.getLineAndCharacterOfPosition(node.getStart());
      violations.push(`${relative(root, file)}:${line + 1}:${character + 1} ${violation}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (violations.length > 0) {
  console.error(violations.join("\n"));
  process.exit(1);
}
console.log("core purity: no clock or randomness read outside the ports");
