/** A local time of day, `HH:MM` (24-hour). */
export type LocalTime = string;

export function isLocalTime(value: string): value is LocalTime {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** Minutes since local midnight. */
export function minutesOf(time: LocalTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
