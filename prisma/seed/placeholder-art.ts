// Deterministic SVG placeholder art for seeded products: a soft category-coloured card with a
// simple geometric pattern (chosen from a hash of the SKU), a category glyph, the product's first
// character and its short Korean name. Same input → byte-identical output, so re-seeding never
// rewrites the files. Each image stays under 2 KB.
import { CATEGORIES } from './catalog-data.ts'
import { fnv1a } from './random.ts'

export interface ArtProduct {
  sku: string
  nameKo: string
  categorySlug: string
}

const FONT = "'Noto Sans KR','Apple SD Gothic Neo','Malgun Gothic',sans-serif"

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}

/** Enough to pick a pattern variant deterministically. */
const hash = fnv1a

/** Mix a #rrggbb colour with white; amount 0 = colour, 1 = white. */
function tint(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16)
  const mix = (c: number) => Math.round(c + (255 - c) * amount)
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix)
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`
}

/** A tiny glyph per category, drawn around (0,0) in a 60×60 box. */
const GLYPHS: Record<string, string> = {
  food: '<path d="M-26 0h52a26 22 0 0 1-52 0z"/><rect x="-30" y="-6" width="60" height="6" rx="3"/>',
  produce: '<path d="M0 26C-24 14-22-14 0-28C22-14 24 14 0 26z"/>',
  bakery: '<path d="M-28 18v-14a28 22 0 0 1 56 0v14z"/>',
  drinks: '<path d="M-20-22h34v30a17 17 0 0 1-34 0z"/><path d="M14-12h6a8 8 0 0 1 0 16h-6" fill="none" stroke-width="5"/>',
  crafts: '<path d="M-10-26h20v8c14 8 16 30 4 44h-28c-12-14-10-36 4-44z"/>',
  living: '<path d="M-26 26v-26l26-24l26 24v26z"/>',
  fashion: '<path d="M-12-26l-18 10l8 14l6-4v32h32v-32l6 4l8-14l-18-10a12 8 0 0 1-24 0z"/>',
  beauty: '<rect x="-14" y="-14" width="28" height="40" rx="6"/><rect x="-7" y="-28" width="14" height="12" rx="3"/>',
  books: '<path d="M-28-20h24a4 4 0 0 1 4 4v40a4 4 0 0 0-4-4h-24zM28-20h-24a4 4 0 0 0-4 4v40a4 4 0 0 1 4-4h24z"/>',
  eco: '<circle r="24" fill="none" stroke-width="7"/><path d="M-6-30l12 6l-12 6z"/>',
}

/** A repeating background motif as an SVG <pattern> (small files; ids are per-SKU so inlined copies never clash). */
function pattern(variant: number, colour: string, id: string): string {
  const tiles = [
    `<circle cx="15" cy="15" r="6"/><circle cx="45" cy="45" r="6"/>`, // dots
    `<path d="M-15 15L15-15M0 60L60 0M45 75L75 45" stroke-width="12"/>`, // diagonal stripes
    `<path d="M0 40q15-14 30 0t30 0" fill="none" stroke-width="7"/>`, // waves
  ]
  return (
    `<defs><pattern id="${id}" width="60" height="60" patternUnits="userSpaceOnUse">` +
    `<g fill="${colour}" stroke="${colour}">${tiles[variant % tiles.length]}</g></pattern></defs>` +
    `<rect width="400" height="400" fill="url(#${id})" opacity=".35"/>`
  )
}

/** Keep the label short enough to fit on one line of the card. */
export function shortName(nameKo: string, max = 9): string {
  const base = nameKo.replace(/\s*[0-9]+\s*(g|kg|ml|L|개입|개|입|종|구)\b.*$/u, '').trim() || nameKo
  const chars = Array.from(base)
  return chars.length <= max ? base : `${chars.slice(0, max - 1).join('')}…`
}

export function productImageSvg(product: ArtProduct): string {
  const category = CATEGORIES.find((c) => c.slug === product.categorySlug)
  const colour = category?.colour ?? '#7f8c8d'
  const h = hash(product.sku)
  const initial = escapeXml(Array.from(product.nameKo.trim())[0] ?? '?')
  const label = escapeXml(shortName(product.nameKo))
  const glyph = GLYPHS[product.categorySlug] ?? GLYPHS.living
  const gx = 300 + (h % 40)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-label="${escapeXml(product.nameKo)}">`,
    `<rect width="400" height="400" fill="${tint(colour, 0.82)}"/>`,
    pattern(h >>> 3, tint(colour, 0.55), `p-${product.sku.toLowerCase().replace(/[^a-z0-9-]/g, '')}`),
    `<circle cx="200" cy="170" r="92" fill="${colour}"/>`,
    `<text x="200" y="202" font-family="${FONT}" font-size="92" font-weight="700" fill="#fff" text-anchor="middle">${initial}</text>`,
    `<g transform="translate(${gx} 92)" fill="${tint(colour, 0.25)}" stroke="${tint(colour, 0.25)}">${glyph}</g>`,
    `<rect x="40" y="300" width="320" height="58" rx="29" fill="#fff" opacity=".9"/>`,
    `<text x="200" y="338" font-family="${FONT}" font-size="28" font-weight="600" fill="${colour}" text-anchor="middle">${label}</text>`,
    '</svg>',
    '',
  ].join('\n')
}
