// The placeholder product pictures the seed's catalogue points at.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PRODUCTS } from './catalog-data.ts'
import { productImageSvg } from './placeholder-art.ts'

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const PRODUCT_IMAGES_DIR = join(PROJECT_ROOT, 'public', 'images', 'products')

/** Write each product's SVG only when missing or different, atomically. Returns how many were written. */
export function writeProductImages(dir: string = PRODUCT_IMAGES_DIR): number {
  mkdirSync(dir, { recursive: true })
  let written = 0
  for (const product of PRODUCTS) {
    const file = join(dir, `${product.sku}.svg`)
    const svg = productImageSvg(product)
    if (existsSync(file) && readFileSync(file, 'utf8') === svg) continue
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, svg)
    renameSync(tmp, file)
    written++
  }
  return written
}
