// Audit rows are written with the transaction client of the change they record, so a change and
// its row commit or roll back together (never an audit row for something that did not happen, nor a
// change without its row).
import type { Prisma } from '../../generated/prisma/sqlite/client.ts'
import { actorUserId, type Actor } from '../auth/permissions.server.ts'

export interface AuditEntry {
  actor: Actor
  action: string
  entity: string
  entityId: string | number
  detail?: unknown
  requestId?: string | null
}

export async function recordAudit(tx: Pick<Prisma.TransactionClient, 'auditLog'>, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorUserId: actorUserId(entry.actor),
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      requestId: entry.requestId ?? null,
    },
  })
}
