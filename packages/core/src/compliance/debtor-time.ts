import type { Patient } from '../db/prisma-client.ts';
import { STATE_TIME_ZONES, US_TIME_ZONES, timeZonesOfPhone } from './area-code-zones.ts';

/** Every zone the debtor's address plausibly is in: its derived zone, else its state's zones, else all US zones. */
export function addressTimeZones(patient: Pick<Patient, 'timeZone' | 'state'>): readonly string[] {
  if (patient.timeZone) return [patient.timeZone];
  return (patient.state && STATE_TIME_ZONES[patient.state.toUpperCase()]) || US_TIME_ZONES;
}

/** Address zones plus the phone's zones: a call is convenient only if it is convenient in all of them. */
export function plausibleTimeZones(patient: Pick<Patient, 'timeZone' | 'state'>, phone: string | null): string[] {
  return [...new Set([...addressTimeZones(patient), ...(phone ? timeZonesOfPhone(phone) : [])])];
}

/** Wall-clock time in a zone as HH:MM:SS and seconds since local midnight (Intl applies the zone's DST rules). */
export function localClock(at: Date, timeZone: string): { time: string; seconds: number; date: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const [h, m, s] = [Number(parts.hour), Number(parts.minute), Number(parts.second)];
  return {
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    seconds: h * 3600 + m * 60 + s,
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}
