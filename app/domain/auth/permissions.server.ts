// The one place that decides who may do what. Every loader and action goes through
// requireUser / requirePermission / readProtectedForm; nothing checks roles by hand.
import { data, redirect, type AppLoadContext } from 'react-router'
import type { UserRole } from '../../generated/prisma/sqlite/enums.ts'
import { CSRF_FIELD, isValidCsrf } from './csrf.server.ts'
import { findDevice, getSessionUser, type SessionUser } from './session.server.ts'

export type Permission =
  | 'admin:view' // organizer dashboard
  | 'vendor:view' // an enterprise's own portal
  | 'pos:sell' // ring up sales on a paired device
  | 'stock:manage' // receive, adjust, transfer (vendors: own enterprise only)
  | 'devices:manage' // pair and revoke POS devices

const PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  ORGANIZER: ['admin:view', 'vendor:view', 'pos:sell', 'stock:manage', 'devices:manage'],
  VENDOR: ['vendor:view', 'pos:sell', 'stock:manage'],
  CASHIER: ['pos:sell'],
}

export function can(user: Pick<SessionUser, 'role'>, permission: Permission): boolean {
  return PERMISSIONS[user.role].includes(permission)
}

/** Organizers act on every enterprise; everyone else only on their own. */
function canActForEnterprise(user: Pick<SessionUser, 'role' | 'enterpriseId'>, enterpriseId: number): boolean {
  return user.role === 'ORGANIZER' || user.enterpriseId === enterpriseId
}

/** Whose stock a user sees and changes: `enterpriseId: null` means every enterprise. */
export interface EnterpriseScope {
  enterpriseId: number | null
}

/** Organizers act on every enterprise; a vendor only on their own (none linked → 403). */
export function enterpriseScopeOf(user: Pick<SessionUser, 'role' | 'enterpriseId'>): EnterpriseScope {
  if (user.role === 'ORGANIZER') return { enterpriseId: null }
  if (user.enterpriseId === null) forbidden()
  return { enterpriseId: user.enterpriseId }
}

/**
 * Who performs a domain write. Built only here (`actorOf`, `systemActor`): the brand keeps other
 * modules from writing one by hand, so a domain operation can trust the role it reads.
 */
declare const actorBrand: unique symbol
export type Actor = (
  | { readonly kind: 'user'; readonly userId: number; readonly role: UserRole; readonly enterpriseId: number | null; readonly deviceId: number | null }
  | { readonly kind: 'system'; readonly name: SystemActorName }
) & { readonly [actorBrand]: true }

/**
 * Work nobody signed in asks for: online checkout holds, the reservation sweeper, the seed, and
 * operator scripts, tests and benches ('maintenance'). They may touch every enterprise's stock.
 */
export type SystemActorName = 'storefront-checkout' | 'reservation-sweeper' | 'seed' | 'maintenance'

export function actorOf(user: Pick<SessionUser, 'id' | 'role' | 'enterpriseId' | 'deviceId'>): Actor {
  return { kind: 'user', userId: user.id, role: user.role, enterpriseId: user.enterpriseId, deviceId: user.deviceId } as Actor
}

export function systemActor(name: SystemActorName): Actor {
  return { kind: 'system', name } as Actor
}

/** The user to record as having done it (null for system work). */
export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null
}

/**
 * Whether the actor may do `permission` on goods of every enterprise in `enterpriseIds` (organizers
 * and system actors: any; vendors: their own only). The one rule domain writes check.
 */
export function actorMay(actor: Actor, permission: Permission, enterpriseIds: Iterable<number> = []): boolean {
  if (actor.kind === 'system') return true
  if (!can(actor, permission)) return false
  for (const enterpriseId of enterpriseIds) if (!canActForEnterprise(actor, enterpriseId)) return false
  return true
}

export function forbidden(message = 'Forbidden'): never {
  throw data({ error: message }, { status: 403 })
}

interface Args {
  request: Request
  context: AppLoadContext
}

/** The signed-in user, or a redirect to the right sign-in page. */
export async function requireUser({ request, context }: Args): Promise<SessionUser> {
  const user = await getSessionUser(request, context.services)
  if (user) return user
  const url = new URL(request.url)
  const signIn = url.pathname.startsWith('/pos') ? '/pos/sign-in' : '/login'
  throw redirect(`${signIn}?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
}

export async function requirePermission(args: Args, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(args)
  if (!can(user, permission)) forbidden()
  // A PIN session belongs to the tablet it was signed in on: POS work only, and only together with
  // that tablet's device cookie (a copied session cookie alone opens nothing).
  if (user.deviceId !== null) {
    if (!permission.startsWith('pos:')) forbidden()
    const device = await findDevice({ db: args.context.services.database.prisma, request: args.request })
    if (device?.id !== user.deviceId) throw redirect('/pos/sign-in')
  }
  // POS selling is tied to a paired device: a web session cannot ring up sales.
  if (permission === 'pos:sell' && user.deviceId === null) {
    throw redirect('/pos/sign-in')
  }
  return user
}

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

/** Form data of a mutation, after the CSRF check. A bad token, or a body that is no form, changes nothing. */
export async function readProtectedForm({ request, context }: Args): Promise<FormData> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!FORM_TYPES.has(type)) throw data({ error: 'Send the form as a form.' }, { status: 415 })
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw data({ error: 'The form could not be read.' }, { status: 400 })
  }
  const submitted = form.get(CSRF_FIELD)
  if (!isValidCsrf({ request, secret: context.services.secret, submitted: typeof submitted === 'string' ? submitted : null })) {
    throw data({ error: 'The form expired. Reload the page and try again.' }, { status: 403 })
  }
  return form
}

/** A protected action in one call: signed in, allowed, and a valid CSRF token. */
export async function authorizeAction(args: Args, permission: Permission): Promise<{ user: SessionUser; form: FormData }> {
  const user = await requirePermission(args, permission)
  const form = await readProtectedForm(args)
  return { user, form }
}
