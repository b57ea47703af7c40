// Small steps most bot tests share.
import type { RandomSource, User } from "@habits/core";
import type { TelegramKit } from "./telegram-kit.js";
import type { TelegramUser } from "./telegram-user.js";

/** The person's account as the core has it (made by their first update). */
export async function accountOf(kit: TelegramKit, user: TelegramUser): Promise<User> {
  const { user: account } = await kit.core.users.fromTelegram({ id: user.id });
  return account;
}

/** /start and a preset time zone: the person is onboarded and sees the main menu. */
export async function onboard(user: TelegramUser, zone = "Europe/Berlin"): Promise<void> {
  await user.command("start");
  await user.pressReplyButton(zone);
}

/** A random source whose roll the test sets: 0 always wins the draw, 0.99 loses it. */
export function settableRandom(roll = 0.99): RandomSource & { set(value: number): void } {
  let current = roll;
  return {
    next: () => current,
    set(value) {
      current = value;
    },
  };
}
