import { builder } from '../builder.ts';
import { decodeId } from '../../ids/global-id.ts';
import { PaymentPlanRef, PlanStatusEnum } from './payment-plan-types.ts';

builder.queryField('paymentPlans', (t) =>
  t.prismaConnection({
    type: PaymentPlanRef,
    cursor: 'id',
    description: 'Payment plans of a practice or a patient’s account, by status.',
    authScopes: { admin: true, biller: true, collector: true, frontdesk: true, auditor: true },
    args: { practiceId: t.arg.id(), patientId: t.arg.id(), status: t.arg({ type: PlanStatusEnum }) },
    resolve: (query, _r, args, ctx) =>
      ctx.db.paymentPlan.findMany({
        ...query,
        where: {
          ...(args.practiceId ? { practiceId: decodeId('Practice', String(args.practiceId), ['practiceId']) } : {}),
          ...(args.patientId ? { patientId: decodeId('Patient', String(args.patientId), ['patientId']) } : {}),
          ...(args.status ? { status: args.status } : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
);
