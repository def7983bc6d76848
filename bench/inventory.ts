// `npm run bench:inventory`: the inventory engine's figures. Progress goes to stderr; the last line
// on stdout is one JSON object (see docs/inventory.md and the inventory issue for the targets).
import { benchFanout } from './fanout.ts'
import { benchOversell } from './oversell.ts'
import { benchSaleCommit } from './sale-commit.ts'

const saleCommit = await benchSaleCommit(Number(process.env.BENCH_SALES ?? 3000))
console.error('saleCommit', JSON.stringify(saleCommit))
const fanout = await benchFanout({ clients: Number(process.env.BENCH_CLIENTS ?? 1000), rounds: Number(process.env.BENCH_ROUNDS ?? 30) })
console.error('fanout', JSON.stringify(fanout))
const oversell = await benchOversell()
console.error('oversell', JSON.stringify(oversell))
console.log(JSON.stringify({ saleCommit, fanout, oversell }))
process.exit(0)
