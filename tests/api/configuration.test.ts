// CORS_ORIGINS: a comma-separated list of browser origins, read by `pnpm start:api` and `pnpm start`.
import { ConfigError } from "@habits/runtime";
import { describe, expect, it } from "vitest";
import { apiConfigFrom, loadApiEnv } from "../../apps/api/src/env.js";
import { loadServerEnv } from "../../apps/server/src/env.js";

const secret = "cors-and-proxy-tests: 7fQ2vL9xR4kW1mZ8";
const originsOf = (value: string | undefined) =>
  apiConfigFrom(loadApiEnv({ CORS_ORIGINS: value, JWT_SECRET: secret }), "/nowhere").corsOrigins;

describe("CORS_ORIGINS", () => {
  it("unset or empty allows no origin", () => {
    expect(originsOf(undefined)).toEqual([]);
    expect(originsOf("")).toEqual([]);
  });

  it("is a comma-separated list; spaces and a trailing slash are dropped", () => {
    expect(originsOf("https://app.example.com, http://localhost:5173/ ,https://[::1]:8443")).toEqual([
      "https://app.example.com",
      "http://localhost:5173",
      "https://[::1]:8443",
    ]);
    expect(originsOf("*")).toEqual(["*"]);
  });

  it.each(["app.example.com", "https://app.example.com/path", "ftp://files.example.com", "https://a.example.com,nope"])(
    "%s stops start-up with one line naming the variable, in the API and in the server",
    (value) => {
      for (const load of [loadApiEnv, loadServerEnv]) {
        let error: unknown;
        try {
          load({ CORS_ORIGINS: value });
        } catch (thrown) {
          error = thrown;
        }
        expect(error).toBeInstanceOf(ConfigError);
        const { message } = error as ConfigError;
        expect(message).toMatch(/\bCORS_ORIGINS must be a comma-separated list of origins/);
        expect(message).not.toMatch(/[\r\n]/);
        expect(message).not.toContain(value);
      }
    },
  );
});

describe("TRUST_PROXY", () => {
  const trustOf = (value: string | undefined) =>
    apiConfigFrom(loadApiEnv({ TRUST_PROXY: value, JWT_SECRET: secret }), "/nowhere").trustProxy;

  it("is 0 unless set, else the number of proxies", () => {
    expect(trustOf(undefined)).toBe(0);
    expect(trustOf("2")).toBe(2);
  });

  it.each(["yes", "-1", "100"])("%s stops start-up with one line naming the variable", (value) => {
    expect(() => loadServerEnv({ TRUST_PROXY: value })).toThrow(
      /^Invalid configuration: TRUST_PROXY must be the number of reverse proxies in front of the API, from 0 to 99$/,
    );
  });
});

describe("METRICS_TOKEN", () => {
  const tokenOf = (value: string | undefined) =>
    apiConfigFrom(loadApiEnv({ METRICS_TOKEN: value, JWT_SECRET: secret }), "/nowhere").metricsToken;

  it("is unset (an open /metrics) unless given, else the bearer token /metrics asks for", () => {
    expect(tokenOf(undefined)).toBeUndefined();
    expect(tokenOf("")).toBeUndefined();
    expect(tokenOf("prometheus-scrape-7Hq2xLw9ZkR4")).toBe("prometheus-scrape-7Hq2xLw9ZkR4");
  });
});
