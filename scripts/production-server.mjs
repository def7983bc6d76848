// How the production server is started, in one place: `npm start`, the smoke test and
// `npm run bench:memory` all run exactly this.
export const PRODUCTION_SERVER_ARGS = ['--import', 'tsx', 'server/main.ts']
