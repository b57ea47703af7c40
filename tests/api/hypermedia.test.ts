// Hypermedia on request: with `Accept: application/vnd.habit.hateoas+json` resources and pages carry
// `links` (as their routes allow), and plain JSON otherwise. Every answer is checked against the
// document, so the hypermedia type is documented wherever it is answered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "./support/api-client.js";
import { type RunningApi, registerAccount, startApi } from "./support/api-harness.js";

const hateoas = "application/vnd.habit.hateoas+json";
const habits = "/api/v1/habits";

let running: RunningApi;
let api: ApiClient;
beforeAll(async () => {
  running = await startApi();
  api = running.api;
});
afterAll(async () => running.close());

async function account() {
  const { accessToken } = await registerAccount(api);
  return accessToken;
}

const asHypermedia = (token: string) => ({ token, headers: { accept: hateoas } });

describe("hypermedia", () => {
  it("links a habit only when asked, with its routes' methods", async () => {
    const token = await account();
    const made = await api.post(habits, { name: "Read" }, { token });
    expect(made.status).toBe(201);
    expect(made.body).not.toHaveProperty("links");
    const href = `${habits}/${made.body.id}`;

    const plain = await api.get(href, { token });
    expect(plain.headers.get("content-type")).toMatch(/^application\/json/);
    expect(plain.body).not.toHaveProperty("links");

    const linked = await api.get(href, asHypermedia(token));
    expect(linked.status).toBe(200);
    expect(linked.headers.get("content-type")).toMatch(/^application\/vnd\.habit\.hateoas\+json/);
    expect(linked.headers.get("vary")).toMatch(/accept/i);
    expect(linked.body).toEqual({
      ...plain.body,
      links: {
        self: { href, method: "GET" },
        update: { href, method: "PATCH" },
        delete: { href, method: "DELETE" },
      },
    });

    const created = await api.post(habits, { name: "Write" }, asHypermedia(token));
    expect(created.status).toBe(201);
    expect(created.body.links.self).toEqual({ href: created.headers.get("location"), method: "GET" });
  });

  it("links pages and their items, keeping the query string; plain pages have no links", async () => {
    const token = await account();
    for (const name of ["A", "B", "C", "D", "E"]) {
      expect((await api.post(habits, { name, category: "x" }, { token })).status).toBe(201);
    }
    const plain = await api.get(`${habits}?pageSize=2&category=x`, { token });
    expect(plain.body).not.toHaveProperty("links");
    for (const item of plain.body.items) expect(item).not.toHaveProperty("links");

    const first = await api.get(`${habits}?pageSize=2&category=x`, asHypermedia(token));
    expect(first.body.links).toEqual({
      self: { href: `${habits}?pageSize=2&category=x`, method: "GET" },
      "next-page": { href: `${habits}?pageSize=2&category=x&page=2`, method: "GET" },
    });
    for (const item of first.body.items) {
      expect(item.links.self).toEqual({ href: `${habits}/${item.id}`, method: "GET" });
    }

    const names: string[] = [];
    let href: string | undefined = `${habits}?pageSize=2&category=x&sort=name`;
    let pages = 0;
    while (href) {
      const page = await api.get(href, asHypermedia(token));
      expect(page.status).toBe(200);
      pages += 1;
      if (pages > 1) expect(page.body.links["previous-page"].href).toContain(`page=${pages - 1}`);
      expect(page.body.links.self.href).toContain("sort=name");
      names.push(...page.body.items.map((item: { name: string }) => item.name));
      href = page.body.links["next-page"]?.href;
    }
    expect(pages).toBe(3);
    expect(names).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("gives an item chosen without its id no links", async () => {
    const token = await account();
    await api.post(habits, { name: "Only name" }, { token });
    const page = await api.get(`${habits}?fields=name`, asHypermedia(token));
    expect(page.body.items).toEqual([{ name: "Only name" }]);
    expect(page.body.links.self.href).toBe(`${habits}?fields=name`);
  });

  it("follows self and update", async () => {
    const token = await account();
    const made = await api.post("/api/v1/rewards", { name: "Cinema" }, asHypermedia(token));
    expect(made.status).toBe(201);
    const { self, update } = made.body.links;
    expect(update.method).toBe("PATCH");

    const read = await api.get(self.href, asHypermedia(token));
    expect(read.body.name).toBe("Cinema");
    expect(read.body.links).toEqual(made.body.links);

    const changed = await api.request(update.method, update.href, {
      ...asHypermedia(token),
      json: { name: "Theatre" },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.name).toBe("Theatre");
    expect(changed.body.links.self).toEqual(self);
    expect((await api.get(self.href, { token })).body.name).toBe("Theatre");
  });

  it("links only what a resource's routes allow", async () => {
    const token = await account();
    const me = await api.get("/api/v1/users/me", asHypermedia(token));
    expect(me.body.links).toEqual({
      self: { href: "/api/v1/users/me", method: "GET" },
      update: { href: "/api/v1/users/me", method: "PATCH" },
      delete: { href: "/api/v1/users/me", method: "DELETE" },
    });

    const tag = await api.post("/api/v1/tags", { name: "morning" }, asHypermedia(token));
    expect(tag.body.links.update).toEqual({ href: `/api/v1/tags/${tag.body.id}`, method: "PUT" });

    const key = await api.post(
      "/api/v1/users/me/api-keys",
      { name: "script", currentPassword: "correct horse battery" },
      asHypermedia(token),
    );
    expect(key.status).toBe(201);
    const keyHref = `/api/v1/users/me/api-keys/${key.body.id}`;
    expect(key.body.links).toEqual({
      self: { href: keyHref, method: "GET" },
      delete: { href: keyHref, method: "DELETE" },
    });

    const habit = await api.post(habits, { name: "Run" }, { token });
    const done = await api.post(`${habits}/${habit.body.id}/completions`, {}, asHypermedia(token));
    expect(done.status).toBe(201);
    const logHref = `/api/v1/habit-logs/${done.body.completion.id}`;
    expect(done.body.completion.links).toEqual({ self: { href: logHref, method: "GET" } });
    expect((await api.get(logHref, asHypermedia(token))).body.links.self.href).toBe(logHref);
  });

  it("walks cursor pages of habit logs by their next-page link", async () => {
    const token = await account();
    const habit = await api.post(habits, { name: "Walk" }, { token });
    for (const date of ["2026-03-08", "2026-03-09", "2026-03-10"]) {
      expect((await api.post(`${habits}/${habit.body.id}/completions`, { date }, { token })).status).toBe(201);
    }
    const dates: string[] = [];
    let href: string | undefined =
      `/api/v1/habit-logs?pageSize=2&cursor=${(await api.get("/api/v1/habit-logs?pageSize=1", { token })).body.nextCursor}`;
    dates.push("2026-03-10");
    while (href) {
      const page = await api.get(href, asHypermedia(token));
      expect(page.status).toBe(200);
      dates.push(...page.body.items.map((item: { date: string }) => item.date));
      href = page.body.links["next-page"]?.href;
    }
    expect(dates).toEqual(["2026-03-10", "2026-03-09", "2026-03-08"]);
  });

  it("documents the hypermedia type beside JSON where answers can carry links, and only there", () => {
    const { paths } = running.contract.document as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const types = (path: string, method: string, status: string) =>
      Object.keys(paths[path]?.[method]?.responses[status]?.content ?? {});
    expect(types("/api/v1/habits/{id}", "get", "200")).toEqual(["application/json", hateoas]);
    expect(types("/api/v1/habits", "post", "201")).toEqual(["application/json", hateoas]);
    expect(types("/api/v1/rewards", "get", "200")).toEqual(["application/json", hateoas]);
    expect(types("/api/v1/analytics/overview", "get", "200")).toEqual(["application/json"]);
  });

  it("answers plain JSON to a route without links, whatever is asked", async () => {
    const token = await account();
    const answer = await api.get("/api/v1/habits/calendar?month=3&year=2026", asHypermedia(token));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("never links another user's resource: it is not found", async () => {
    const owner = await account();
    const other = await account();
    const made = await api.post(habits, { name: "Mine" }, { token: owner });
    const answer = await api.get(`${habits}/${made.body.id}`, asHypermedia(other));
    expect(answer.status).toBe(404);
    expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(answer.body).not.toHaveProperty("links");
    const page = await api.get(habits, asHypermedia(other));
    expect(page.body.items).toEqual([]);
  });
});
