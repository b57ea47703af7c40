export * from "./local-date.js";
export * from "./local-time.js";
export * from "./periods.js";
export * from "./zone.js";
