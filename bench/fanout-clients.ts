// Child process of the fan-out benchmark: opens N Socket.IO clients to the server and records, for
// every `inventory:changed` it receives, the wall-clock receipt time (µs precision; same machine
// clock as the parent). Reports through IPC so the parent measures nothing on this side's CPU.
import { io, type Socket } from 'socket.io-client'

const url = process.env.FANOUT_URL!
const cookie = process.env.FANOUT_COOKIE!
const count = Number(process.env.FANOUT_CLIENTS ?? 1000)
const receipts = new Map<number, number[]>()
const sockets: Socket[] = []
const now = () => performance.timeOrigin + performance.now()

let connected = 0
for (let i = 0; i < count; i++) {
  const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true })
  socket.on('inventory:changed', (change: { seq: number }) => {
    const at = now()
    const list = receipts.get(change.seq)
    if (list) list.push(at)
    else receipts.set(change.seq, [at])
  })
  socket.once('connect', () => {
    if (++connected === count) process.send!({ type: 'ready' })
  })
  socket.once('connect_error', (error) => process.send!({ type: 'error', message: String(error) }))
  sockets.push(socket)
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'report') {
    process.send!({ type: 'report', receipts: [...receipts] })
  } else if (message.type === 'close') {
    sockets.forEach((socket) => socket.close())
    process.exit(0)
  }
})
