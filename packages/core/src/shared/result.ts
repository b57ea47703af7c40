/**
 * Expected outcomes are values, not exceptions: a use case returns `ok(value)` or a failure whose
 * `reason` says what happened (`already_completed`, `not_found`, ...). Thrown errors are for
 * broken invariants only.
 */
export type Result<Value, Failure extends { reason: string }> = { ok: true; value: Value } | ({ ok: false } & Failure);

export const ok = <Value>(value: Value): { ok: true; value: Value } => ({ ok: true, value });

export const fail = <const Failure extends { reason: string }>(failure: Failure): { ok: false } & Failure => ({
  ok: false,
  ...failure,
});
