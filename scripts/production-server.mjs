// How the production server is started, in one place: `npm start`, the smoke test and
// `npm run bench:memory` all run exactly this (compiled JavaScript, see scripts/build-server.mjs;
// source maps keep stack traces pointing at the TypeScript sources).
export const PRODUCTION_SERVER_ARGS = ['--enable-source-maps', 'build/server-main/main.js']

