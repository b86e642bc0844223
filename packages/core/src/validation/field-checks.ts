import type { FieldError } from '../errors/billing-errors.ts';
import { ValidationError } from '../errors/billing-errors.ts';
import { isCalendarDate } from '../util/calendar-date.ts';
import { isIcd10Cm, isModifier, isNdc, isPlaceOfService, isProcedureCode } from './medical-codes.ts';
import { isValidNpi } from './npi.ts';
import { US_STATE_CODES } from './us-states.ts';

type Path = Array<string | number>;

/** Collects field errors, then throws them together so the caller fixes everything in one round. */
export class FieldChecks {
  readonly errors: FieldError[] = [];

  /** A problem with a field: the message is the field's path, then `reason`. */
  add(path: Path, code: string, reason: string): this {
    return this.addMessage(path, code, `${path.slice(1).join('.') || path.join('.')}: ${reason}`);
  }

  /** A problem whose message the caller words in full (e.g. "Service line 2: …", "line 3, code: …"). */
  addMessage(path: Path, code: string, message: string): this {
    this.errors.push({ path, code, message });
    return this;
  }

  npi(path: Path, value: string | null | undefined): this {
    if (value == null) return this;
    if (!/^\d{10}$/.test(value)) return this.add(path, 'INVALID_NPI', 'an NPI is 10 digits');
    if (!isValidNpi(value)) return this.add(path, 'INVALID_NPI', `${value} fails the NPI check digit`);
    return this;
  }

  taxId(path: Path, value: string): this {
    return /^\d{9}$/.test(value.replace('-', ''))
      ? this
      : this.add(path, 'INVALID_TAX_ID', 'a tax id (EIN) is 9 digits');
  }

  timeZone(path: Path, value: string | null | undefined): this {
    if (value == null) return this;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return value.includes('/') || value === 'UTC'
        ? this
        : this.add(path, 'INVALID_TIME_ZONE', `${value} is not an IANA time zone`);
    } catch {
      return this.add(path, 'INVALID_TIME_ZONE', `${value} is not an IANA time zone`);
    }
  }

  state(path: Path, value: string | null | undefined): this {
    if (value == null) return this;
    return US_STATE_CODES.has(value)
      ? this
      : this.add(path, 'INVALID_STATE', `"${value}" is not a US state or territory code (e.g. TX)`);
  }

  postalCode(path: Path, value: string | null | undefined): this {
    if (value == null) return this;
    return /^\d{5}(-?\d{4})?$/.test(value) ? this : this.add(path, 'INVALID_POSTAL_CODE', 'a ZIP is 5 or 9 digits');
  }

  pastDate(path: Path, value: string | null | undefined, today: string): this {
    if (value == null) return this;
    if (!isCalendarDate(value)) return this.add(path, 'INVALID_DATE', `${value} is not a calendar date`);
    return value > today ? this.add(path, 'DATE_IN_FUTURE', `${value} is in the future`) : this;
  }

  notBlank(path: Path, value: string | null | undefined): this {
    return value != null && value.trim() === '' ? this.add(path, 'REQUIRED', 'must not be blank') : this;
  }

  nonNegative(path: Path, value: number | null | undefined): this {
    return value != null && value < 0 ? this.add(path, 'OUT_OF_RANGE', 'must be 0 or more') : this;
  }

  date(path: Path, value: string | null | undefined): this {
    if (value == null) return this;
    return isCalendarDate(value) ? this : this.add(path, 'INVALID_DATE', `${value} is not a calendar date YYYY-MM-DD`);
  }

  icd10(path: Path, value: string): this {
    return isIcd10Cm(value)
      ? this
      : this.add(path, 'INVALID_ICD10', `"${value}" is not an ICD-10-CM code (e.g. E11.9)`);
  }

  procedureCode(path: Path, value: string): this {
    return isProcedureCode(value)
      ? this
      : this.add(
          path,
          'INVALID_PROCEDURE_CODE',
          `"${value}" is neither a CPT (5 digits, or 4 digits + F/T) nor a HCPCS Level II code (letter + 4 digits)`,
        );
  }

  modifier(path: Path, value: string): this {
    return isModifier(value)
      ? this
      : this.add(path, 'INVALID_MODIFIER', `"${value}" is not a modifier (2 letters or digits)`);
  }

  placeOfService(path: Path, value: string | null | undefined): this {
    if (value == null) return this;
    return isPlaceOfService(value)
      ? this
      : this.add(path, 'INVALID_PLACE_OF_SERVICE', `"${value}" is not a CMS place-of-service code`);
  }

  ndc(path: Path, value: string | null | undefined): this {
    if (value == null) return this;
    return isNdc(value) ? this : this.add(path, 'INVALID_NDC', `"${value}" is not an 11-digit NDC (5-4-2)`);
  }

  positive(path: Path, value: number | null | undefined): this {
    return value != null && !(value > 0) ? this.add(path, 'OUT_OF_RANGE', 'must be more than 0') : this;
  }

  /** Throws a ValidationError when anything was found. */
  throwIfAny(): void {
    if (this.errors.length > 0) throw new ValidationError(this.errors);
  }
}
