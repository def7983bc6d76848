import { describe, expect, it } from 'vitest'
import { renderToString } from 'react-dom/server'
import { renderHtmlStream } from './html-stream.server.ts'

function KoreanPage() {
  // Varied lengths so multi-byte characters straddle the renderer's internal buffer boundaries.
  const items = Array.from({ length: 600 }, (_, i) => `상품 ${i} 구매 가능 ${'가'.repeat(i % 7)}개`)
  return (
    <ul>
      {items.map((text, i) => (
        <li key={i} data-i={i}>
          {text} — ₩{(i * 1100).toLocaleString('ko-KR')}
        </li>
      ))}
    </ul>
  )
}

describe('HTML streaming', () => {
  it('streams long Korean pages byte-exactly (no NUL bytes at buffer boundaries)', async () => {
    const stream = await renderHtmlStream(<KoreanPage />, { waitForAll: true })
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer())
    expect(bytes.includes(0)).toBe(false)
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    expect(text).toBe(renderToString(<KoreanPage />))
  })
})
