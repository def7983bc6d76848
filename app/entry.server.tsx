// Server rendering with the request's CSP nonce on every inline script React Router emits.
import { isbot } from 'isbot'
import { ServerRouter, type AppLoadContext, type EntryContext } from 'react-router'
import { NonceProvider } from './components/nonce'
import { renderHtmlStream } from './lib/html-stream.server'

export const streamTimeout = 5_000

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (request.method.toUpperCase() === 'HEAD') return new Response(null, { status: responseStatusCode, headers: responseHeaders })
  const nonce = loadContext.cspNonce
  const userAgent = request.headers.get('user-agent')
  let shellRendered = false
  const body = await renderHtmlStream(
    <NonceProvider value={nonce}>
      <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
    {
      nonce,
      // Crawlers and SPA mode get the complete document at once.
      waitForAll: Boolean((userAgent && isbot(userAgent)) || routerContext.isSpaMode),
      timeoutMs: streamTimeout + 1000,
      onError(error) {
        responseStatusCode = 500
        if (shellRendered) loadContext.services.log.error('streaming render error', { requestId: loadContext.requestId, error })
      },
    },
  )
  shellRendered = true
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
  return new Response(body, { headers: responseHeaders, status: responseStatusCode })
}

/** Expected failures (thrown 4xx responses) are not errors worth logging. */
export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return
  context.services.log.error('request failed', { requestId: context.requestId, path: new URL(request.url).pathname, error })
}
