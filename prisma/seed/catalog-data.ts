// The fixed, fictional catalogue of the demo seed: the enterprises of the Dream Market (꿈시장), their
// products, the product categories and the places that hold stock. Every name, number, phone and
// e-mail here is invented (the e-mail domain is the reserved `.example`); nothing describes a real
// enterprise. Pure data + pure helpers, so tests can import it without a database.
import type { EnterpriseType, LocationKind } from '../../app/generated/prisma/sqlite/enums.ts'

// ───────────────────────────── Categories ─────────────────────────────

export interface CategorySeed {
  slug: string
  nameKo: string
  nameEn: string
  /** placeholder-art colour (background tint is derived from it) */
  colour: string
}

export const CATEGORIES: readonly CategorySeed[] = [
  { slug: 'food', nameKo: '먹거리', nameEn: 'Food', colour: '#d9822b' },
  { slug: 'produce', nameKo: '농산물', nameEn: 'Farm produce', colour: '#4c9a2a' },
  { slug: 'bakery', nameKo: '베이커리', nameEn: 'Bakery', colour: '#b5773c' },
  { slug: 'drinks', nameKo: '음료·커피', nameEn: 'Drinks & coffee', colour: '#7a4b2a' },
  { slug: 'crafts', nameKo: '공예', nameEn: 'Crafts', colour: '#9b59b6' },
  { slug: 'living', nameKo: '생활용품', nameEn: 'Household goods', colour: '#2e86ab' },
  { slug: 'fashion', nameKo: '의류·패션잡화', nameEn: 'Clothing & accessories', colour: '#c0392b' },
  { slug: 'beauty', nameKo: '뷰티', nameEn: 'Beauty', colour: '#e07a9a' },
  { slug: 'books', nameKo: '문구·도서', nameEn: 'Books & stationery', colour: '#34495e' },
  { slug: 'eco', nameKo: '친환경', nameEn: 'Eco-friendly', colour: '#16a085' },
]

export type CategorySlug = 'food' | 'produce' | 'bakery' | 'drinks' | 'crafts' | 'living' | 'fashion' | 'beauty' | 'books' | 'eco'

// ───────────────────────────── Enterprises and products ─────────────────────────────

/** [nameKo, nameEn, descriptionKo, descriptionEn, priceWon, category, flags?] — flags: 'x' VAT-exempt, 'd' discontinued */
type P = [string, string, string, string, number, CategorySlug, string?]

export type VoucherCode = 'CULTURE_NURI' | 'GWANAK_LOVE' | 'ONNURI'

export interface EnterpriseSeed {
  /** short upper-case code used in SKUs */
  code: string
  slug: string
  nameKo: string
  nameEn: string
  type: EnterpriseType
  businessRegistrationNo: string
  certificationNo: string | null
  storyKo: string
  storyEn: string
  contactName: string
  contactPhone: string
  contactEmail: string
  /** voucher programmes the enterprise is registered to accept */
  vouchers: VoucherCode[]
  /** plaza stall (1–3) the enterprise sells from on market days */
  stall: 1 | 2 | 3
  products: P[]
}

const ALL: VoucherCode[] = ['GWANAK_LOVE', 'ONNURI']
const ALL_CULTURE: VoucherCode[] = ['CULTURE_NURI', 'GWANAK_LOVE', 'ONNURI']
const CULTURE_LOCAL: VoucherCode[] = ['CULTURE_NURI', 'GWANAK_LOVE']
const LOCAL: VoucherCode[] = ['GWANAK_LOVE']

export const ENTERPRISES: readonly EnterpriseSeed[] = [
  {
    code: 'SSAL', slug: 'ssal-bread-workshop', nameKo: '쌀빛 베이커리', nameEn: 'Ssalbit Rice Bakery',
    type: 'SOCIAL_ENTERPRISE', businessRegistrationNo: '108-81-40101', certificationNo: '제2016-217호',
    storyKo: '발달장애 청년 제빵사 8명이 우리 쌀로 빵을 굽습니다. 매출은 청년들의 안정적인 일자리로 돌아갑니다.',
    storyEn: 'Eight young bakers with developmental disabilities bake bread from Korean rice; every sale keeps their steady jobs going.',
    contactName: '데모 한빛나', contactPhone: '02-871-0101', contactEmail: 'ssalbit@dream-market.example',
    vouchers: ALL, stall: 1,
    products: [
      ['쌀 식빵', 'Rice flour loaf', '우리 쌀가루로 만든 촉촉한 식빵', 'A soft loaf made with Korean rice flour', 6500, 'bakery'],
      ['쌀 단팥빵', 'Rice red-bean bun', '국산 팥앙금을 듬뿍 넣은 단팥빵', 'A bun filled with domestic red-bean paste', 3000, 'bakery'],
      ['흑미 깜빠뉴', 'Black rice campagne', '흑미를 넣어 구운 담백한 깜빠뉴', 'A plain country loaf with black rice', 8500, 'bakery'],
      ['쌀 마들렌 6입', 'Rice madeleines (6)', '버터 향 가득한 쌀 마들렌 여섯 개', 'Six buttery rice-flour madeleines', 9000, 'bakery'],
      ['쌀 쿠키 선물세트', 'Rice cookie gift box', '다섯 가지 맛 쌀 쿠키 선물 상자', 'A gift box of rice cookies in five flavours', 18000, 'bakery'],
      ['쑥 카스테라', 'Mugwort castella', '강화 쑥을 넣은 폭신한 카스테라', 'A fluffy castella with mugwort', 7500, 'bakery'],
      ['쌀 바게트', 'Rice baguette', '겉은 바삭하고 속은 쫄깃한 쌀 바게트', 'A crisp, chewy rice baguette', 4500, 'bakery'],
      ['쌀 롤케이크', 'Rice roll cake', '생크림을 넣은 쌀 롤케이크', 'A rice-flour roll cake with fresh cream', 15000, 'bakery'],
    ],
  },
  {
    code: 'NURI', slug: 'nuri-roastery', nameKo: '누리별 로스터리', nameEn: 'Nuribyeol Roastery',
    type: 'PRELIMINARY_SOCIAL_ENTERPRISE', businessRegistrationNo: '119-86-40202', certificationNo: '서울-2022-081',
    storyKo: '보호 종료 후 홀로서기를 하는 자립준비청년들이 바리스타와 로스터로 일합니다.',
    storyEn: 'Young adults leaving foster care work here as baristas and roasters while they build independent lives.',
    contactName: '데모 윤소리', contactPhone: '010-2202-0202', contactEmail: 'nuribyeol@dream-market.example',
    vouchers: ALL, stall: 1,
    products: [
      ['관악 블렌드 원두 200g', 'Gwanak blend beans 200g', '고소하고 달콤한 하우스 블렌드', 'Our nutty, sweet house blend', 12000, 'drinks'],
      ['에티오피아 원두 200g', 'Ethiopia beans 200g', '꽃향기가 나는 싱글 오리진', 'A floral single-origin coffee', 15000, 'drinks'],
      ['드립백 10개입', 'Drip bags (10)', '어디서나 간편한 드립백 커피', 'Pour-over coffee in handy drip bags', 13000, 'drinks'],
      ['콜드브루 500ml', 'Cold brew 500ml', '12시간 우려낸 콜드브루 원액', 'Cold brew concentrate steeped for 12 hours', 9500, 'drinks'],
      ['디카페인 원두 200g', 'Decaf beans 200g', '밤에도 편안한 디카페인 원두', 'Decaf beans for a calm evening', 14000, 'drinks'],
      ['드립백 선물세트', 'Drip bag gift set', '세 가지 원두 드립백 선물 상자', 'A gift box of drip bags from three origins', 25000, 'drinks'],
      ['캔 라떼', 'Canned latte', '부드러운 라떼 한 캔', 'A smooth latte in a can', 3500, 'drinks'],
    ],
  },
  {
    code: 'BYEOL', slug: 'byeolbit-rooftop-farm', nameKo: '별빛옥상 텃밭마을', nameEn: 'Byeolbit Rooftop Farm Village',
    type: 'VILLAGE_ENTERPRISE', businessRegistrationNo: '882-80-40303', certificationNo: '서울-관악-2019-03',
    storyKo: '신림동 어르신들이 옥상과 자투리땅을 텃밭으로 가꿉니다. 농약 없이 기른 채소로 이웃과 밥상을 나눕니다.',
    storyEn: 'Seniors of Sillim-dong turn rooftops and vacant lots into gardens and share pesticide-free vegetables with neighbours.',
    contactName: '데모 박정순', contactPhone: '02-872-0303', contactEmail: 'byeolbit-farm@dream-market.example',
    vouchers: ALL, stall: 1,
    products: [
      ['상추 300g', 'Lettuce 300g', '아침에 딴 무농약 상추', 'Pesticide-free lettuce picked in the morning', 3000, 'produce', 'x'],
      ['방울토마토 500g', 'Cherry tomatoes 500g', '옥상 햇볕에 익은 방울토마토', 'Cherry tomatoes ripened on the rooftop', 6000, 'produce', 'x'],
      ['깻잎 한 묶음', 'Perilla leaves bundle', '향긋한 깻잎 한 묶음', 'A fragrant bundle of perilla leaves', 2000, 'produce', 'x'],
      ['애호박 2개', 'Korean zucchini (2)', '연하고 달큰한 애호박', 'Tender, sweet Korean zucchini', 3500, 'produce', 'x'],
      ['청양고추 200g', 'Cheongyang chillies 200g', '칼칼한 청양고추', 'Hot Cheongyang green chillies', 2500, 'produce', 'x'],
      ['제철 채소 꾸러미', 'Seasonal veg box', '그 주에 수확한 채소 꾸러미', 'A box of whatever was harvested that week', 15000, 'produce', 'x'],
      ['감자 1kg', 'Potatoes 1kg', '포슬포슬한 햇감자', 'Floury new potatoes', 5000, 'produce', 'x'],
    ],
  },
  {
    code: 'KNIT', slug: 'sillim-knitting-coop', nameKo: '신림 뜨개실 협동조합', nameEn: 'Sillim Knitting Thread Cooperative',
    type: 'COOPERATIVE', businessRegistrationNo: '303-81-40404', certificationNo: null,
    storyKo: '경력이 끊긴 여성들이 모여 손뜨개로 다시 일을 시작했습니다. 조합원이 함께 소유하고 함께 결정합니다.',
    storyEn: 'Women returning to work after career breaks knit together; the members own the cooperative and decide together.',
    contactName: '데모 이은하', contactPhone: '010-3303-0404', contactEmail: 'knit-coop@dream-market.example',
    vouchers: CULTURE_LOCAL, stall: 1,
    products: [
      ['손뜨개 수세미 3종', 'Knitted dish scrubbers (3)', '아크릴 실로 뜬 귀여운 수세미', 'Cute acrylic-yarn dish scrubbers', 6000, 'crafts'],
      ['울 비니', 'Wool beanie', '따뜻한 메리노 울 비니', 'A warm merino wool beanie', 28000, 'fashion'],
      ['손뜨개 목도리', 'Hand-knitted scarf', '한 코 한 코 뜬 두툼한 목도리', 'A thick scarf knitted stitch by stitch', 45000, 'fashion'],
      ['뜨개 컵받침 4개', 'Knitted coasters (4)', '면사로 뜬 컵받침 세트', 'A set of cotton-yarn coasters', 12000, 'crafts'],
      ['뜨개 키링', 'Knitted key ring', '작은 동물 모양 뜨개 키링', 'A tiny knitted animal key ring', 8000, 'crafts'],
      ['초보 뜨개 키트', 'Beginner knitting kit', '실·바늘·도안이 든 입문 키트', 'Yarn, needles and pattern for beginners', 22000, 'crafts'],
      ['뜨개 가방', 'Crocheted tote', '튼튼한 면사 코바늘 가방', 'A sturdy crocheted cotton tote', 38000, 'fashion'],
    ],
  },
  {
    code: 'DOSI', slug: 'gwanak-jahwal-lunchbox', nameKo: '관악 한끼 자활도시락', nameEn: 'Gwanak Hankki Self-Sufficiency Lunchbox',
    type: 'SELF_SUFFICIENCY_ENTERPRISE', businessRegistrationNo: '474-80-40505', certificationNo: '관악자활-2018-02',
    storyKo: '자활 참여 주민들이 반찬과 도시락을 만들며 일할 힘을 되찾습니다. 홀몸 어르신 도시락 나눔도 함께 합니다.',
    storyEn: 'Residents in the self-sufficiency programme regain working strength by cooking side dishes, and deliver lunches to seniors living alone.',
    contactName: '데모 최미영', contactPhone: '02-873-0505', contactEmail: 'hankki@dream-market.example',
    vouchers: ALL, stall: 1,
    products: [
      ['제육 도시락', 'Spicy pork lunchbox', '매콤한 제육볶음 도시락', 'A lunchbox of spicy stir-fried pork', 6500, 'food'],
      ['불고기 도시락', 'Bulgogi lunchbox', '달콤한 불고기 도시락', 'A lunchbox of sweet bulgogi', 7000, 'food'],
      ['반찬 3종 세트', 'Three side dishes', '그날그날 바뀌는 반찬 세 가지', 'Three side dishes that change daily', 10000, 'food'],
      ['장조림 300g', 'Soy-braised beef 300g', '메추리알을 넣은 장조림', 'Soy-braised beef with quail eggs', 9000, 'food'],
      ['멸치볶음 200g', 'Stir-fried anchovies 200g', '바삭하게 볶은 잔멸치', 'Crispy stir-fried baby anchovies', 6000, 'food'],
      ['김밥 2줄', 'Gimbap (2 rolls)', '속이 꽉 찬 야채 김밥 두 줄', 'Two rolls of vegetable gimbap', 7000, 'food'],
    ],
  },
  {
    code: 'CHOROK', slug: 'chorok-zero-waste', nameKo: '초록걸음 제로웨이스트 사회적협동조합', nameEn: 'Chorok Steps Zero-Waste Social Cooperative',
    type: 'SOCIAL_COOPERATIVE', businessRegistrationNo: '650-82-40606', certificationNo: '사협인가-2020-114',
    storyKo: '포장 없는 가게를 운영하며 동네의 쓰레기를 줄입니다. 수익은 주민 환경교육에 다시 쓰입니다.',
    storyEn: 'A package-free shop cutting the neighbourhood’s waste; the surplus funds environmental classes for residents.',
    contactName: '데모 정초록', contactPhone: '010-6606-0606', contactEmail: 'chorok@dream-market.example',
    vouchers: ALL, stall: 2,
    products: [
      ['대나무 칫솔 4개', 'Bamboo toothbrushes (4)', '생분해되는 대나무 칫솔', 'Biodegradable bamboo toothbrushes', 8000, 'eco'],
      ['고체 주방세제', 'Solid dish soap', '플라스틱 통 없는 고체 세제', 'Dish soap without a plastic bottle', 7000, 'eco'],
      ['밀랍 랩 3종', 'Beeswax wraps (3)', '씻어 쓰는 밀랍 랩', 'Washable, reusable beeswax food wraps', 15000, 'eco'],
      ['천연 수세미', 'Natural loofah sponge', '텃밭에서 키운 수세미 열매', 'A loofah grown in our garden', 3000, 'eco'],
      ['스테인리스 빨대 세트', 'Steel straw set', '세척솔이 든 빨대 세트', 'Steel straws with a cleaning brush', 6000, 'eco'],
      ['리필 세탁세제 1L', 'Laundry detergent refill 1L', '용기를 가져오면 채워 드리는 세제', 'Detergent refilled into your own bottle', 9000, 'eco'],
      ['면 장바구니', 'Cotton shopping bag', '접어서 들고 다니는 면 장바구니', 'A foldable cotton shopping bag', 12000, 'eco'],
      ['제로웨이스트 입문 키트', 'Zero-waste starter kit', '칫솔·빨대·랩이 든 입문 키트', 'Toothbrush, straw and wrap to get started', 29000, 'eco'],
    ],
  },
  {
    code: 'BOOK', slug: 'bongcheon-bookshop-coop', nameKo: '봉천 골목책방 협동조합', nameEn: 'Bongcheon Alley Bookshop Cooperative',
    type: 'COOPERATIVE', businessRegistrationNo: '212-81-40707', certificationNo: null,
    storyKo: '동네 작가와 주민이 함께 만든 골목 책방입니다. 관악의 이야기를 책으로 엮어 냅니다.',
    storyEn: 'An alley bookshop run by local writers and residents, publishing the stories of Gwanak.',
    contactName: '데모 서책방', contactPhone: '02-874-0707', contactEmail: 'alley-books@dream-market.example',
    vouchers: ALL_CULTURE, stall: 2,
    products: [
      ['관악 골목 산책 에세이', 'Gwanak alley walks (essays)', '동네 작가 열 명의 골목 에세이', 'Essays on alley walks by ten local writers', 15000, 'books'],
      ['관악산 사계절 사진집', 'Gwanaksan four seasons photo book', '주민이 찍은 관악산 사진집', 'Photos of Mt Gwanak taken by residents', 22000, 'books'],
      ['동네 그림 엽서 10종', 'Neighbourhood postcards (10)', '관악 풍경 그림 엽서', 'Illustrated postcards of Gwanak scenes', 10000, 'books'],
      ['독서 노트', 'Reading journal', '읽은 책을 기록하는 노트', 'A notebook for the books you read', 8000, 'books'],
      ['어린이 동화 세트', 'Children’s story set', '동네 이야기를 담은 동화 세 권', 'Three picture stories set in the neighbourhood', 27000, 'books'],
      ['책방 에코백', 'Bookshop tote', '책 두 권이 쏙 들어가는 에코백', 'A tote that fits two books', 13000, 'fashion'],
      ['관악 시인선', 'Gwanak poets anthology', '동네 시인 스무 명의 시집', 'Poems by twenty local poets', 12000, 'books'],
    ],
  },
  {
    code: 'GIRUM', slug: 'nakseongdae-oil-mill', nameKo: '낙성대 고소한 방앗간', nameEn: 'Nakseongdae Nutty Oil Mill',
    type: 'VILLAGE_ENTERPRISE', businessRegistrationNo: '882-80-40808', certificationNo: '서울-관악-2017-01',
    storyKo: '마을 주민이 함께 되살린 오래된 방앗간입니다. 국산 깨를 저온으로 짜 이웃 어르신들의 일자리를 만듭니다.',
    storyEn: 'An old mill revived by villagers, cold-pressing Korean sesame and giving older neighbours work.',
    contactName: '데모 김방아', contactPhone: '02-875-0808', contactEmail: 'oil-mill@dream-market.example',
    vouchers: ALL, stall: 2,
    products: [
      ['저온 압착 참기름 180ml', 'Cold-pressed sesame oil 180ml', '국산 참깨로 짠 참기름', 'Sesame oil pressed from Korean sesame', 18000, 'food'],
      ['생들기름 180ml', 'Raw perilla oil 180ml', '볶지 않고 짠 생들기름', 'Perilla oil pressed from unroasted seeds', 16000, 'food'],
      ['볶은 참깨 200g', 'Roasted sesame 200g', '고소하게 볶은 국산 참깨', 'Roasted Korean sesame seeds', 9000, 'food'],
      ['들깨가루 300g', 'Perilla seed powder 300g', '탕과 나물에 넣는 들깨가루', 'Perilla powder for stews and greens', 11000, 'food'],
      ['미숫가루 500g', 'Misugaru grain powder 500g', '열 가지 곡물 미숫가루', 'A ten-grain roasted powder drink mix', 14000, 'food'],
      ['기름 선물세트', 'Oil gift set', '참기름·들기름 선물 세트', 'Sesame and perilla oil gift set', 32000, 'food'],
    ],
  },
  {
    code: 'SOAP', slug: 'dorimcheon-soap-lab', nameKo: '도림천 비누연구소', nameEn: 'Dorimcheon Soap Lab',
    type: 'PRELIMINARY_SOCIAL_ENTERPRISE', businessRegistrationNo: '562-86-40909', certificationNo: '서울-2023-027',
    storyKo: '이주여성들이 고향의 허브 지식으로 천연비누를 만듭니다. 한국어 교실과 일자리를 함께 엽니다.',
    storyEn: 'Migrant women make natural soap with herbal know-how from home, running Korean classes alongside the jobs.',
    contactName: '데모 응우옌 린', contactPhone: '010-5909-0909', contactEmail: 'soap-lab@dream-market.example',
    vouchers: LOCAL, stall: 2,
    products: [
      ['쑥 천연비누', 'Mugwort soap', '민감한 피부를 위한 쑥 비누', 'Mugwort soap for sensitive skin', 7000, 'beauty'],
      ['레몬그라스 비누', 'Lemongrass soap', '상쾌한 레몬그라스 향 비누', 'A fresh lemongrass bar', 7000, 'beauty'],
      ['샴푸바', 'Shampoo bar', '플라스틱 없는 고체 샴푸', 'Plastic-free solid shampoo', 12000, 'beauty'],
      ['립밤', 'Lip balm', '시어버터 립밤', 'A shea butter lip balm', 6000, 'beauty'],
      ['핸드크림 50ml', 'Hand cream 50ml', '끈적임 없는 핸드크림', 'A non-sticky hand cream', 11000, 'beauty'],
      ['비누 선물세트 3구', 'Soap gift set (3)', '세 가지 향 비누 선물 상자', 'A gift box of three scented soaps', 19000, 'beauty'],
      ['설거지 비누', 'Dishwashing soap bar', '주방용 쌀뜨물 비누', 'Rice-water soap for the kitchen', 5000, 'eco'],
    ],
  },
  {
    code: 'UPCY', slug: 'gwanak-upcycle-studio', nameKo: '다시살림 업사이클 공방', nameEn: 'Dasi-sallim Upcycle Studio',
    type: 'SOCIAL_ENTERPRISE', businessRegistrationNo: '108-81-41010', certificationNo: '제2018-364호',
    storyKo: '버려지는 현수막과 폐우산 천으로 가방을 만듭니다. 고령층과 장애인 재봉사 열두 명이 일합니다.',
    storyEn: 'Discarded banners and broken umbrellas become bags, sewn by twelve older and disabled tailors.',
    contactName: '데모 오다시', contactPhone: '02-876-1010', contactEmail: 'dasi-sallim@dream-market.example',
    vouchers: ALL_CULTURE, stall: 2,
    products: [
      ['현수막 토트백', 'Banner tote bag', '튼튼한 현수막 천 토트백', 'A sturdy tote made from a used banner', 25000, 'fashion'],
      ['우산천 파우치', 'Umbrella-fabric pouch', '방수되는 우산천 파우치', 'A water-resistant pouch from umbrella fabric', 12000, 'fashion'],
      ['업사이클 카드지갑', 'Upcycled card wallet', '가죽 자투리로 만든 카드지갑', 'A card wallet from leather offcuts', 18000, 'fashion'],
      ['현수막 장바구니', 'Banner shopping bag', '접히는 현수막 장바구니', 'A foldable banner shopping bag', 9000, 'eco'],
      ['청바지 앞치마', 'Denim apron', '헌 청바지로 만든 앞치마', 'An apron made from old jeans', 32000, 'fashion'],
      ['업사이클 필통', 'Upcycled pencil case', '현수막 천 필통', 'A pencil case from banner fabric', 8500, 'books'],
      ['바느질 키트', 'Sewing kit workshop pack', '집에서 만드는 파우치 키트', 'Make your own pouch at home', 15000, 'crafts'],
    ],
  },
  {
    code: 'KIMCHI', slug: 'seowon-grandma-kimchi', nameKo: '서원동 할매손 김치', nameEn: 'Seowon-dong Halmae-son Kimchi',
    type: 'VILLAGE_ENTERPRISE', businessRegistrationNo: '882-80-41111', certificationNo: '서울-관악-2020-02',
    storyKo: '동네 할머니들의 손맛을 이어 가는 마을 김치 공방입니다. 김장 나눔으로 어려운 이웃을 돕습니다.',
    storyEn: 'A village kimchi kitchen carrying on the grandmothers’ recipes, sharing winter kimchi with neighbours in need.',
    contactName: '데모 강순례', contactPhone: '02-877-1111', contactEmail: 'halmae-kimchi@dream-market.example',
    vouchers: ALL, stall: 3,
    products: [
      ['포기김치 2kg', 'Whole cabbage kimchi 2kg', '국산 배추로 담근 포기김치', 'Whole-leaf kimchi from Korean cabbage', 24000, 'food'],
      ['깍두기 1kg', 'Radish kimchi 1kg', '아삭한 무 깍두기', 'Crunchy cubed radish kimchi', 11000, 'food'],
      ['총각김치 1kg', 'Ponytail radish kimchi 1kg', '알타리무 총각김치', 'Young ponytail radish kimchi', 13000, 'food'],
      ['백김치 1kg', 'White kimchi 1kg', '맵지 않은 시원한 백김치', 'A mild, refreshing white kimchi', 12000, 'food'],
      ['파김치 500g', 'Green onion kimchi 500g', '쪽파로 담근 파김치', 'Kimchi made from spring onions', 9000, 'food'],
      ['열무김치 1kg', 'Young radish kimchi 1kg', '여름 별미 열무김치', 'Summer kimchi from young radish greens', 11000, 'food'],
      ['김장 양념 1kg', 'Kimchi seasoning 1kg', '집에서 담그는 김장 양념', 'Seasoning paste for making kimchi at home', 15000, 'food'],
    ],
  },
  {
    code: 'HONEY', slug: 'miseong-urban-bee-coop', nameKo: '미성동 도시양봉 협동조합', nameEn: 'Miseong-dong Urban Beekeeping Cooperative',
    type: 'COOPERATIVE', businessRegistrationNo: '303-81-41212', certificationNo: null,
    storyKo: '관악산 자락의 옥상에서 꿀벌을 키우며 도시 생태를 살립니다. 은퇴한 주민들이 양봉가로 일합니다.',
    storyEn: 'Bees kept on rooftops at the foot of Mt Gwanak revive urban ecology, tended by retired residents.',
    contactName: '데모 양벌꿀', contactPhone: '010-1212-1212', contactEmail: 'urban-bee@dream-market.example',
    vouchers: ALL, stall: 3,
    products: [
      ['관악 야생화 꿀 500g', 'Gwanak wildflower honey 500g', '관악산 야생화 꿀', 'Honey from Mt Gwanak wildflowers', 28000, 'food'],
      ['아카시아 꿀 250g', 'Acacia honey 250g', '맑고 부드러운 아카시아 꿀', 'Clear, mild acacia honey', 16000, 'food'],
      ['스틱 꿀 20개입', 'Honey sticks (20)', '한 번에 먹기 좋은 스틱 꿀', 'Single-serve honey sticks', 15000, 'food'],
      ['밀랍 초', 'Beeswax candle', '직접 모은 밀랍으로 만든 초', 'A candle from our own beeswax', 12000, 'living'],
      ['꿀 선물세트', 'Honey gift set', '야생화·아카시아 꿀 세트', 'Wildflower and acacia honey set', 39000, 'food'],
      ['프로폴리스 스프레이', 'Propolis spray', '목이 칼칼할 때 뿌리는 스프레이', 'A throat spray with propolis', 18000, 'beauty'],
    ],
  },
  {
    code: 'DOYE', slug: 'cheongryong-pottery', nameKo: '청룡 흙빛도예', nameEn: 'Cheongryong Heukbit Pottery',
    type: 'SOCIAL_ENTERPRISE', businessRegistrationNo: '108-81-41313', certificationNo: '제2019-112호',
    storyKo: '장애 예술인이 도예가로 일하는 공방입니다. 하나하나 다른 그릇에 작가의 이름을 새깁니다.',
    storyEn: 'A studio where artists with disabilities work as potters; each one-of-a-kind piece carries its maker’s name.',
    contactName: '데모 조흙빛', contactPhone: '02-878-1313', contactEmail: 'heukbit@dream-market.example',
    vouchers: ALL_CULTURE, stall: 3,
    products: [
      ['손빚은 머그컵', 'Hand-built mug', '작가 서명이 있는 머그컵', 'A mug signed by its maker', 24000, 'crafts'],
      ['밥그릇·국그릇 세트', 'Rice and soup bowl set', '일상에 쓰는 분청 그릇 세트', 'An everyday buncheong bowl set', 38000, 'crafts'],
      ['작은 접시', 'Small plate', '반찬 담기 좋은 작은 접시', 'A small plate for side dishes', 12000, 'crafts'],
      ['달항아리 미니어처', 'Mini moon jar', '손바닥만 한 달항아리', 'A palm-sized moon jar', 45000, 'crafts'],
      ['도자기 화분', 'Ceramic planter', '물구멍이 있는 도자기 화분', 'A ceramic planter with drainage', 22000, 'living'],
      ['젓가락 받침 4개', 'Chopstick rests (4)', '물고기 모양 수저받침', 'Fish-shaped chopstick rests', 10000, 'crafts'],
      ['도예 체험 키트', 'Clay craft kit', '집에서 빚는 점토 키트', 'Air-dry clay kit for home', 18000, 'crafts'],
      ['찻잔 2인 세트', 'Teacup pair', '두 사람이 쓰는 찻잔', 'A pair of teacups', 32000, 'crafts'],
    ],
  },
  {
    code: 'CHEONG', slug: 'euncheon-fruit-syrup', nameKo: '은천 달콤청 자활공방', nameEn: 'Euncheon Sweet Syrup Self-Sufficiency Workshop',
    type: 'SELF_SUFFICIENCY_ENTERPRISE', businessRegistrationNo: '474-80-41414', certificationNo: '관악자활-2021-05',
    storyKo: '자활 참여자들이 제철 과일로 수제청을 담급니다. 팔고 남은 과일은 지역 아동센터에 나눕니다.',
    storyEn: 'Self-sufficiency participants preserve seasonal fruit as syrups; leftover fruit goes to local children’s centres.',
    contactName: '데모 문달콤', contactPhone: '02-879-1414', contactEmail: 'sweet-syrup@dream-market.example',
    vouchers: ALL, stall: 3,
    products: [
      ['레몬청 500ml', 'Lemon syrup 500ml', '통레몬을 썰어 담근 레몬청', 'Sliced whole lemons in syrup', 13000, 'drinks'],
      ['자몽청 500ml', 'Grapefruit syrup 500ml', '쌉싸름한 자몽청', 'A bittersweet grapefruit syrup', 14000, 'drinks'],
      ['생강청 300ml', 'Ginger syrup 300ml', '몸을 데워 주는 생강청', 'A warming ginger syrup', 11000, 'drinks'],
      ['유자차 500g', 'Yuja tea 500g', '고흥 유자로 만든 유자차', 'Citron tea from Goheung yuja', 12000, 'drinks'],
      ['청 3종 선물세트', 'Syrup gift trio', '레몬·자몽·생강청 선물 세트', 'Lemon, grapefruit and ginger syrup set', 35000, 'drinks'],
      ['오미자청 500ml', 'Omija syrup 500ml', '새콤달콤한 오미자청', 'A sweet-sour five-flavour berry syrup', 15000, 'drinks'],
    ],
  },
  {
    code: 'TTEOK', slug: 'gwanak-youth-tteok', nameKo: '떡잎 청년떡공방', nameEn: 'Tteogip Youth Rice Cake Studio',
    type: 'PRELIMINARY_SOCIAL_ENTERPRISE', businessRegistrationNo: '562-86-41515', certificationNo: '서울-2021-133',
    storyKo: '일자리를 찾던 관악의 청년들이 떡 장인에게 배워 공방을 열었습니다. 당일 만든 떡만 팝니다.',
    storyEn: 'Job-seeking young people of Gwanak trained with a master rice-cake maker and opened their own studio; everything is made the same day.',
    contactName: '데모 배떡잎', contactPhone: '010-1515-1515', contactEmail: 'tteogip@dream-market.example',
    vouchers: ALL, stall: 1,
    products: [
      ['무지개 설기', 'Rainbow rice cake', '알록달록 무지개 백설기', 'A colourful steamed rice cake', 5000, 'food'],
      ['쑥 인절미', 'Mugwort injeolmi', '콩고물을 묻힌 쑥 인절미', 'Mugwort rice cake rolled in bean powder', 6000, 'food'],
      ['꿀떡 한 팩', 'Honey rice cake pack', '한입에 톡 터지는 꿀떡', 'Bite-sized rice cakes with a honey centre', 4500, 'food'],
      ['약밥', 'Yakbap sweet rice', '대추와 밤을 넣은 약밥', 'Sweet rice with jujube and chestnut', 5500, 'food'],
      ['답례떡 세트 10개', 'Rice cake favour set (10)', '행사 답례용 개별 포장 떡', 'Individually wrapped favours for events', 25000, 'food'],
      ['떡케이크', 'Rice cake cake', '꽃 장식 떡케이크', 'A rice cake decorated with flowers', 42000, 'food'],
      ['가래떡 1kg', 'Garaetteok 1kg', '말랑한 가래떡', 'Soft cylinder rice cakes', 8000, 'food'],
    ],
  },
  {
    code: 'HERB', slug: 'haengun-garden-therapy', nameKo: '행운동 초록치유 사회적협동조합', nameEn: 'Haengun-dong Green Healing Social Cooperative',
    type: 'SOCIAL_COOPERATIVE', businessRegistrationNo: '650-82-41616', certificationNo: '사협인가-2021-207',
    storyKo: '원예 치유 프로그램으로 우울과 고립을 겪는 이웃을 돕습니다. 참여자들이 기른 허브와 화분을 팝니다.',
    storyEn: 'Horticultural therapy for neighbours facing depression and isolation; participants grow the herbs and plants we sell.',
    contactName: '데모 허브향', contactPhone: '02-880-1616', contactEmail: 'green-healing@dream-market.example',
    vouchers: ALL_CULTURE, stall: 3,
    products: [
      ['바질 모종', 'Basil seedling', '베란다에서 키우는 바질 모종', 'A basil seedling for your balcony', 3000, 'produce', 'x'],
      ['로즈마리 화분', 'Rosemary pot', '향기로운 로즈마리 화분', 'A fragrant potted rosemary', 8000, 'produce', 'x'],
      ['허브 삼종 모종', 'Herb seedling trio', '민트·타임·바질 모종', 'Mint, thyme and basil seedlings', 8000, 'produce', 'x'],
      ['말린 캐모마일 30g', 'Dried chamomile 30g', '직접 기른 캐모마일 차', 'Chamomile we grew and dried', 9000, 'drinks'],
      ['허브 방향제', 'Herb sachet', '라벤더 향 주머니', 'A lavender scent sachet', 7000, 'living'],
      ['다육이 미니 화분', 'Mini succulent', '작은 도자기 화분의 다육이', 'A succulent in a small pot', 6000, 'produce', 'x'],
      ['테라리움 만들기 키트', 'Terrarium kit', '유리병 정원 만들기 키트', 'Build a tiny garden in a jar', 25000, 'crafts'],
    ],
  },
  {
    code: 'REFORM', slug: 'nangok-reform-workshop', nameKo: '난곡 솜씨 리폼공방', nameEn: 'Nangok Somssi Reform Workshop',
    type: 'SELF_SUFFICIENCY_ENTERPRISE', businessRegistrationNo: '474-80-41717', certificationNo: '관악자활-2019-04',
    storyKo: '자활 참여 주민들이 수선과 리폼 기술을 익혀 자립합니다. 헌 옷에 새 쓸모를 입힙니다.',
    storyEn: 'Self-sufficiency participants learn mending and remaking to stand on their own, giving old clothes new uses.',
    contactName: '데모 손솜씨', contactPhone: '02-881-1717', contactEmail: 'somssi@dream-market.example',
    vouchers: ALL, stall: 2,
    products: [
      ['리폼 에코백', 'Remade eco bag', '헌 셔츠로 만든 에코백', 'An eco bag made from old shirts', 11000, 'fashion'],
      ['면 마스크 스트랩', 'Cotton mask strap', '자투리 천 마스크 줄', 'A mask strap from fabric scraps', 4000, 'fashion'],
      ['앞치마', 'Apron', '주방용 면 앞치마', 'A cotton kitchen apron', 19000, 'fashion'],
      ['냄비 받침', 'Pot holder', '누빔 천 냄비 받침', 'A quilted pot holder', 6000, 'living'],
      ['스크런치 3개', 'Scrunchies (3)', '자투리 천 곱창 머리끈', 'Hair scrunchies from fabric scraps', 7000, 'fashion'],
      ['누빔 파우치', 'Quilted pouch', '폭신한 누빔 파우치', 'A soft quilted pouch', 13000, 'fashion'],
    ],
  },
  {
    code: 'PICBOOK', slug: 'sinsa-picture-book-coop', nameKo: '신사동 그림책마을 사회적협동조합', nameEn: 'Sinsa-dong Picture Book Village Social Cooperative',
    type: 'SOCIAL_COOPERATIVE', businessRegistrationNo: '650-82-41818', certificationNo: '사협인가-2019-089',
    storyKo: '그림책으로 아이와 어른이 함께 자라는 마을을 만듭니다. 판매 수익으로 작은 도서관을 운영합니다.',
    storyEn: 'Building a neighbourhood where children and adults grow up together through picture books; sales fund a small library.',
    contactName: '데모 그림책', contactPhone: '02-882-1818', contactEmail: 'picture-book@dream-market.example',
    vouchers: CULTURE_LOCAL, stall: 3,
    products: [
      ['그림책 「관악산 호랑이」', 'Picture book: The Tiger of Mt Gwanak', '강감찬 장군 이야기를 담은 그림책', 'A picture book retelling the General Gang Gam-chan legend', 14000, 'books'],
      ['그림책 「별빛내린천의 밤」', 'Picture book: Night at Byeolbit Stream', '도림천의 밤 풍경 그림책', 'A picture book of night by the stream', 13000, 'books'],
      ['색칠 공부 책', 'Colouring book', '관악 명소 색칠 책', 'Colour in the sights of Gwanak', 7000, 'books'],
      ['그림 스티커 세트', 'Illustrated sticker set', '그림책 캐릭터 스티커', 'Stickers of our picture-book characters', 4000, 'books'],
      ['나만의 그림책 만들기 키트', 'Make-your-own picture book kit', '빈 그림책과 색연필 키트', 'A blank book and pencils to make your own', 16000, 'books'],
      ['동화 손인형', 'Story hand puppet', '동화 속 호랑이 손인형', 'The tiger from our story as a hand puppet', 18000, 'crafts'],
      ['그림책 캐릭터 엽서', 'Character postcards', '그림책 장면 엽서 6종', 'Six postcards of picture-book scenes', 6000, 'books'],
    ],
  },
  {
    code: 'DYE', slug: 'jowon-natural-dye-coop', nameKo: '조원동 쪽빛 천연염색 협동조합', nameEn: 'Jowon-dong Jjokbit Natural Dye Cooperative',
    type: 'COOPERATIVE', businessRegistrationNo: '303-81-41919', certificationNo: null,
    storyKo: '쪽과 감물로 천을 물들이는 주민 협동조합입니다. 화학 염료 없이 전통 색을 잇습니다.',
    storyEn: 'A residents’ cooperative dyeing cloth with indigo and persimmon, keeping traditional colours alive without chemicals.',
    contactName: '데모 염쪽빛', contactPhone: '010-1919-1919', contactEmail: 'jjokbit@dream-market.example',
    vouchers: ALL_CULTURE, stall: 1,
    products: [
      ['쪽염 스카프', 'Indigo-dyed scarf', '쪽으로 물들인 실크 스카프', 'A silk scarf dyed with indigo', 48000, 'fashion'],
      ['감물 손수건', 'Persimmon-dyed handkerchief', '감물로 물들인 면 손수건', 'A cotton handkerchief dyed with persimmon', 12000, 'fashion'],
      ['천연염색 티셔츠', 'Naturally dyed T-shirt', '쪽빛 면 티셔츠', 'An indigo cotton T-shirt', 35000, 'fashion'],
      ['염색 체험 키트', 'Natural dyeing kit', '집에서 하는 천연염색 키트', 'Natural dyeing at home', 20000, 'crafts'],
      ['쪽빛 테이블 매트', 'Indigo table mat', '식탁을 물들이는 쪽빛 매트', 'An indigo table mat', 15000, 'living'],
      ['천연염색 양말', 'Naturally dyed socks', '감물 들인 면 양말', 'Persimmon-dyed cotton socks', 8000, 'fashion'],
      ['옛 쪽염 스톨', 'Vintage indigo stole', '단종된 긴 스톨', 'A long stole (no longer made)', 58000, 'fashion', 'd'],
    ],
  },
  {
    code: 'TOFU', slug: 'namhyeon-tofu-village', nameKo: '남현동 콩마을 두부', nameEn: 'Namhyeon-dong Bean Village Tofu',
    type: 'VILLAGE_ENTERPRISE', businessRegistrationNo: '882-80-42020', certificationNo: '서울-관악-2021-01',
    storyKo: '국산 콩으로 매일 아침 두부를 만드는 마을기업입니다. 어르신 일자리와 마을 공동부엌을 함께 꾸립니다.',
    storyEn: 'A village enterprise making tofu every morning from Korean soybeans, with jobs for seniors and a shared village kitchen.',
    contactName: '데모 두콩이', contactPhone: '02-883-2020', contactEmail: 'bean-village@dream-market.example',
    vouchers: ALL, stall: 2,
    products: [
      ['손두부 500g', 'Handmade tofu 500g', '간수로 굳힌 고소한 손두부', 'Nutty handmade tofu set with brine', 5000, 'food', 'x'],
      ['순두부 400g', 'Soft tofu 400g', '부드러운 순두부', 'Silky soft tofu', 3500, 'food', 'x'],
      ['콩물 1L', 'Soy milk 1L', '콩국수용 진한 콩물', 'Thick soy milk for cold noodles', 7000, 'drinks'],
      ['비지 500g', 'Okara 500g', '찌개용 생비지', 'Fresh soy pulp for stews', 2000, 'food', 'x'],
      ['메주콩 1kg', 'Soybeans 1kg', '국산 백태', 'Korean white soybeans', 9000, 'produce', 'x'],
      ['두부과자', 'Tofu crackers', '바삭한 두부 과자', 'Crunchy tofu crackers', 4000, 'food'],
    ],
  },
  {
    code: 'CANDLE', slug: 'haeoreum-candle', nameKo: '해오름 향기공방', nameEn: 'Haeoreum Scent Workshop',
    type: 'SOCIAL_ENTERPRISE', businessRegistrationNo: '108-81-42121', certificationNo: '제2020-455호',
    storyKo: '중증장애인 근로자들이 소이캔들과 디퓨저를 만듭니다. 향기로 일하는 기쁨을 나눕니다.',
    storyEn: 'Workers with severe disabilities pour soy candles and diffusers, sharing the joy of work through scent.',
    contactName: '데모 해오름', contactPhone: '02-884-2121', contactEmail: 'haeoreum@dream-market.example',
    vouchers: ALL, stall: 3,
    products: [
      ['소이캔들 200g', 'Soy candle 200g', '콩기름으로 만든 캔들', 'A candle poured from soy wax', 18000, 'living'],
      ['디퓨저 100ml', 'Reed diffuser 100ml', '은은한 숲 향 디퓨저', 'A gentle forest-scent diffuser', 22000, 'living'],
      ['차량용 방향제', 'Car air freshener', '석고 방향제', 'A plaster car freshener', 9000, 'living'],
      ['틴 캔들', 'Tin candle', '들고 다니는 작은 캔들', 'A small travel candle', 10000, 'living'],
      ['캔들 선물세트', 'Candle gift set', '캔들과 디퓨저 선물 상자', 'A candle and diffuser gift box', 39000, 'living'],
      ['석고 방향제 3개', 'Plaster scent tablets (3)', '옷장용 석고 방향제', 'Scented plaster tablets for the wardrobe', 12000, 'living'],
      ['룸 스프레이', 'Room spray', '라벤더 룸 스프레이', 'A lavender room spray', 14000, 'living'],
    ],
  },
  {
    code: 'GOODS', slug: 'samseong-youth-goods-coop', nameKo: '삼성동 청년굿즈 협동조합', nameEn: 'Samseong-dong Youth Goods Cooperative',
    type: 'COOPERATIVE', businessRegistrationNo: '303-81-42222', certificationNo: null,
    storyKo: '관악에 사는 청년 일러스트레이터들이 동네를 그려 문구를 만듭니다. 청년 작가의 첫 판로가 됩니다.',
    storyEn: 'Young illustrators living in Gwanak draw the neighbourhood onto stationery, their first route to market.',
    contactName: '데모 굿즈린', contactPhone: '010-2222-2222', contactEmail: 'youth-goods@dream-market.example',
    vouchers: CULTURE_LOCAL, stall: 1,
    products: [
      ['관악 일러스트 달력', 'Gwanak illustrated calendar', '열두 달 관악 풍경 달력', 'Twelve months of Gwanak scenes', 15000, 'books'],
      ['떡메모지', 'Memo pad', '관악산 그림 떡메모지', 'A memo pad with Mt Gwanak', 3500, 'books'],
      ['마스킹테이프', 'Masking tape', '동네 골목 마스킹테이프', 'Masking tape of neighbourhood alleys', 4000, 'books'],
      ['아크릴 키링', 'Acrylic key ring', '강감찬 캐릭터 키링', 'A General Gang Gam-chan character key ring', 7000, 'crafts'],
      ['다이어리', 'Undated planner', '날짜 없는 만년 다이어리', 'An undated planner', 16000, 'books'],
      ['스티커 팩', 'Sticker pack', '관악 명소 스티커 모음', 'Stickers of Gwanak landmarks', 5000, 'books'],
      ['엽서 북', 'Postcard book', '뜯어 쓰는 엽서 24장', 'Twenty-four tear-out postcards', 12000, 'books'],
      ['캔버스 파우치', 'Canvas pouch', '일러스트 캔버스 파우치', 'An illustrated canvas pouch', 11000, 'fashion'],
    ],
  },
  {
    code: 'BORAM', slug: 'boramae-jahwal-coffee', nameKo: '보라매 늘봄카페 자활사업단', nameEn: 'Boramae Neulbom Café Self-Sufficiency Enterprise',
    type: 'SELF_SUFFICIENCY_ENTERPRISE', businessRegistrationNo: '474-80-42323', certificationNo: '관악자활-2022-07',
    storyKo: '자활 참여 주민들이 바리스타 자격을 따고 카페를 운영합니다. 커피 한 잔이 자립의 발판이 됩니다.',
    storyEn: 'Residents in the self-sufficiency programme qualified as baristas and run a café; each cup is a step toward independence.',
    contactName: '데모 늘봄이', contactPhone: '02-885-2323', contactEmail: 'neulbom-cafe@dream-market.example',
    vouchers: ALL, stall: 2,
    products: [
      ['아메리카노 원두 500g', 'Americano beans 500g', '매일 마시기 좋은 원두', 'Everyday beans for americano', 18000, 'drinks'],
      ['더치커피 원액 500ml', 'Dutch coffee 500ml', '찬물로 내린 더치커피', 'Slow-drip cold coffee concentrate', 12000, 'drinks'],
      ['수제 쿠키 3개', 'Homemade cookies (3)', '카페에서 구운 쿠키', 'Cookies baked in our café', 4500, 'bakery'],
      ['스콘 2개', 'Scones (2)', '버터 스콘 두 개', 'Two butter scones', 6000, 'bakery'],
      ['보리차 티백 20개', 'Barley tea bags (20)', '구수한 볶은 보리차', 'Nutty roasted barley tea', 5000, 'drinks'],
      ['텀블러', 'Tumbler', '늘봄 로고 텀블러', 'A Neulbom logo tumbler', 16000, 'eco'],
    ],
  },
  {
    code: 'PET', slug: 'inheon-pet-treats', nameKo: '인헌 댕냥이 간식공방', nameEn: 'Inheon Daengnyang Pet Treat Kitchen',
    type: 'PRELIMINARY_SOCIAL_ENTERPRISE', businessRegistrationNo: '562-86-42424', certificationNo: '서울-2024-015',
    storyKo: '유기동물 보호소 봉사자들이 만든 반려동물 간식 공방입니다. 수익의 일부로 유기동물을 돌봅니다.',
    storyEn: 'A pet-treat kitchen started by animal-shelter volunteers; part of every sale cares for abandoned animals.',
    contactName: '데모 댕냥이', contactPhone: '010-2424-2424', contactEmail: 'daengnyang@dream-market.example',
    vouchers: LOCAL, stall: 3,
    products: [
      ['닭가슴살 육포 100g', 'Chicken jerky 100g', '국내산 닭가슴살 수제 육포', 'Handmade jerky from Korean chicken breast', 9000, 'living'],
      ['고구마 말랭이 150g', 'Dried sweet potato 150g', '강아지용 고구마 말랭이', 'Dried sweet potato for dogs', 7000, 'living'],
      ['수제 강아지 쿠키', 'Dog cookies', '밀가루 없는 강아지 쿠키', 'Wheat-free dog cookies', 8000, 'living'],
      ['고양이 동결건조 간식', 'Freeze-dried cat treats', '동결건조 연어 간식', 'Freeze-dried salmon for cats', 12000, 'living'],
      ['반려동물 간식 세트', 'Pet treat gift set', '네 가지 간식 선물 세트', 'A gift set of four treats', 25000, 'living'],
      ['업사이클 반려견 목도리', 'Upcycled dog scarf', '자투리 천 반려견 목도리', 'A dog bandana from fabric scraps', 9000, 'fashion'],
    ],
  },
  {
    code: 'GAMJA', slug: 'daehak-dong-jam-house', nameKo: '대학동 잼잼하우스', nameEn: 'Daehak-dong JamJam House',
    type: 'SOCIAL_COOPERATIVE', businessRegistrationNo: '650-82-42525', certificationNo: '사협인가-2022-031',
    storyKo: '고시촌 청년과 주민이 함께 만든 사회적협동조합입니다. 못난이 과일로 잼을 만들어 버려지는 농산물을 줄입니다.',
    storyEn: 'Exam-village youth and residents formed this social cooperative, turning misshapen fruit into jam so less produce goes to waste.',
    contactName: '데모 잼하우스', contactPhone: '02-886-2525', contactEmail: 'jamjam@dream-market.example',
    vouchers: ALL, stall: 1,
    products: [
      ['딸기잼 300g', 'Strawberry jam 300g', '못난이 딸기로 만든 잼', 'Jam from misshapen strawberries', 9000, 'food'],
      ['블루베리잼 300g', 'Blueberry jam 300g', '과육이 살아 있는 블루베리잼', 'Blueberry jam with whole fruit', 10000, 'food'],
      ['사과잼 300g', 'Apple jam 300g', '시나몬 향 사과잼', 'Apple jam with cinnamon', 8500, 'food'],
      ['잼 3종 선물세트', 'Jam gift trio', '세 가지 잼 선물 상자', 'A gift box of three jams', 26000, 'food'],
      ['못난이 사과 2kg', 'Imperfect apples 2kg', '맛은 그대로인 못난이 사과', 'Misshapen apples that taste just as good', 12000, 'produce', 'x'],
      ['과일 칩 50g', 'Fruit chips 50g', '말린 사과 칩', 'Dried apple chips', 4500, 'food'],
    ],
  },
]

// ───────────────────────────── Derived product list ─────────────────────────────

export interface ProductSeed {
  /** index in ENTERPRISES */
  enterpriseIndex: number
  sku: string
  barcode: string
  nameKo: string
  nameEn: string
  descriptionKo: string
  descriptionEn: string
  priceWon: number
  categorySlug: CategorySlug
  vatExempt: boolean
  active: boolean
}

/** EAN-13 check digit for the first 12 digits (weights 1,3,1,3… from the left). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error(`EAN-13 needs 12 digits, got "${first12}"`)
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3)
  return (10 - (sum % 10)) % 10
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12])
}

function buildProducts(): ProductSeed[] {
  const out: ProductSeed[] = []
  ENTERPRISES.forEach((enterprise, enterpriseIndex) => {
    enterprise.products.forEach(([nameKo, nameEn, descriptionKo, descriptionEn, priceWon, categorySlug, flags], i) => {
      const n = String(i + 1).padStart(3, '0')
      // 880 (Korea) + 4-digit fictional company code + 5-digit item code + check digit
      const first12 = `880${String(9100 + enterpriseIndex).padStart(4, '0')}${String(i + 1).padStart(5, '0')}`
      out.push({
        enterpriseIndex,
        sku: `DM-${enterprise.code}-${n}`,
        barcode: first12 + ean13CheckDigit(first12),
        nameKo,
        nameEn,
        descriptionKo,
        descriptionEn,
        priceWon,
        categorySlug,
        vatExempt: flags?.includes('x') ?? false,
        active: !(flags?.includes('d') ?? false),
      })
    })
  })
  return out
}

export const PRODUCTS: readonly ProductSeed[] = buildProducts()

// ───────────────────────────── Locations ─────────────────────────────

export interface LocationSeed {
  code: string
  kind: LocationKind
  nameKo: string
  nameEn: string
  address: string
  fulfilsOnline: boolean
  /** short name of the POS tablet at this location (none for the warehouse) */
  deviceName: string | null
}

export const PLAZA_ADDRESS = '서울특별시 관악구 관악로 145'

export const LOCATIONS: readonly LocationSeed[] = [
  { code: 'PLAZA-1', kind: 'PLAZA', nameKo: '관악구청 광장 A', nameEn: 'District Office Plaza stall A', address: PLAZA_ADDRESS, fulfilsOnline: false, deviceName: '광장 A 태블릿' },
  { code: 'PLAZA-2', kind: 'PLAZA', nameKo: '관악구청 광장 B', nameEn: 'District Office Plaza stall B', address: PLAZA_ADDRESS, fulfilsOnline: false, deviceName: '광장 B 태블릿' },
  { code: 'PLAZA-3', kind: 'PLAZA', nameKo: '관악구청 광장 C', nameEn: 'District Office Plaza stall C', address: PLAZA_ADDRESS, fulfilsOnline: false, deviceName: '광장 C 태블릿' },
  { code: 'POPUP-1', kind: 'POPUP', nameKo: '샤로수길 팝업', nameEn: 'Sharosu-gil popup', address: '서울특별시 관악구 관악로14길 일대 (데모)', fulfilsOnline: false, deviceName: '샤로수길 팝업 태블릿' },
  { code: 'POPUP-2', kind: 'POPUP', nameKo: '별빛내린천 팝업', nameEn: 'Byeolbit Naerincheon popup', address: '서울특별시 관악구 신림동 별빛내린천 산책로 (데모)', fulfilsOnline: false, deviceName: '별빛내린천 팝업 태블릿' },
  { code: 'FESTIVAL-1', kind: 'FESTIVAL', nameKo: '관악강감찬축제 부스', nameEn: 'Gwanak Gangamchan Festival booth', address: '서울특별시 관악구 낙성대공원 일대 (데모)', fulfilsOnline: false, deviceName: '강감찬축제 부스 태블릿' },
  { code: 'ONLINE-WH', kind: 'ONLINE', nameKo: '꿈시장 온라인 창고', nameEn: 'Dream Market online warehouse', address: '서울특별시 관악구 관악로 145 별관 지하 1층 (데모)', fulfilsOnline: true, deviceName: null },
]

// ───────────────────────────── Voucher programmes ─────────────────────────────

export interface VoucherProgrammeSeed {
  code: VoucherCode
  nameKo: string
  nameEn: string
  tenderKind: 'CULTURE_NURI' | 'LOCAL_GIFT' | 'ONNURI'
  reimbursementDays: number
  eligibleCategories: CategorySlug[]
}

export const VOUCHER_PROGRAMMES: readonly VoucherProgrammeSeed[] = [
  { code: 'CULTURE_NURI', nameKo: '문화누리카드', nameEn: 'Culture Nuri card', tenderKind: 'CULTURE_NURI', reimbursementDays: 14, eligibleCategories: ['books', 'crafts'] },
  { code: 'GWANAK_LOVE', nameKo: '관악사랑상품권 (제로페이 포함)', nameEn: 'Gwanak Love gift certificate (incl. Zero Pay)', tenderKind: 'LOCAL_GIFT', reimbursementDays: 7, eligibleCategories: [] },
  { code: 'ONNURI', nameKo: '온누리상품권', nameEn: 'Onnuri gift certificate', tenderKind: 'ONNURI', reimbursementDays: 30, eligibleCategories: [] },
]

// ───────────────────────────── Holidays (online demand peaks) ─────────────────────────────

/** Seollal (설날) and Chuseok (추석) main days, from the lunar calendar. */
export const LUNAR_HOLIDAYS: Readonly<Record<number, { seollal: string; chuseok: string }>> = {
  2020: { seollal: '2020-01-25', chuseok: '2020-10-01' },
  2021: { seollal: '2021-02-12', chuseok: '2021-09-21' },
  2022: { seollal: '2022-02-01', chuseok: '2022-09-10' },
  2023: { seollal: '2023-01-22', chuseok: '2023-09-29' },
  2024: { seollal: '2024-02-10', chuseok: '2024-09-17' },
  2025: { seollal: '2025-01-29', chuseok: '2025-10-06' },
  2026: { seollal: '2026-02-17', chuseok: '2026-09-25' },
  2027: { seollal: '2027-02-07', chuseok: '2027-09-15' },
  2028: { seollal: '2028-01-27', chuseok: '2028-10-03' },
  2029: { seollal: '2029-02-13', chuseok: '2029-09-22' },
  2030: { seollal: '2030-02-03', chuseok: '2030-09-12' },
}
