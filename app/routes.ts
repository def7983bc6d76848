import { index, layout, prefix, route, type RouteConfig } from '@react-router/dev/routes'

export default [
  layout('routes/storefront/layout.tsx', [index('routes/storefront/home.tsx')]),
  route('login', 'routes/auth/login.tsx'),
  route('logout', 'routes/auth/logout.tsx'),
  route('set-locale', 'routes/auth/set-locale.tsx'),
  ...prefix('pos', [
    layout('routes/pos/layout.tsx', [
      index('routes/pos/home.tsx'),
      route('pair', 'routes/pos/pair.tsx'),
      route('sign-in', 'routes/pos/sign-in.tsx'),
    ]),
  ]),
  ...prefix('admin', [layout('routes/admin/layout.tsx', [index('routes/admin/dashboard.tsx'), route('devices', 'routes/admin/devices.tsx')])]),
  ...prefix('vendor', [layout('routes/vendor/layout.tsx', [index('routes/vendor/home.tsx')])]),
  ...prefix('stock', [
    layout('routes/stock/layout.tsx', [
      index('routes/stock/levels.tsx'),
      route('transfers', 'routes/stock/transfers.tsx'),
      route('products/:productId', 'routes/stock/product-history.tsx'),
      route('shortfalls', 'routes/stock/shortfalls.tsx'),
    ]),
  ]),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
