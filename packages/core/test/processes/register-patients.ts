// Run by sqlite-two-processes.test.ts as a process of its own: opens the API on the SQLite file it is given and
// registers patients, five at a time, then prints how many calls succeeded and the errors of the others.
import { pino } from 'pino';
import { createBillingApi } from '../../src/index.ts';

const [file, organizationId, practiceId, tag, count] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const api = createBillingApi({
  database: `file:${file}`,
  auth: { secret: 'two-processes-secret-two-processes-0123' },
  logger: pino({ level: 'silent' }),
});
const local = api.as({ userId: `process-${tag}`, organizationId, roles: ['frontdesk'] });
const errors: string[] = [];
let ok = 0;
const register = async (n: number) => {
  try {
    await local.createPatient({
      practiceId,
      firstName: `Pat${tag}`,
      lastName: `Doe${n}`,
      dateOfBirth: '1980-04-12',
      sex: 'FEMALE',
      address: { line1: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701' },
    });
    ok++;
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
};
for (let n = 0; n < Number(count); n += 5)
  await Promise.all(Array.from({ length: Math.min(5, Number(count) - n) }, (_, k) => register(n + k)));
await api.close();
console.log(JSON.stringify({ ok, errors }));
