import { describe, expect, it } from 'vitest'
import { safeRedirect } from './safe-redirect.ts'

describe('safeRedirect', () => {
  it('keeps same-site paths with their query and hash', () => {
    expect(safeRedirect('/stock/products/3?kind=SALE#top')).toBe('/stock/products/3?kind=SALE#top')
    expect(safeRedirect('/admin')).toBe('/admin')
  })

  it('refuses other hosts however they are spelled', () => {
    for (const target of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example', 'evil'])
      expect(safeRedirect(target, '/home'), JSON.stringify(target)).toBe('/home')
  })

  it('refuses control characters instead of putting them in a header', () => {
    expect(safeRedirect('/admin\r\nSet-Cookie: x=1', '/home')).toBe('/home')
    expect(safeRedirect('/a\u0000b', '/home')).toBe('/home')
    expect(safeRedirect(null, '/home')).toBe('/home')
  })
})
