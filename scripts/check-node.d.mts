export function supportsNode(range: string, version: string): boolean
export function describeRange(range: string): string
export const SUPPORTED_NODE: string
