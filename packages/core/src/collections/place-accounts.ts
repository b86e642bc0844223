import { randomUUID } from 'node:crypto';
import type {
  CollectionAgency,
  CollectionPlacement,
  Document,
  DunningState,
  Patient,
  Practice,
} from '../db/prisma-client.ts';
import { transaction } from '../db/prisma-client.ts';
import { ConflictError, ValidationError } from '../errors/billing-errors.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { policyOf } from '../patient-billing/billing-policy.ts';
import { accountOf, patientsOf } from '../patient-billing/guarantor-account.ts';
import type { CollectionsExporter, PlacementRecord } from '../plugins/contracts.ts';
import { pluginKey } from '../plugins/contracts.ts';
import { todayIn } from '../util/calendar-date.ts';
import { evaluateCandidate } from './eligibility.ts';
import { placementRecord } from './placement-record.ts';

export function exporterOf(ctx: DomainContext, agency: CollectionAgency): CollectionsExporter {
  const exporter = ctx.plugins.collections.get(agency.exporterKey);
  if (!exporter)
    throw new ConflictError(
      `The agency's exporter "${agency.exporterKey}" is not configured on this server (createBillingApi({ collections }))`,
    );
  return exporter;
}

/**
 * Places accounts with an agency: every account must be eligible today (otherwise nothing is placed and the error
 * names each refused account and why). The exporter writes the placement file from the minimum-necessary records;
 * placements, the file and the accounts' move out of in-house dunning are written in one transaction.
 */
export async function placeWithAgency(
  ctx: DomainContext,
  states: DunningState[],
  agency: CollectionAgency,
): Promise<{ placements: CollectionPlacement[]; records: PlacementRecord[]; files: Document[] }> {
  const exporter = exporterOf(ctx, agency);
  const organization = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.principal.organizationId } });
  const refusals = [];
  const planned: Array<{ state: DunningState; record: PlacementRecord; patient: Patient; practice: Practice }> = [];
  for (const [i, state] of states.entries()) {
    const practice = await ctx.db.practice.findUniqueOrThrow({ where: { id: state.practiceId } });
    const today = todayIn(practice.timeZone, ctx.clock.now());
    const candidate = await evaluateCandidate(ctx, practice, organization, state, today);
    if (!candidate.eligible) {
      refusals.push({
        path: ['input', 'accountIds', i],
        code: 'NOT_ELIGIBLE',
        message: `accountIds.${i}: ${candidate.checks
          .filter((c) => !c.passed)
          .map((c) => `${c.check}: ${c.detail}`)
          .join('; ')}`,
      });
      continue;
    }
    const account = accountOf(state);
    const patients = await patientsOf(ctx.db, account);
    const id = randomUUID().replaceAll('-', '').slice(0, 25);
    const record = await placementRecord(
      ctx.db,
      id,
      practice,
      agency,
      account,
      patients,
      state.sequenceStart,
      candidate.balanceCents,
      today,
      policyOf(practice).dueInDays,
    );
    planned.push({ state, record, patient: patients[0]!, practice });
  }
  if (refusals.length) throw new ValidationError(refusals, 'Some accounts may not be placed; nothing was placed');
  const batchDate = planned[0]?.record.placedOn ?? todayIn('America/New_York', ctx.clock.now());
  const files = await exporter.exportPlacements(
    planned.map((p) => p.record),
    { agencyName: agency.name, batchDate },
  );
  const { placements, documents } = await transaction(ctx.db, async (tx) => {
    const created = [];
    for (const { state, record, patient, practice } of planned) {
      created.push(
        await tx.collectionPlacement.create({
          data: {
            id: record.placementId,
            organizationId: ctx.principal.organizationId,
            practiceId: practice.id,
            patientId: patient.id,
            guarantorId: patient.guarantorId,
            agencyId: agency.id,
            accountKey: state.accountKey,
            exporterId: agency.exporterKey,
            agencyName: agency.name,
            balanceCents: record.balanceCents,
            itemizationDate: record.itemization.itemizationDate,
            itemizationBalanceCents: record.itemization.itemizationBalanceCents,
            firstStatementDate: record.firstStatementDate,
            delinquencyDate: record.delinquencyDate,
            placedAt: ctx.clock.now(),
          },
        }),
      );
      await tx.dunningState.update({
        where: { id: state.id },
        data: {
          status: 'PLACED',
          explanation: `Placed with ${agency.name} on ${record.placedOn} (${record.balanceCents} cents).`,
        },
      });
    }
    const documents = [];
    for (const file of files) {
      documents.push(
        await tx.document.create({
          data: {
            organizationId: ctx.principal.organizationId,
            kind: 'placement-file',
            contentType: file.contentType,
            fileName: file.fileName,
            bytes: Buffer.from(file.bytes),
            rendererKey: pluginKey(exporter),
            agencyId: agency.id,
          },
        }),
      );
    }
    return { placements: created, documents };
  });
  return { placements, records: planned.map((p) => p.record), files: documents };
}
