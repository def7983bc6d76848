// Child process of the socket-flood benchmark: one anonymous Socket.IO client that keeps
// FLOOD_IN_FLIGHT `inventory:catch-up { since: 0 }` calls in flight (a new one as each answer
// arrives), as the abusive client of the repairs issue did. Reports its rate through IPC.
import { io } from 'socket.io-client'

const url = process.env.FLOOD_URL!
const inFlight = Number(process.env.FLOOD_IN_FLIGHT ?? 20)
const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true })
let answered = 0
let refused = 0
let running = true
const started = performance.now()

function send() {
  if (!running) return
  socket.emit('inventory:catch-up', { since: 0 }, (reply: { ok: boolean }) => {
    if (reply.ok) answered++
    else refused++
    send()
  })
}

socket.once('connect', () => {
  for (let i = 0; i < inFlight; i++) send()
  process.send!({ type: 'ready' })
})
socket.once('connect_error', (error) => process.send!({ type: 'error', message: String(error) }))

process.on('message', (message: { type: string }) => {
  if (message.type !== 'stop') return
  running = false
  const seconds = (performance.now() - started) / 1000
  process.send!({ type: 'report', answeredPerSecond: Math.round(answered / seconds), refusedPerSecond: Math.round(refused / seconds) })
  socket.close()
  setTimeout(() => process.exit(0), 50)
})
