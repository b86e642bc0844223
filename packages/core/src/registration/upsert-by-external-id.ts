/** The part of a Prisma model delegate the upsert needs. */
interface Delegate<Row> {
  findFirst(args: { where: { externalId: string } }): Promise<Row | null>;
  create(args: { data: never }): Promise<Row>;
  update(args: { where: { id: string }; data: never }): Promise<Row>;
}

/**
 * Vendors send their own ids: creating with an external id that exists updates that record and returns it —
 * never a duplicate. Returns whether the record was created.
 */
export async function upsertByExternalId<Row extends { id: string }>(
  delegate: Delegate<Row>,
  externalId: string | null | undefined,
  create: Record<string, unknown>,
  update: Record<string, unknown>,
): Promise<{ record: Row; created: boolean }> {
  const existing = externalId ? await delegate.findFirst({ where: { externalId } }) : null;
  if (existing)
    return { record: await delegate.update({ where: { id: existing.id }, data: update as never }), created: false };
  return {
    record: await delegate.create({ data: { ...create, externalId: externalId ?? null } as never }),
    created: true,
  };
}
