// The demo organization's records: varied on purpose (two practices in two time zones, Medicare and commercial
// payers, a child with a parent guarantor, secondary coverage, terminated coverage, several visit types).
import { npiCheckDigit } from '@revcycle/core';

/** A Luhn-valid NPI from a 9-digit stem, so the demo passes the same checks as real data. */
export function npi(stem: string): string {
  return `${stem}${npiCheckDigit(stem)}`;
}

export const DEMO_ORGANIZATION_NAME = 'Demo Health Partners';

export const practices = [
  {
    key: 'austin',
    name: 'Riverbend Family Medicine',
    npi: npi('132456789'),
    taxId: '741234567',
    taxonomyCode: '207Q00000X',
    addressLine1: '1200 Barton Springs Rd',
    city: 'Austin',
    state: 'TX',
    postalCode: '78704-1521',
    phone: '5125550100',
    timeZone: 'America/Chicago',
  },
  {
    key: 'denver',
    name: 'Front Range Orthopedics',
    npi: npi('145678901'),
    taxId: '841234568',
    taxonomyCode: '207X00000X',
    addressLine1: '4500 E 9th Ave',
    city: 'Denver',
    state: 'CO',
    postalCode: '80220-3702',
    phone: '3035550199',
    timeZone: 'America/Denver',
  },
] as const;

export const providers = [
  {
    practice: 'austin',
    firstName: 'Maria',
    lastName: 'Alvarez',
    credential: 'MD',
    npi: npi('151234567'),
    taxonomyCode: '207Q00000X',
  },
  {
    practice: 'austin',
    firstName: 'James',
    lastName: 'Okafor',
    credential: 'NP',
    npi: npi('162345678'),
    taxonomyCode: '363LF0000X',
  },
  {
    practice: 'denver',
    firstName: 'Priya',
    lastName: 'Raman',
    credential: 'MD',
    npi: npi('173456789'),
    taxonomyCode: '207X00000X',
  },
  {
    practice: 'denver',
    firstName: 'Thomas',
    lastName: 'Berg',
    credential: 'DO',
    npi: npi('184567890'),
    taxonomyCode: '207XS0114X',
  },
] as const;

export const facilities = [
  {
    practice: 'austin',
    name: 'Riverbend Clinic',
    placeOfService: '11',
    addressLine1: '1200 Barton Springs Rd',
    city: 'Austin',
    state: 'TX',
    postalCode: '78704-1521',
  },
  {
    practice: 'denver',
    name: 'Front Range Surgery Center',
    placeOfService: '24',
    npi: npi('195678901'),
    addressLine1: '4550 E 9th Ave',
    city: 'Denver',
    state: 'CO',
    postalCode: '80220-3702',
  },
] as const;

export const payers = [
  {
    key: 'medicare',
    name: 'Medicare Part B (Novitas JH)',
    payerIdentifier: '04412',
    claimFilingIndicator: 'MB',
    timelyFilingDays: 365,
    appealWindowDays: 120,
  },
  {
    key: 'bcbs',
    name: 'Blue Cross Blue Shield of Texas',
    payerIdentifier: '84980',
    claimFilingIndicator: 'BL',
    timelyFilingDays: 180,
    appealWindowDays: 180,
  },
  {
    key: 'aetna',
    name: 'Aetna',
    payerIdentifier: '60054',
    claimFilingIndicator: 'CI',
    timelyFilingDays: 120,
    appealWindowDays: 180,
  },
  {
    key: 'uhc',
    name: 'UnitedHealthcare',
    payerIdentifier: '87726',
    claimFilingIndicator: 'CI',
    timelyFilingDays: 90,
    appealWindowDays: 180,
  },
  {
    key: 'medicaid',
    name: 'Colorado Medicaid (Health First Colorado)',
    payerIdentifier: 'COMCD',
    claimFilingIndicator: 'MC',
    timelyFilingDays: 365,
    appealWindowDays: 60,
  },
] as const;

type PayerKey = (typeof payers)[number]['key'];

export interface DemoPatient {
  practice: 'austin' | 'denver';
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: 'FEMALE' | 'MALE' | 'UNKNOWN';
  addressLine1: string;
  city: string;
  state: string;
  postalCode: string;
  mobilePhone?: string;
  email?: string;
  preferredChannel: 'MAIL' | 'EMAIL' | 'SMS' | 'PHONE';
  smsOptOut?: boolean;
  /** A parent who owes the bill instead of the (minor) patient. */
  guarantor?: { firstName: string; lastName: string; relationship: 'PARENT' | 'LEGAL_GUARDIAN' };
  coverages: Array<{
    payer: PayerKey;
    memberId: string;
    groupNumber?: string;
    subscriberRelationship?: 'SELF' | 'CHILD' | 'SPOUSE';
    terminationDate?: string;
  }>;
}

export const patients: DemoPatient[] = [
  {
    practice: 'austin',
    firstName: 'Dorothy',
    lastName: 'Hughes',
    dateOfBirth: '1948-03-22',
    sex: 'FEMALE',
    addressLine1: '88 Pecan St',
    city: 'Austin',
    state: 'TX',
    postalCode: '78702',
    preferredChannel: 'MAIL',
    coverages: [
      { payer: 'medicare', memberId: '1EG4TE5MK73' },
      { payer: 'bcbs', memberId: 'XOD882341901', groupNumber: 'MEDSUP1' },
    ],
  },
  {
    practice: 'austin',
    firstName: 'Luis',
    lastName: 'Ramirez',
    dateOfBirth: '1979-11-02',
    sex: 'MALE',
    addressLine1: '4100 Manchaca Rd Apt 12',
    city: 'Austin',
    state: 'TX',
    postalCode: '78704',
    mobilePhone: '5125550133',
    email: 'luis.ramirez@example.com',
    preferredChannel: 'SMS',
    coverages: [{ payer: 'bcbs', memberId: 'XOD771230045', groupNumber: '120045' }],
  },
  {
    practice: 'austin',
    firstName: 'Emma',
    lastName: 'Nguyen',
    dateOfBirth: '2015-06-30',
    sex: 'FEMALE',
    addressLine1: '2301 S Lamar Blvd',
    city: 'Austin',
    state: 'TX',
    postalCode: '78704',
    preferredChannel: 'EMAIL',
    email: 'tran.nguyen@example.com',
    guarantor: { firstName: 'Tran', lastName: 'Nguyen', relationship: 'PARENT' },
    coverages: [{ payer: 'aetna', memberId: 'W123456789', groupNumber: '0883920', subscriberRelationship: 'CHILD' }],
  },
  {
    practice: 'austin',
    firstName: 'Robert',
    lastName: 'Carter',
    dateOfBirth: '1956-01-15',
    sex: 'MALE',
    addressLine1: '9 Rainey St',
    city: 'Austin',
    state: 'TX',
    postalCode: '78701',
    mobilePhone: '5125550177',
    preferredChannel: 'PHONE',
    coverages: [{ payer: 'medicare', memberId: '3HU7RT2PQ41' }],
  },
  {
    practice: 'austin',
    firstName: 'Aisha',
    lastName: 'Bello',
    dateOfBirth: '1991-08-09',
    sex: 'FEMALE',
    addressLine1: '1500 E 6th St',
    city: 'Austin',
    state: 'TX',
    postalCode: '78702',
    mobilePhone: '5125550188',
    email: 'aisha.b@example.com',
    preferredChannel: 'EMAIL',
    smsOptOut: true,
    coverages: [{ payer: 'uhc', memberId: '923847561', groupNumber: '705214' }],
  },
  {
    practice: 'austin',
    firstName: 'Kevin',
    lastName: 'Walsh',
    dateOfBirth: '1985-12-24',
    sex: 'MALE',
    addressLine1: '7600 Burnet Rd',
    city: 'Austin',
    state: 'TX',
    postalCode: '78757',
    preferredChannel: 'MAIL',
    coverages: [{ payer: 'aetna', memberId: 'W998877665', groupNumber: '0556210', terminationDate: '2025-12-31' }],
  },
  {
    practice: 'austin',
    firstName: 'Sofia',
    lastName: 'Petrov',
    dateOfBirth: '2001-04-17',
    sex: 'FEMALE',
    addressLine1: '300 W 38th St',
    city: 'Austin',
    state: 'TX',
    postalCode: '78705',
    email: 'sofia.petrov@example.com',
    preferredChannel: 'EMAIL',
    coverages: [],
  },
  {
    practice: 'denver',
    firstName: 'Harold',
    lastName: 'Jensen',
    dateOfBirth: '1944-09-05',
    sex: 'MALE',
    addressLine1: '1420 Krameria St',
    city: 'Denver',
    state: 'CO',
    postalCode: '80220',
    preferredChannel: 'MAIL',
    coverages: [{ payer: 'medicare', memberId: '5TW9QP3LR22' }],
  },
  {
    practice: 'denver',
    firstName: 'Grace',
    lastName: 'Kim',
    dateOfBirth: '1972-02-28',
    sex: 'FEMALE',
    addressLine1: '55 S Clarkson St',
    city: 'Denver',
    state: 'CO',
    postalCode: '80209',
    mobilePhone: '3035550111',
    preferredChannel: 'SMS',
    coverages: [
      { payer: 'uhc', memberId: '118273645', groupNumber: '902311' },
      { payer: 'aetna', memberId: 'W554433221', groupNumber: '0910022', subscriberRelationship: 'SPOUSE' },
    ],
  },
  {
    practice: 'denver',
    firstName: 'Mateo',
    lastName: 'Silva',
    dateOfBirth: '2010-10-10',
    sex: 'MALE',
    addressLine1: '3300 W Colfax Ave',
    city: 'Denver',
    state: 'CO',
    postalCode: '80204',
    preferredChannel: 'PHONE',
    mobilePhone: '7205550123',
    guarantor: { firstName: 'Camila', lastName: 'Silva', relationship: 'PARENT' },
    coverages: [{ payer: 'medicaid', memberId: 'C448291', subscriberRelationship: 'CHILD' }],
  },
  {
    practice: 'denver',
    firstName: 'Nora',
    lastName: 'Fitzgerald',
    dateOfBirth: '1966-07-19',
    sex: 'FEMALE',
    addressLine1: '800 Pearl St',
    city: 'Denver',
    state: 'CO',
    postalCode: '80203',
    email: 'nora.fitz@example.com',
    preferredChannel: 'EMAIL',
    coverages: [{ payer: 'bcbs', memberId: 'ZGP450019823', groupNumber: '33801' }],
  },
  {
    practice: 'denver',
    firstName: 'Samuel',
    lastName: 'Osei',
    dateOfBirth: '1988-05-03',
    sex: 'MALE',
    addressLine1: '2100 Blake St Unit 4',
    city: 'Denver',
    state: 'CO',
    postalCode: '80205',
    mobilePhone: '7205550190',
    preferredChannel: 'SMS',
    coverages: [{ payer: 'aetna', memberId: 'W776655443', groupNumber: '0734400' }],
  },
];

/** The charge master: typical office, orthopedic and lab services, in cents. */
export const chargeMaster: Array<[code: string, cents: number]> = [
  ['99202', 12500],
  ['99203', 18500],
  ['99213', 13500],
  ['99214', 19500],
  ['99215', 27000],
  ['99396', 24000],
  ['36415', 2500],
  ['80053', 6500],
  ['85025', 4200],
  ['83036', 5200],
  ['90686', 4800],
  ['G0008', 3500],
  ['73560', 11000],
  ['20610', 21000],
  ['J1030', 1800],
  ['29881', 325000],
  ['97110', 9500],
  ['L1820', 16500],
];

/** Visits: [patient index, days before today, provider index, place of service, diagnoses, lines]. */
export const encounters: Array<{
  patient: number;
  daysAgo: number;
  provider: number;
  placeOfService: string;
  diagnoses: string[];
  lines: Array<{ code: string; modifiers?: string[]; units?: number; pointers: number[] }>;
}> = [
  {
    patient: 0,
    daysAgo: 40,
    provider: 0,
    placeOfService: '11',
    diagnoses: ['E119', 'I10'],
    lines: [
      { code: '99214', pointers: [1, 2] },
      { code: '83036', pointers: [1] },
      { code: '36415', pointers: [1] },
    ],
  },
  {
    patient: 1,
    daysAgo: 25,
    provider: 1,
    placeOfService: '11',
    diagnoses: ['J069'],
    lines: [{ code: '99213', pointers: [1] }],
  },
  {
    patient: 2,
    daysAgo: 12,
    provider: 0,
    placeOfService: '11',
    diagnoses: ['Z00129', 'Z23'],
    lines: [
      { code: '99396', pointers: [1] },
      { code: '90686', pointers: [2] },
      { code: 'G0008', pointers: [2] },
    ],
  },
  {
    patient: 3,
    daysAgo: 70,
    provider: 0,
    placeOfService: '11',
    diagnoses: ['I10', 'E785'],
    lines: [
      { code: '99215', modifiers: ['25'], pointers: [1, 2] },
      { code: '80053', pointers: [1] },
    ],
  },
  {
    patient: 4,
    daysAgo: 5,
    provider: 1,
    placeOfService: '11',
    diagnoses: ['R519'],
    lines: [{ code: '99203', pointers: [1] }],
  },
  {
    patient: 7,
    daysAgo: 33,
    provider: 2,
    placeOfService: '11',
    diagnoses: ['M170', 'M25561'],
    lines: [
      { code: '99214', modifiers: ['25'], pointers: [1, 2] },
      { code: '20610', modifiers: ['RT'], pointers: [1] },
      { code: 'J1030', units: 4, pointers: [1] },
    ],
  },
  {
    patient: 8,
    daysAgo: 18,
    provider: 3,
    placeOfService: '24',
    diagnoses: ['S83241A'],
    lines: [{ code: '29881', modifiers: ['LT'], pointers: [1] }],
  },
  {
    patient: 9,
    daysAgo: 9,
    provider: 2,
    placeOfService: '11',
    diagnoses: ['S93401A'],
    lines: [
      { code: '99203', pointers: [1] },
      { code: '73560', modifiers: ['RT'], pointers: [1] },
      { code: 'L1820', modifiers: ['RT'], pointers: [1] },
    ],
  },
  {
    patient: 10,
    daysAgo: 50,
    provider: 2,
    placeOfService: '11',
    diagnoses: ['M5416'],
    lines: [
      { code: '99214', pointers: [1] },
      { code: '97110', units: 2, pointers: [1] },
    ],
  },
  {
    patient: 11,
    daysAgo: 2,
    provider: 3,
    placeOfService: '11',
    diagnoses: ['M7521'],
    lines: [{ code: '99202', pointers: [1] }],
  },
];
