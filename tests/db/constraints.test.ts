import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, it } from "vitest";
import { openMigratedTestDatabase } from "../support/test-database.js";

let ctx: Awaited<ReturnType<typeof openMigratedTestDatabase>>;
beforeAll(async () => { ctx = await openMigratedTestDatabase(); });
afterAll(async () => { await ctx.database.close(); await ctx.testDatabase.drop(); });

function show(e: unknown) {
  const err = e as { name?: string; code?: string; meta?: unknown; message?: string; constructor: { name: string } };
  console.log(JSON.stringify({ cls: err.constructor.name, name: err.name, code: err.code, meta: err.meta, message: err.message }, (_k, v) => typeof v === "bigint" ? v.toString() : v, 2));
}

it("probe", async () => {
  const c = ctx.database.client;
  const u = randomUUID();
  await c.user.create({ data: { id: u, emailKey: "a@x" } });
  try { await c.user.create({ data: { id: randomUUID(), emailKey: "a@x" } }); } catch (e) { show(e); }
  try { await c.user.create({ data: { id: u } }); } catch (e) { show(e); }
  await c.user.create({ data: { id: randomUUID(), telegramId: 5n } });
  try { await c.user.create({ data: { id: randomUUID(), telegramId: 5n } }); } catch (e) { show(e); }
  const h = randomUUID();
  await c.habit.create({ data: { id: h, userId: u, name: "Read", activeNameKey: "read", color: "#000000" } });
  try { await c.habit.create({ data: { id: randomUUID(), userId: u, name: "READ", activeNameKey: "read", color: "#000000" } }); } catch (e) { show(e); }
  try { await c.completion.create({ data: { id: randomUUID(), habitId: "nope", userId: u, date: "2026-01-01", source: "api", streak: 1, totalWeight: 1, winChance: 0.5 } }); } catch (e) { show(e); }
  try { await c.habitTag.create({ data: { habitId: h, tagId: "nope" } }); } catch (e) { show(e); }
  try { await c.processedUpdate.createMany({ data: [{ updateId: 1n }, { updateId: 1n }] }); } catch (e) { show(e); }
  console.log("count", await c.processedUpdate.count());
});
