import { billingClient } from './billing-client.ts';
import { startEhr } from './ehr-app.ts';
import { billADay, claimStatus, setUpPractice } from './practice-day.ts';

// `npm start -w @revcycle/example-ehr-embed`: the EHR on port 4100 (SQLite in ./data), then a day billed from its code.
const ehr = await startEhr({
  database: process.env.DATABASE_URL ?? 'file:./data/ehr-embed.db',
  port: Number(process.env.PORT ?? 4100),
});
const org = await ehr.api.organizations.create({ name: `Meadowlark customer ${new Date().toISOString()}` });
const session = ehr.login({ userId: 'front-desk-1', organizationId: org.id, roles: ['admin'] });
const request = billingClient(`${ehr.url}/billing/graphql`, session);
const ids = await setUpPractice(request);
const day = await billADay(request, ids, new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
await ehr.api.pollPayerConnectors();
const status = await claimStatus(request, day.claimId);
console.log(
  `Billed ${day.totalChargeCents / 100} USD; the claim is ${status.status}; the patient owes ${status.balance.patientCents / 100} USD.`,
);
console.log(`GraphQL under the EHR: ${ehr.url}/billing/graphql (send x-ehr-session: ${session}). Ctrl-C to stop.`);
process.on('SIGINT', () => void ehr.close().then(() => process.exit(0)));
