import { builder } from './builder.ts';
import './scalars/index.ts';
import './types/errors.ts';
import './types/address.ts';
import './types/organization.ts';
import './types/practice.ts';
import './types/payer.ts';
import './types/patient.ts';
import './types/audit-event.ts';
import './types/encounter.ts';
import './types/fee-schedule.ts';
import './types/claim.ts';
import './queries.ts';
import './mutations/create-practice.ts';
import './mutations/create-payer.ts';
import './mutations/create-provider.ts';
import './mutations/patients.ts';
import './mutations/coverages.ts';
import './mutations/encounters.ts';
import './mutations/fee-schedules.ts';
import './mutations/claims.ts';
import './claim-queries.ts';
import './mutations/submission.ts';
import './mutations/eligibility.ts';
import './subscriptions.ts';

/** The billing API schema. Static: everything per deployment (db, auth, plugins, limits) lives in the context. */
export const schema = builder.toSchema({ sortSchema: true });
