// Streams server-rendered HTML as web-stream bytes.
// We use React's web-stream renderer (react-dom/server.browser) on purpose: React 18.3's Node
// renderer (renderToPipeableStream) writes its whole 2,048-byte buffer when a multi-byte character
// does not fit at the end, so Korean pages came out with NUL bytes at buffer boundaries
// (react-dom-server.node: writeStringChunk → writeToDestination(destination, currentView)).
// The web-stream renderer copies bytes exactly. tests: app/lib/html-stream.server.test.tsx.
import type { ReactNode } from 'react'
// @ts-expect-error — @types/react-dom declares the web renderer only under react-dom/server
import { renderToReadableStream as renderWeb } from 'react-dom/server.browser'
import type { renderToReadableStream as RenderToReadableStream } from 'react-dom/server'

const renderToReadableStream = renderWeb as typeof RenderToReadableStream

export async function renderHtmlStream(
  element: ReactNode,
  options: { nonce?: string; waitForAll?: boolean; timeoutMs?: number; onError?: (error: unknown) => void },
): Promise<ReadableStream<Uint8Array>> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 6_000)
  const stream = await renderToReadableStream(element, {
    nonce: options.nonce,
    signal: controller.signal,
    onError: options.onError,
  })
  if (options.waitForAll) await stream.allReady
  stream.allReady.finally(() => clearTimeout(timer)).catch(() => {})
  return stream
}
