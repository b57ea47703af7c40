import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { postgresqlSchemaPath, readRenderedPostgresqlSchema } from "./postgresql-schema.js";

mkdirSync(dirname(postgresqlSchemaPath), { recursive: true });
writeFileSync(postgresqlSchemaPath, readRenderedPostgresqlSchema());
