import { ManualClock } from '@revcycle/core';

/**
 * A clock for simulations that starts today at 18:00 UTC — business hours in every continental US zone (13:00
 * Eastern, 10:00 Pacific) — so the daily billing cycle (from 9 a.m. practice time) and contact-hour rules behave
 * the same whenever the suite runs.
 */
export function businessHoursClock(): ManualClock {
  return new ManualClock(new Date(`${new Date().toISOString().slice(0, 10)}T18:00:00Z`));
}
