// The steps of the new-habit and edit-habit flows, each a small function over a draft: name,
// schedule (with custom days or N times), grace days, weight, reminders, summary. Every answer is
// checked by the core's own validation (`validateHabit`), explained when wrong and asked again.
// Edit flows show Skip on each step, which keeps the current value.
import type { Conversation } from "@grammyjs/conversations";
import {
  defaultHabitWeight,
  type FieldError,
  type Frequency,
  type HabitFields,
  type HabitInput,
  type HabitWriteFailure,
  isLocalTime,
  nameKey,
  type Result,
  singleLineName,
  validateHabit,
} from "@habits/core";
import { InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { habitData } from "../habits/habit-buttons.js";
import {
  describeReminders,
  fieldErrorText,
  habitDetails,
  isoWeekdays,
  quoteInput,
  weekendDays,
} from "../habits/habit-text.js";
import { menuButton } from "../keyboards/main-menu.js";
import { callbackData } from "../telegram/callback-data.js";
import { escapeHtml } from "../telegram/html.js";
import { clearButtons, present, show } from "../telegram/show.js";

export type HabitConversation = Conversation<BotContext, FlowContext>;

/** A habit being made or changed. Plain data: it is rebuilt on every replay of the flow. */
export interface HabitDraft {
  name: string;
  frequency: { type: Frequency; timesPerPeriod: number };
  exemptWeekdays: number[];
  allowedSkipDays: number;
  weight: number;
  reminders: Array<{ time: string; weekdays: number[] }>;
}

/** What stays the same through one flow. */
export interface FlowSettings {
  /** The heading of every step ("➕ New habit", "✏️ Editing …"), HTML. */
  title: (ctx: FlowContext) => string;
  /** Edit flows: each step has Skip, which keeps the current value. */
  skippable: boolean;
  /** `nameKey`s of the person's other active habits. */
  takenNames: readonly string[];
}

export interface StepState {
  draft: HabitDraft;
  /** The latest update: the next screen edits its message when it was a button tap. */
  ctx: FlowContext;
}

type StepFunction = (
  conversation: HabitConversation,
  ctx: FlowContext,
  flow: FlowSettings,
  draft: HabitDraft,
  notice?: string,
) => Promise<StepState>;

// `hf|<step>|<value>`: a button of one step. A tap on an older step's button is out of date.
const stepData = callbackData("hf", ["step", "value"]);
const cancelStep = "flow";
const skipValue = "skip";

type Answer = { kind: "button"; value: string; ctx: FlowContext } | { kind: "text"; text: string; ctx: FlowContext };
type Outcome<T> = { done: T } | { notice: string } | { toast: string } | { again: true };
type Row = Array<[label: string, value: string]>;

interface Step<T> {
  id: string;
  prompt(ctx: FlowContext): string;
  rows(ctx: FlowContext): Row[];
  handle(answer: Answer): Outcome<T> | Promise<Outcome<T>>;
  /** What Skip keeps. */
  current: T;
  /** False for the summary, which has Save instead. */
  skippable?: boolean;
}

export const emptyDraft = (): HabitDraft => ({
  name: "",
  frequency: { type: "daily", timesPerPeriod: 1 },
  exemptWeekdays: [],
  allowedSkipDays: 0,
  weight: defaultHabitWeight,
  reminders: [],
});

export const draftOf = (habit: HabitFields): HabitDraft => ({
  name: habit.name,
  frequency: { ...habit.frequency },
  exemptWeekdays: [...habit.exemptWeekdays],
  allowedSkipDays: habit.allowedSkipDays,
  weight: habit.weight,
  reminders: habit.reminders.map((reminder) => ({ time: reminder.time, weekdays: [...reminder.weekdays] })),
});

export const draftInput = (draft: HabitDraft): HabitInput => ({
  name: draft.name,
  frequency: draft.frequency,
  exemptWeekdays: draft.exemptWeekdays,
  allowedSkipDays: draft.allowedSkipDays,
  weight: draft.weight,
  reminders: draft.reminders,
});

/**
 * The next update meant for this step. A command or another feature's button leaves the flow and
 * runs as usual (so a screen that enters its own flow finds none active); a button of another step
 * is out of date; a photo or sticker gets a hint.
 */
async function waitAnswer(conversation: HabitConversation, step: string): Promise<Answer> {
  for (;;) {
    const ctx = await conversation.wait();
    const query = ctx.callbackQuery;
    if (query) {
      const data = stepData.unpack(query.data);
      if (!data) return conversation.halt({ next: true });
      if (data.step === cancelStep) {
        await ctx.answerCallbackQuery();
        await show(ctx, ctx.t("habit-flow-cancelled"));
        return conversation.halt();
      }
      if (data.step !== step) {
        await ctx.answerCallbackQuery(ctx.t("error-stale-button"));
        continue;
      }
      return { kind: "button", value: data.value, ctx };
    }
    const message = ctx.message;
    if (message?.text !== undefined) {
      if (message.entities?.some((entity) => entity.type === "bot_command" && entity.offset === 0))
        return conversation.halt({ next: true });
      return { kind: "text", text: message.text, ctx };
    }
    if (message) {
      await ctx.reply(ctx.t("habit-flow-text-only"));
      continue;
    }
    return conversation.skip({ next: true });
  }
}

function stepKeyboard(ctx: FlowContext, step: string, rows: Row[], skippable: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const row of rows) {
    for (const [label, value] of row) keyboard.text(label, stepData.pack({ step, value }));
    keyboard.row();
  }
  if (skippable) keyboard.text(ctx.t("habit-button-skip"), stepData.pack({ step, value: skipValue }));
  return keyboard.text(ctx.t("habit-button-cancel"), stepData.pack({ step: cancelStep, value: "cancel" }));
}

/** Shows a step, then handles answers until one is accepted. Wrong ones are explained and asked again. */
async function runStep<T>(
  conversation: HabitConversation,
  ctx: FlowContext,
  flow: FlowSettings,
  step: Step<T>,
  notice?: string,
): Promise<{ value: T; ctx: FlowContext }> {
  const skippable = flow.skippable && step.skippable !== false;
  let screen = ctx;
  let pending = notice;
  for (;;) {
    const text = [pending, `${flow.title(screen)}\n${step.prompt(screen)}`].filter(Boolean).join("\n\n");
    const prompt = await present(screen, text, stepKeyboard(screen, step.id, step.rows(screen), skippable));
    for (;;) {
      const answer = await waitAnswer(conversation, step.id);
      // Answered by text: the prompt's buttons go, so only the current prompt offers any.
      if (answer.kind === "text") await clearButtons(answer.ctx, prompt);
      if (answer.kind === "button" && answer.value === skipValue) {
        if (!skippable) {
          await answer.ctx.answerCallbackQuery(answer.ctx.t("error-stale-button"));
          continue;
        }
        await answer.ctx.answerCallbackQuery();
        return { value: step.current, ctx: answer.ctx };
      }
      const outcome = await step.handle(answer);
      if ("toast" in outcome) {
        await answer.ctx.answerCallbackQuery(outcome.toast);
        continue;
      }
      if (answer.kind === "button") await answer.ctx.answerCallbackQuery();
      if ("done" in outcome) return { value: outcome.done, ctx: answer.ctx };
      screen = answer.ctx;
      pending = "notice" in outcome ? outcome.notice : undefined;
      break;
    }
  }
}

/** The core's verdict on the draft with one change, limited to the given fields. */
function problemsWith(ctx: FlowContext, draft: HabitDraft, change: HabitInput, fields: string[]): string | undefined {
  const result = validateHabit({ ...draftInput(draft), ...change });
  if (result.ok) return undefined;
  const relevant = result.errors.filter((error) =>
    fields.some((field) => error.field === field || error.field.startsWith(`${field}.`)),
  );
  return relevant.length > 0 ? relevant.map((error) => fieldErrorText(ctx, error)).join("\n") : undefined;
}

/** A typed whole number ("12"), or undefined for anything else. */
function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** Text that is a number, if not a whole one or not a small one: "-1", "+3", "2.5", "2,5", "1000000". */
const isNumeral = (text: string) => /^[-+−]?\d+(?:[.,]\d+)?$/.test(text.trim());

/** "7:30", "07:30" or "7.30" → "07:30"; undefined when it is not a time of day. */
function timeOfDay(text: string): string | undefined {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text);
  if (!match) return undefined;
  const time = `${(match[1] ?? "").padStart(2, "0")}:${match[2]}`;
  return isLocalTime(time) ? time : undefined;
}

const withCurrent = (ctx: FlowContext, flow: FlowSettings, prompt: string, current: string) =>
  flow.skippable ? `${prompt}\n${ctx.t("habit-current", { value: current })}` : prompt;

const stale = (ctx: FlowContext): Outcome<never> => ({ toast: ctx.t("error-stale-button") });
const useButtons = (ctx: FlowContext): Outcome<never> => ({ notice: ctx.t("habit-flow-use-buttons") });

/**
 * A number from buttons or typed, checked by the core on `field`. `range` is only for the messages
 * about text that is not a whole number we can take (a word, "-1", "2.5").
 */
function numberAnswer(
  answer: Answer,
  draft: HabitDraft,
  range: { min: number; max: number },
  change: (value: number) => HabitInput,
  field: string,
): Outcome<number> {
  const raw = answer.kind === "button" ? answer.value : answer.text;
  const value = wholeNumber(raw);
  if (value === undefined) {
    if (answer.kind === "button") return stale(answer.ctx);
    if (raw.trim() === "") return { notice: fieldErrorText(answer.ctx, { field, code: "required" }) };
    const numeral = isNumeral(raw);
    const input = quoteInput(raw);
    return {
      notice: answer.ctx.t(numeral ? "habit-error-number-range" : "habit-error-not-number", { input, ...range }),
    };
  }
  const problem = problemsWith(answer.ctx, draft, change(value), [field]);
  return problem ? { notice: problem } : { done: value };
}

const numberRow = (values: number[]): Row => values.map((value) => [String(value), String(value)]);

const askName: StepFunction = async (conversation, ctx, flow, draft, notice) => {
  const { value, ctx: next } = await runStep(
    conversation,
    ctx,
    flow,
    {
      id: "name",
      current: draft.name,
      prompt: (c) => withCurrent(c, flow, c.t("habit-ask-name"), `<b>${escapeHtml(draft.name)}</b>`),
      rows: () => [],
      handle(answer) {
        if (answer.kind === "button") return stale(answer.ctx);
        // As the core will store it (one line, nothing invisible), so the summary shows it so too.
        const name = singleLineName(answer.text);
        const problem = problemsWith(answer.ctx, draft, { name }, ["name"]);
        if (problem) return { notice: problem };
        if (flow.takenNames.includes(nameKey(name)))
          return { notice: answer.ctx.t("habit-error-name-taken", { name: escapeHtml(name) }) };
        return { done: name };
      },
    },
    notice,
  );
  return { draft: { ...draft, name: value }, ctx: next };
};

type Schedule = Pick<HabitDraft, "frequency" | "exemptWeekdays">;
const scheduleKinds = ["daily", "weekdays", "days", "weekly", "monthly"] as const;
type ScheduleKind = (typeof scheduleKinds)[number];

const askSchedule: StepFunction = async (conversation, ctx, flow, draft, notice) => {
  const current: Schedule = { frequency: draft.frequency, exemptWeekdays: draft.exemptWeekdays };
  const kind = await runStep<ScheduleKind | "keep">(
    conversation,
    ctx,
    flow,
    {
      id: "schedule",
      current: "keep",
      prompt: (c) => withCurrent(c, flow, c.t("habit-ask-schedule"), habitDetails(c, draft)[0] ?? ""),
      rows: (c) => [
        [[c.t("habit-button-daily"), "daily"]],
        [[c.t("habit-button-weekdays"), "weekdays"]],
        [[c.t("habit-button-days"), "days"]],
        [
          [c.t("habit-button-weekly"), "weekly"],
          [c.t("habit-button-monthly"), "monthly"],
        ],
      ],
      handle(answer) {
        if (answer.kind === "text") return useButtons(answer.ctx);
        const chosen = scheduleKinds.find((item) => item === answer.value);
        return chosen ? { done: chosen } : stale(answer.ctx);
      },
    },
    notice,
  );
  const daily = (exemptWeekdays: number[]): Schedule => ({
    frequency: { type: "daily", timesPerPeriod: 1 },
    exemptWeekdays,
  });
  let schedule: { value: Schedule; ctx: FlowContext };
  switch (kind.value) {
    case "keep":
      schedule = { value: current, ctx: kind.ctx };
      break;
    case "daily":
      schedule = { value: daily([]), ctx: kind.ctx };
      break;
    case "weekdays":
      schedule = { value: daily([...weekendDays]), ctx: kind.ctx };
      break;
    case "days":
      schedule = await askDays(conversation, kind.ctx, flow, draft);
      break;
    default:
      schedule = await askTimes(conversation, kind.ctx, flow, draft, kind.value);
  }
  return { draft: { ...draft, ...schedule.value }, ctx: schedule.ctx };
};

/** Custom days: toggle the days the habit is due, then Done. */
function askDays(conversation: HabitConversation, ctx: FlowContext, flow: FlowSettings, draft: HabitDraft) {
  const isCustom = draft.frequency.type === "daily" && draft.exemptWeekdays.length > 0;
  const due: number[] = isCustom ? isoWeekdays.filter((day) => !draft.exemptWeekdays.includes(day)) : [];
  const dayButton = (c: FlowContext, day: number): [string, string] => [
    `${due.includes(day) ? "✅ " : ""}${c.t(`habit-day-${day}`)}`,
    String(day),
  ];
  return runStep<Schedule>(conversation, ctx, flow, {
    id: "days",
    current: { frequency: draft.frequency, exemptWeekdays: draft.exemptWeekdays },
    prompt: (c) => c.t("habit-ask-days"),
    rows: (c) => [
      [1, 2, 3, 4].map((day) => dayButton(c, day)),
      [5, 6, 7].map((day) => dayButton(c, day)),
      [[c.t("habit-button-done"), "done"]],
    ],
    handle(answer) {
      if (answer.kind === "text") return useButtons(answer.ctx);
      if (answer.value === "done") {
        if (due.length === 0) return { toast: answer.ctx.t("habit-days-none") };
        const exemptWeekdays = isoWeekdays.filter((day) => !due.includes(day));
        const change = { frequency: { type: "daily", timesPerPeriod: 1 }, exemptWeekdays };
        const problem = problemsWith(answer.ctx, draft, change, ["exemptWeekdays"]);
        return problem
          ? { notice: problem }
          : { done: { frequency: { type: "daily", timesPerPeriod: 1 }, exemptWeekdays } };
      }
      const day = isoWeekdays.find((item) => String(item) === answer.value);
      if (day === undefined) return stale(answer.ctx);
      if (due.includes(day)) due.splice(due.indexOf(day), 1);
      else due.push(day);
      due.sort((a, b) => a - b);
      return { again: true };
    },
  });
}

/** N times a week (1–7) or a month (1–31). */
async function askTimes(
  conversation: HabitConversation,
  ctx: FlowContext,
  flow: FlowSettings,
  draft: HabitDraft,
  type: "weekly" | "monthly",
): Promise<{ value: Schedule; ctx: FlowContext }> {
  const max = type === "weekly" ? 7 : 31;
  const times = await runStep<number | "keep">(conversation, ctx, flow, {
    id: type,
    current: "keep",
    prompt: (c) => c.t(`habit-ask-times-${type}`),
    rows: () =>
      type === "weekly"
        ? [numberRow([1, 2, 3, 4, 5, 6, 7])]
        : [numberRow([1, 2, 3, 4, 5]), numberRow([8, 10, 12, 15, 20])],
    handle: (answer) =>
      numberAnswer(
        answer,
        draft,
        { min: 1, max },
        (timesPerPeriod) => ({ frequency: { type, timesPerPeriod }, exemptWeekdays: [] }),
        "frequency",
      ),
  });
  const value: Schedule =
    times.value === "keep"
      ? { frequency: draft.frequency, exemptWeekdays: draft.exemptWeekdays }
      : { frequency: { type, timesPerPeriod: times.value }, exemptWeekdays: [] };
  return { value, ctx: times.ctx };
}

/** Grace days: due days that may be missed without breaking the streak. Daily habits only. */
const askGrace: StepFunction = async (conversation, ctx, flow, draft, notice) => {
  if (draft.frequency.type !== "daily") return { draft: { ...draft, allowedSkipDays: 0 }, ctx };
  const { value, ctx: next } = await runStep(
    conversation,
    ctx,
    flow,
    {
      id: "grace",
      current: draft.allowedSkipDays,
      prompt: (c) => withCurrent(c, flow, c.t("habit-ask-grace"), String(draft.allowedSkipDays)),
      rows: () => [numberRow([0, 1, 2, 3])],
      handle: (answer) =>
        numberAnswer(answer, draft, { min: 0, max: 7 }, (allowedSkipDays) => ({ allowedSkipDays }), "allowedSkipDays"),
    },
    notice,
  );
  return { draft: { ...draft, allowedSkipDays: value }, ctx: next };
};

const askWeight: StepFunction = async (conversation, ctx, flow, draft, notice) => {
  const { value, ctx: next } = await runStep(
    conversation,
    ctx,
    flow,
    {
      id: "weight",
      current: draft.weight,
      prompt: (c) => withCurrent(c, flow, c.t("habit-ask-weight"), String(draft.weight)),
      rows: () => [numberRow([5, 10, 20, 50])],
      handle: (answer) => numberAnswer(answer, draft, { min: 1, max: 100 }, (weight) => ({ weight }), "weight"),
    },
    notice,
  );
  return { draft: { ...draft, weight: value }, ctx: next };
};

const presetTimes = ["08:00", "12:00", "20:00"];

/** Reminder times: presets toggle, typed times add (several at once), then Done or No reminders. */
const askReminders: StepFunction = async (conversation, ctx, flow, draft, notice) => {
  const chosen = draft.reminders.map((reminder) => ({ ...reminder }));
  const has = (time: string) => chosen.some((reminder) => reminder.time === time);
  /** The reminders with these added, or the core's objection (more than five...). */
  const withAdded = (c: FlowContext, times: string[]): Outcome<never> | undefined => {
    const next = [...chosen, ...times.filter((time) => !has(time)).map((time) => ({ time, weekdays: [] }))];
    const problem = problemsWith(c, draft, { reminders: next }, ["reminders"]);
    if (problem) return { notice: problem };
    chosen.splice(0, chosen.length, ...next.sort((a, b) => a.time.localeCompare(b.time)));
    return undefined;
  };
  const { value, ctx: next } = await runStep(
    conversation,
    ctx,
    flow,
    {
      id: "reminders",
      current: draft.reminders,
      prompt: (c) =>
        `${c.t("habit-ask-reminders")}\n${c.t("habit-reminders-chosen", { times: describeReminders(c, chosen) })}`,
      rows: (c) => [
        presetTimes.map((time): [string, string] => [`${has(time) ? "✅ " : ""}${time}`, time]),
        [
          [c.t("habit-button-no-reminders"), "none"],
          [c.t("habit-button-done"), "done"],
        ],
      ],
      handle(answer) {
        const c = answer.ctx;
        if (answer.kind === "text") {
          const words = answer.text.split(/[\s,;]+/).filter(Boolean);
          const times = words.map(timeOfDay);
          const wrong = words.find((_, index) => times[index] === undefined);
          if (words.length === 0) return { notice: fieldErrorText(c, { field: "reminders", code: "required" }) };
          // With no time in it at all, the whole answer is quoted ("7 30" is one time mistyped, not
          // two); otherwise the word that is not a time ("07:00 7:3O").
          const quoted = times.some((time) => time !== undefined) ? (wrong ?? "") : answer.text;
          if (wrong !== undefined) return { notice: c.t("habit-error-time", { input: quoteInput(quoted) }) };
          return withAdded(c, times as string[]) ?? { again: true };
        }
        if (answer.value === "none") return { done: [] };
        if (answer.value === "done") return { done: chosen };
        if (!presetTimes.includes(answer.value)) return stale(c);
        if (has(answer.value)) {
          chosen.splice(
            chosen.findIndex((reminder) => reminder.time === answer.value),
            1,
          );
          return { again: true };
        }
        const refused = withAdded(c, [answer.value]);
        return refused && "notice" in refused ? { toast: stripTags(refused.notice) } : { again: true };
      },
    },
    notice,
  );
  return { draft: { ...draft, reminders: value }, ctx: next };
};

/** Callback answers are plain text. */
const stripTags = (html: string) => html.replace(/<[^>]*>/g, "");

/** The summary with Save (and Cancel); returns the Save tap. */
async function confirmSummary(
  conversation: HabitConversation,
  ctx: FlowContext,
  flow: FlowSettings,
  draft: HabitDraft,
  notice?: string,
): Promise<FlowContext> {
  const saved = await runStep(
    conversation,
    ctx,
    flow,
    {
      id: "summary",
      current: false,
      skippable: false,
      prompt: (c) =>
        [
          c.t("habit-summary"),
          c.t("habit-line-name", { name: escapeHtml(draft.name) }),
          ...habitDetails(c, draft),
        ].join("\n"),
      rows: (c) => [[[c.t("habit-button-save"), "save"]]],
      handle(answer) {
        if (answer.kind === "text") return useButtons(answer.ctx);
        return answer.value === "save" ? { done: true } : stale(answer.ctx);
      },
    },
    notice,
  );
  return saved.ctx;
}

const habitSteps: StepFunction[] = [askName, askSchedule, askGrace, askWeight, askReminders];

/** The screen after a save: open the habit, the list, or the menu. */
function savedKeyboard(ctx: FlowContext, habitId: string): InlineKeyboard {
  return InlineKeyboard.from([
    [InlineKeyboard.text(ctx.t("habit-button-open"), habitData.pack({ action: "card", habit: habitId }))],
    [menuButton(ctx, "habits"), menuButton(ctx, "main", "habit-button-menu")],
  ]);
}

/**
 * Both flows: every step from the draft, the summary, then `save` (a core call, run as an
 * external). A refused save goes back to the step that can fix it, then to the summary again.
 */
export async function runHabitFlow(
  conversation: HabitConversation,
  start: StepState,
  flow: FlowSettings,
  save: (draft: HabitDraft) => Promise<SaveOutcome>,
  savedKey: "habit-created" | "habit-updated",
): Promise<void> {
  let state = start;
  for (const step of habitSteps) state = await step(conversation, state.ctx, flow, state.draft);
  for (;;) {
    const { draft } = state;
    const screen = await confirmSummary(conversation, state.ctx, flow, draft);
    const saved = await conversation.external(() => save(draft));
    if (saved.ok) {
      await show(screen, screen.t(savedKey, { name: escapeHtml(saved.name) }), savedKeyboard(screen, saved.id));
      return;
    }
    if (saved.reason === "limit_reached") {
      await show(
        screen,
        screen.t(saved.limit === "tags" ? "tags-limit-reached" : "habit-limit-reached", { max: saved.max }),
      );
      return;
    }
    const fixed = await fixRefusal(conversation, screen, flow, draft, saved);
    if (!fixed) {
      await show(screen, screen.t(saved.reason === "not_found" ? "habit-gone" : "habit-save-failed"));
      return;
    }
    state = fixed;
  }
}

/** What a save returned, as plain data (it is stored with the conversation). */
export type SaveOutcome =
  | { ok: true; id: string; name: string }
  | { ok: false; reason: "invalid"; errors: FieldError[] }
  | { ok: false; reason: "limit_reached"; limit: string; max: number }
  | { ok: false; reason: "name_taken" | "not_found" };

export function saveOutcome(result: Result<{ id: string; name: string }, HabitWriteFailure>): SaveOutcome {
  if (result.ok) return { ok: true, id: result.value.id, name: result.value.name };
  if (result.reason === "invalid") return { ok: false, reason: "invalid", errors: [...result.errors] };
  if (result.reason === "limit_reached") {
    return { ok: false, reason: "limit_reached", limit: result.limit.name, max: result.limit.max };
  }
  // The flow's steps keep the lists within their limits (validateHabit): too_many_items cannot come.
  return { ok: false, reason: result.reason === "too_many_items" ? "not_found" : result.reason };
}

const stepForField: Record<string, StepFunction> = {
  name: askName,
  frequency: askSchedule,
  exemptWeekdays: askSchedule,
  allowedSkipDays: askGrace,
  weight: askWeight,
  reminders: askReminders,
};

/**
 * A refused save goes back to the step that can fix it (a name taken meanwhile: the name), with
 * the reason; undefined when no step can (the habit is gone).
 */
async function fixRefusal(
  conversation: HabitConversation,
  ctx: FlowContext,
  flow: FlowSettings,
  draft: HabitDraft,
  refusal: Exclude<SaveOutcome, { ok: true }>,
): Promise<StepState | undefined> {
  if (refusal.reason === "name_taken") {
    const taken = { ...flow, takenNames: [...flow.takenNames, nameKey(draft.name)] };
    return askName(conversation, ctx, taken, draft, ctx.t("habit-error-name-taken", { name: escapeHtml(draft.name) }));
  }
  if (refusal.reason !== "invalid") return undefined;
  const step = refusal.errors.map((error) => stepForField[error.field.split(".")[0] ?? ""]).find(Boolean);
  if (!step) return undefined;
  const notice = refusal.errors.map((error) => fieldErrorText(ctx, error)).join("\n");
  return step(conversation, ctx, flow, draft, notice);
}
