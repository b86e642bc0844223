/** Where "now" comes from. Everything date-driven in the billing cycle asks the clock, never `new Date()`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told: tests and demos walk an account through months of dunning in seconds. */
export class ManualClock implements Clock {
  #now: number;
  constructor(start: Date = new Date()) {
    this.#now = start.getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(at: Date): void {
    this.#now = at.getTime();
  }
  advanceDays(days: number): Date {
    this.#now += days * 86_400_000;
    return this.now();
  }
}
