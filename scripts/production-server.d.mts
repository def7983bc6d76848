export const PRODUCTION_SERVER_ARGS: string[]
