import { useTranslation } from 'react-i18next'
import { Form, Link, useLoaderData, useSearchParams, type LoaderFunctionArgs, type MetaFunction } from 'react-router'
import { listCategories, listStorefrontProducts, storefrontQuerySchema } from '../../domain/catalog/catalog.server'
import { currentLedgerSeq } from '../../domain/inventory/live-read.server'
import { useLiveOnlineAvailability } from '../../lib/use-live-stock'
import { formatWon } from '../../lib/money'

export const meta: MetaFunction = () => [
  { title: '꿈시장 Dream Market — 관악구 사회적경제 장터' },
  { name: 'description', content: '관악구 사회적경제기업의 상품을 온라인으로 주문하세요.' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const query = storefrontQuerySchema.parse(Object.fromEntries(url.searchParams))
  const db = context.services.database.prisma
  // The ledger position first: the products are then at least that fresh, and live updates
  // after it are applied on top (an update already included is harmless: same value).
  const since = await currentLedgerSeq(db)
  const [categories, products] = await Promise.all([listCategories(db), listStorefrontProducts({ database: context.services.database, ...query })])
  return { categories, products, query, since }
}

export default function StorefrontHome() {
  const { categories, products, query, since } = useLoaderData<typeof loader>()
  const { available } = useLiveOnlineAvailability(Object.fromEntries(products.map((p) => [p.id, p.availableOnline])), { since })
  const { t, i18n } = useTranslation()
  const [params] = useSearchParams()
  const en = i18n.language === 'en'
  return (
    <main id="main" className="store-main">
      <section className="hero">
        <h1>{t('store.heroTitle')}</h1>
        <p>{t('store.heroBody')}</p>
        <Form method="get" className="search" role="search">
          {query.category ? <input type="hidden" name="category" value={query.category} /> : null}
          <input type="search" name="q" defaultValue={query.q ?? ''} placeholder={t('store.search')} aria-label={t('store.search')} />
          <button type="submit">{t('store.searchButton')}</button>
        </Form>
      </section>
      <nav className="category-tabs" aria-label="categories">
        <Link to={params.get('q') ? `/?q=${encodeURIComponent(params.get('q')!)}` : '/'} aria-current={!query.category ? 'page' : undefined}>
          {t('store.all')}
        </Link>
        {categories.map((category) => (
          <Link key={category.slug} to={`/?category=${category.slug}`} aria-current={query.category === category.slug ? 'page' : undefined}>
            {en ? category.nameEn : category.nameKo}
          </Link>
        ))}
      </nav>
      <p className="result-count">{t('store.productCount', { count: products.length })}</p>
      {products.length === 0 ? <p>{t('store.noResults')}</p> : null}
      <ul className="product-grid">
        {products.map((product) => (
          <li key={product.id} className="product-card" data-product-id={product.id}>
            {product.imageUrl ? <img src={product.imageUrl} alt="" loading="lazy" width={240} height={240} /> : null}
            <div className="product-body">
              <p className="enterprise">{en ? product.enterpriseEn : product.enterpriseKo}</p>
              <h2>{en ? product.nameEn : product.nameKo}</h2>
              <p className="price">
                {formatWon(product.priceWon)}
                {product.vatExempt ? <span className="tag">{t('store.vatExempt')}</span> : null}
              </p>
              <p className={available[product.id] > 0 ? 'stock' : 'stock sold-out'} data-available={available[product.id]}>
                {available[product.id] > 0 ? t('store.inStock', { count: available[product.id] }) : t('store.soldOut')}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </main>
  )
}
