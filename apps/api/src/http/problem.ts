import type { Response } from "express";

/** An RFC 9457 problem details body; `code` is the stable machine-readable reason. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: Record<string, string>;
  requestId?: string;
}

export function sendProblem(response: Response, problem: Problem): void {
  response
    .status(problem.status)
    .type("application/problem+json")
    .json({ type: `https://habits.dev/problems/${problem.code.replaceAll("_", "-")}`, ...problem });
}
