// `pnpm db:migrate`: brings the configured database up to date and exits.
import { createDatabase, parseDatabaseUrl } from "@habits/db";
import { baseConfigShape, parseConfig, runMain } from "@habits/runtime";
import { z } from "zod";

runMain(async () => {
  const env = parseConfig(z.object(baseConfigShape), process.env);
  const database = createDatabase(parseDatabaseUrl(env.DATABASE_URL, process.cwd()), {
    onFileNotice: (line) => process.stderr.write(`${line}\n`),
  });
  try {
    const report = await database.migrate();
    process.stdout.write(
      report.applied.length > 0
        ? `Applied ${report.applied.length} migration(s) to ${database.kind}: ${report.applied.join(", ")}\n`
        : `The ${database.kind} database is up to date (${report.alreadyApplied} migrations).\n`,
    );
  } finally {
    await database.close();
  }
});
