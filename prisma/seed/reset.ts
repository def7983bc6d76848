import type { Db } from '../../app/db/client.server.ts'

/** Delete every row, children first (for `db:seed --reset` and tests). */
export async function resetDatabase(db: Db): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.auditLog.deleteMany()
      await tx.settlement.deleteMany()
      await tx.stockMovement.deleteMany()
      await tx.reservation.deleteMany()
      await tx.refundLine.deleteMany()
      await tx.refund.deleteMany()
      await tx.payment.deleteMany()
      await tx.tenderAllocation.deleteMany()
      await tx.tender.deleteMany()
      await tx.saleLine.deleteMany()
      await tx.sale.deleteMany()
      await tx.registerSession.deleteMany()
      await tx.transferLine.deleteMany()
      await tx.transfer.deleteMany()
      await tx.stockLevel.deleteMany()
      await tx.session.deleteMany()
      await tx.posDevice.deleteMany()
      await tx.user.deleteMany()
      await tx.eventEnterprise.deleteMany()
      await tx.eventLocation.deleteMany()
      await tx.event.deleteMany()
      await tx.voucherEligibility.deleteMany()
      await tx.voucherProgramme.deleteMany()
      await tx.salesTargetChannel.deleteMany()
      await tx.salesTarget.deleteMany()
      await tx.productImage.deleteMany()
      await tx.product.deleteMany()
      await tx.category.deleteMany()
      await tx.location.deleteMany()
      await tx.enterprise.deleteMany()
    },
    { timeout: 300_000, maxWait: 30_000 },
  )
}
