// What one client may ask of the socket layer. Every incoming call passes here before its handler:
// per socket and per address budgets (rate-limiter-flexible, in memory: a budget per instance), a
// clear error ack when refused, disconnection of a socket that keeps calling after being refused,
// and an error ack for an event nobody handles. Handlers then answer every call through `answer`,
// whatever the argument shapes.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import type { Socket } from 'socket.io'
import type { z } from 'zod'
import type { Logger } from '../../app/config/logger.server.ts'

export interface CallLimits {
  /** Calls one socket may make per `windowSeconds`. */
  perSocket: number
  /** Calls all sockets of one address may make per `windowSeconds` (tablets of a stall share a NAT). */
  perAddress: number
  /** New connections one address may open per `windowSeconds`. */
  connectionsPerAddress: number
  windowSeconds: number
  /** A socket refused this many times in one window is disconnected: it is not listening. */
  refusalsBeforeDisconnect: number
}

export const DEFAULT_CALL_LIMITS: CallLimits = { perSocket: 20, perAddress: 200, connectionsPerAddress: 60, windowSeconds: 10, refusalsBeforeDisconnect: 20 }

type AckResponse = { ok: true; data: unknown } | { ok: false; error: string }
type AckFn = (response: AckResponse) => void

const lastFunction = (args: unknown[]): AckFn | undefined => {
  const last = args.at(-1)
  return typeof last === 'function' ? (last as AckFn) : undefined
}

const retryIn = (rejection: RateLimiterRes) => Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))

export function createCallGuard(limits: CallLimits = DEFAULT_CALL_LIMITS) {
  const duration = limits.windowSeconds
  const perSocket = new RateLimiterMemory({ keyPrefix: 'socket', points: limits.perSocket, duration })
  const perAddress = new RateLimiterMemory({ keyPrefix: 'address', points: limits.perAddress, duration })
  const connections = new RateLimiterMemory({ keyPrefix: 'connect', points: limits.connectionsPerAddress, duration })

  return {
    /** For `io.use`: refuses a connection over the address's budget (the client sees connect_error). */
    async admit(address: string): Promise<string | null> {
      try {
        await connections.consume(address)
        return null
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return `too many connections; try again in ${retryIn(rejection)} s`
        throw rejection
      }
    },

    /** Installs the per-call checks on a connected socket. */
    watch(socket: Socket, address: string, log: Logger) {
      socket.use(([event, ...args], next) => {
        const ack = lastFunction(args)
        Promise.all([perSocket.consume(socket.id), perAddress.consume(address)]).then(
          () => {
            if (socket.listeners(String(event)).length === 0) return ack?.({ ok: false, error: 'unknown event' })
            next()
          },
          (rejection: unknown) => {
            if (!(rejection instanceof RateLimiterRes)) {
              log.error('socket rate limiter failed', { error: rejection })
              return ack?.({ ok: false, error: 'try again later' })
            }
            ack?.({ ok: false, error: `too many requests; try again in ${retryIn(rejection)} s` })
            perSocket.get(socket.id).then(
              (state) => {
                if (state && state.consumedPoints >= limits.perSocket + limits.refusalsBeforeDisconnect) socket.disconnect(true)
              },
              () => {},
            )
          },
        )
      })
      socket.on('disconnect', () => void perSocket.delete(socket.id).catch(() => {}))
    },
  }
}

/**
 * Registers a handler that answers every call: the ack is the last argument whatever came before
 * it (no payload, several payloads), a payload failing `schema` gets `invalid payload: …`, a
 * socket may have at most `maxInFlight` of these calls running, and a failure is logged and
 * answered. A call without an ack has nobody to answer and is ignored.
 */
export function answer<S extends z.ZodType>(
  socket: Socket,
  event: string,
  schema: S,
  handle: (payload: z.output<S>) => Promise<AckResponse> | AckResponse,
  { log, maxInFlight = Infinity }: { log: Logger; maxInFlight?: number },
) {
  let inFlight = 0
  socket.on(event, async (...args: unknown[]) => {
    const ack = lastFunction(args)
    if (!ack) return
    const payloads = args.slice(0, -1)
    if (payloads.length !== 1) return ack({ ok: false, error: `invalid payload: expected one payload, got ${payloads.length}` })
    const parsed = schema.safeParse(payloads[0])
    if (!parsed.success) return ack({ ok: false, error: `invalid payload: ${parsed.error.issues[0]?.message ?? 'unknown'}` })
    if (inFlight >= maxInFlight) return ack({ ok: false, error: 'busy: wait for the answer to your previous call' })
    inFlight++
    try {
      ack(await handle(parsed.data))
    } catch (error) {
      log.error(`socket ${event} failed`, { error })
      ack({ ok: false, error: 'failed; try again' })
    } finally {
      inFlight--
    }
  })
}
