/** The only source of "now" in the domain; tests stand on any instant by passing their own. */
export interface Clock {
  now(): Date;
}
