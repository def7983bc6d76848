// A console.error during a test is a bug being swallowed: fail the test that caused it.
import { afterEach, vi } from 'vitest'

let errors: unknown[][] = []
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  errors.push(args)
})

afterEach(() => {
  const seen = errors
  errors = []
  if (seen.length) throw new Error(`console.error was called during the test:\n${seen.map((args) => args.map(String).join(' ')).join('\n')}`)
})
