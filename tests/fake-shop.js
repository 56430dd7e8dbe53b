/*
 * fake-shop.js: a local stand-in for a shop's WooCommerce (REST API v3)
 * and Shopify (Admin REST API) on loopback, for tests/sync.t.  Written
 * from the public API documentation: WooCommerce pages with ?page= and
 * X-WP-TotalPages, filters by modified_after and authenticates with
 * HTTP Basic (consumer key and secret); Shopify pages with a Link
 * rel="next" cursor (page_info), filters by updated_at_min, takes
 * X-Shopify-Access-Token and reports X-Shopify-Shop-Api-Call-Limit.
 * It answers one 429 (with Retry-After) and one 500 on the way, as real
 * shops do under load.  Pages are small so that paging is exercised.
 *
 * Usage: node fake-shop.js PORTFILE LOGFILE
 */
'use strict';

const fs = require('fs');
const http = require('http');

const [portFile, logFile] = process.argv.slice(2);
const log = (s) => fs.appendFileSync(logFile, s + '\n');

const wooProducts = [
	{ id: 1, sku: 'WOO-1', name: 'Kestrel Desk Lamp', price: '39.00',
	  regular_price: '49.00', stock_quantity: 12, stock_status: 'instock',
	  categories: [{ slug: 'smart-home' }],
	  description: '<p>A <b>dimmable</b> lamp.</p>',
	  date_modified_gmt: '2026-11-01T10:00:00' },
	{ id: 2, sku: 'WOO-2', name: 'Kestrel USB Hub', price: '25.00',
	  regular_price: '25.00', stock_quantity: null,
	  stock_status: 'outofstock', categories: [{ slug: 'accessories' }],
	  description: 'Four ports.', date_modified_gmt: '2026-11-02T10:00:00' },
	{ id: 3, sku: '', name: 'A product without SKU', price: '1.00',
	  categories: [], date_modified_gmt: '2026-11-03T10:00:00' },
	{ id: 4, sku: 'WOO-4', name: 'Kestrel Cable', price: '9.50',
	  regular_price: '9.50', stock_quantity: 100,
	  categories: [{ slug: 'accessories' }],
	  date_modified_gmt: '2026-11-25T10:00:00' },
	{ id: 5, sku: 'WOO-5', name: 'Kestrel Stand', price: '19.00',
	  regular_price: '19.00', stock_quantity: 3,
	  categories: [{ slug: 'accessories' }],
	  date_modified_gmt: '2026-11-05T10:00:00' },
];
const wooCustomers = [
	{ id: 5, email: 'ana@example.com', first_name: 'Ana', last_name: 'Ruiz',
	  billing: { phone: '+1-555-0101', city: 'Reno', country: 'US' } },
	{ id: 6, email: 'bo@example.com', first_name: 'Bo', last_name: 'Chen',
	  billing: { phone: '', city: 'Omaha', country: 'US' } },
];
const wooOrders = [
	{ id: 9001, customer_id: 5, status: 'processing', currency: 'USD',
	  total: '64.00', payment_method_title: 'Credit card',
	  date_created_gmt: '2026-11-10T09:00:00',
	  date_modified_gmt: '2026-11-10T09:00:00',
	  line_items: [{ sku: 'WOO-1', name: 'Kestrel Desk Lamp', quantity: 1,
	    price: 39 }, { sku: 'WOO-2', name: 'Kestrel USB Hub', quantity: 1,
	    price: 25 }] },
	{ id: 9002, customer_id: 6, status: 'completed', currency: 'USD',
	  total: '19.00', date_created_gmt: '2026-11-11T09:00:00',
	  date_modified_gmt: '2026-11-26T09:00:00',
	  line_items: [{ sku: 'WOO-5', name: 'Kestrel Stand', quantity: 1,
	    price: 19 }] },
	{ id: 9004, customer_id: 5, status: 'processing', currency: 'USD',
	  total: '19.00', date_created_gmt: '2026-11-19T09:00:00',
	  date_modified_gmt: '2026-11-19T09:00:00',
	  line_items: [{ sku: 'WOO-5', name: 'Kestrel Stand', quantity: 1,
	    price: 19 }] },
	{ id: 9003, customer_id: 0, status: 'processing', currency: 'USD',
	  total: '9.50', date_created_gmt: '2026-11-12T09:00:00',
	  date_modified_gmt: '2026-11-12T09:00:00',
	  line_items: [{ sku: 'WOO-4', name: 'Kestrel Cable', quantity: 1,
	    price: 9.5 }] },
];

const shopProducts = [
	{ id: 11, title: 'Aurora Earbuds', vendor: 'Aurora',
	  product_type: 'headphones', body_html: '<p>Small.</p>',
	  updated_at: '2026-11-01T10:00:00-05:00',
	  variants: [
	    { sku: 'SHP-11-B', title: 'Black', price: '59.00',
	      compare_at_price: '79.00', inventory_quantity: 4 },
	    { sku: 'SHP-11-W', title: 'White', price: '59.00',
	      compare_at_price: null, inventory_quantity: 0 }] },
	{ id: 12, title: 'Aurora Speaker', vendor: 'Aurora',
	  product_type: 'speakers', body_html: '',
	  updated_at: '2026-11-02T10:00:00-05:00',
	  variants: [{ sku: 'SHP-12', title: 'Default Title', price: '99.00',
	    inventory_quantity: 7 }] },
];
const shopCustomers = [
	{ id: 77, email: 'cy@example.com', first_name: 'Cy', last_name: 'Park',
	  phone: '+1-555-0177', updated_at: '2026-11-01T10:00:00-05:00',
	  default_address: { city: 'Tulsa', country: 'US' } },
];
const shopOrders = [
	{ id: 5001, name: '#1001', created_at: '2026-11-12T20:30:00-05:00',
	  updated_at: '2026-11-12T20:30:00-05:00', currency: 'USD',
	  total_price: '59.00', financial_status: 'paid',
	  fulfillment_status: 'fulfilled', cancelled_at: null,
	  customer: { id: 77 },
	  fulfillments: [{ tracking_company: 'UPS',
	    tracking_number: '1Z999AA10123456784', shipment_status: 'in_transit',
	    created_at: '2026-11-13T10:00:00-05:00' }],
	  line_items: [{ sku: 'SHP-11-B', title: 'Aurora Earbuds', quantity: 1,
	    price: '59.00' }] },
	{ id: 5002, name: '#1002', created_at: '2026-11-13T08:00:00-05:00',
	  updated_at: '2026-11-13T08:00:00-05:00', currency: 'USD',
	  total_price: '99.00', financial_status: 'voided',
	  fulfillment_status: null, cancelled_at: '2026-11-13T09:00:00-05:00',
	  customer: { id: 77 },
	  line_items: [{ sku: 'SHP-12', title: 'Aurora Speaker', quantity: 1,
	    price: '99.00' }] },
];

const once = {};
function first(what) {
	if (once[what])
		return false;
	once[what] = true;
	return true;
}

function send(res, status, body, headers) {
	res.writeHead(status, Object.assign({ 'Content-Type':
	    'application/json' }, headers || {}));
	res.end(JSON.stringify(body));
}

function after(list, field, since) {
	if (!since)
		return list;
	const t = Date.parse(since);
	return list.filter((r) => Date.parse(r[field] +
	    (/[Z+-]\d\d:?\d\d$|Z$/.test(r[field]) ? '' : 'Z')) > t);
}

function woo(req, res, u) {
	const want = 'Basic ' + Buffer.from('ck_test:cs_test').toString('base64');
	if (req.headers.authorization !== want)
		return send(res, 401, { code: 'woocommerce_rest_cannot_view' });
	/* PUT /orders/ID {"status":"cancelled"}: 9004 is being packed. */
	const m = /\/orders\/(\d+)$/.exec(u.pathname);
	if (req.method === 'PUT' && m) {
		const o = wooOrders.find((x) => String(x.id) === m[1]);
		if (!o)
			return send(res, 404, { code: 'woocommerce_rest_shop_order_' +
			    'invalid_id', message: 'Invalid ID.' });
		if (o.id === 9004)
			return send(res, 400, { code: 'woocommerce_rest_cannot_edit',
			    message: 'Order is already being packed' });
		o.status = 'cancelled';
		return send(res, 200, o);
	}
	const what = u.pathname.split('/').pop();
	let list = { products: wooProducts, customers: wooCustomers,
	    orders: wooOrders }[what];
	if (!list)
		return send(res, 404, { code: 'rest_no_route' });
	list = after(list, 'date_modified_gmt',
	    u.searchParams.get('modified_after'));
	const per = 2, page = Number(u.searchParams.get('page') || 1);
	const pages = Math.max(1, Math.ceil(list.length / per));
	if (what === 'products' && page === 2 && first('woo-429'))
		return send(res, 429, { code: 'too_many' }, { 'Retry-After': '1' });
	send(res, 200, list.slice((page - 1) * per, page * per),
	    { 'X-WP-TotalPages': String(pages), 'X-WP-Total':
	    String(list.length) });
}

function shopify(req, res, u) {
	if (req.headers['x-shopify-access-token'] !== 'shpat_test')
		return send(res, 401, { errors: '[API] Invalid API key or ' +
		    'access token' });
	const c = /\/orders\/(\d+)\/cancel\.json$/.exec(u.pathname);
	if (req.method === 'POST' && c) {
		const o = shopOrders.find((x) => String(x.id) === c[1]);
		if (!o)
			return send(res, 404, { errors: 'Not Found' });
		if (o.fulfillment_status === 'fulfilled')
			return send(res, 422, { errors: { base: ['Cannot cancel ' +
			    'a fulfilled order'] } });
		o.cancelled_at = new Date().toISOString();
		return send(res, 200, { order: o });
	}
	const what = u.pathname.split('/').pop().replace('.json', '');
	let list = { products: shopProducts, customers: shopCustomers,
	    orders: shopOrders }[what];
	if (!list)
		return send(res, 404, { errors: 'Not Found' });
	if (what === 'customers' && first('shop-500'))
		return send(res, 500, { errors: 'Internal Server Error' });
	list = after(list, 'updated_at', u.searchParams.get('updated_at_min'));
	const at = Number(u.searchParams.get('page_info') || 0);
	const headers = { 'X-Shopify-Shop-Api-Call-Limit':
	    what === 'orders' && at === 0 ? '39/40' : '1/40' };
	if (at + 1 < list.length) {
		const next = new URL(u.href);
		next.search = '';
		next.searchParams.set('limit', '1');
		next.searchParams.set('page_info', String(at + 1));
		headers.Link = '<' + next.href + '>; rel="next"';
	}
	const body = {};
	body[what] = list.slice(at, at + 1);
	send(res, 200, body, headers);
}

/* Stripe: payment intents found by metadata, and their refunds. */
const intents = [
	{ id: 'pi_3Ok12345', object: 'payment_intent', amount: 137898,
	  currency: 'usd', status: 'succeeded', metadata: { order_id: '12345' },
	  payment_method_details: { card: { brand: 'visa', last4: '4242' } } },
	{ id: 'pi_3Ok12312', object: 'payment_intent', amount: 14999,
	  currency: 'usd', status: 'canceled', metadata: { order_id: '12312' } },
	/* Demo-store orders with a return, asked about in chat. */
	{ id: 'pi_3Ok12197', object: 'payment_intent', amount: 32800,
	  currency: 'usd', status: 'succeeded', metadata: { order_id: '12197' },
	  payment_method_details: { card: { brand: 'discover',
	  last4: '1810' } } },
	{ id: 'pi_3Ok12170', object: 'payment_intent', amount: 119900,
	  currency: 'usd', status: 'succeeded', metadata: { order_id: '12170' } },
	{ id: 'pi_3Ok12281', object: 'payment_intent', amount: 19900,
	  currency: 'usd', status: 'succeeded', metadata: { order_id: '12281' } },
	{ id: 'pi_3Ok12228', object: 'payment_intent', amount: 93899,
	  currency: 'usd', status: 'succeeded', metadata: { order_id: '12228' } },
	{ id: 'pi_3Ok12296', object: 'payment_intent', amount: 19900,
	  currency: 'usd', status: 'succeeded', metadata: { order_id: '12296' } },
];
const refunds = [
	{ id: 're_1', object: 'refund', amount: 50000, status: 'succeeded',
	  payment_intent: 'pi_3Ok12345', created: 1795000000 },
	{ id: 're_2', object: 'refund', amount: 20000, status: 'pending',
	  payment_intent: 'pi_3Ok12345', created: 1795100000 },
	/* Card data a provider may hold beside a refund: never to be read. */
	{ id: 're_3', object: 'refund', amount: 32800, status: 'succeeded',
	  payment_intent: 'pi_3Ok12197', created: 1795003200,
	  description: 'to card 6011 0009 9013 9424',
	  destination_details: { card: { last4: '9424' } } },
	{ id: 're_4', object: 'refund', amount: 119900, status: 'pending',
	  payment_intent: 'pi_3Ok12170', created: 1795089600 },
	{ id: 're_5', object: 'refund', amount: 93899, status: 'failed',
	  failure_reason: 'expired_or_canceled_card',
	  payment_intent: 'pi_3Ok12228', created: 1794916800 },
];

function stripe(req, res, u) {
	if (req.headers.authorization !== 'Bearer sk_test_fake')
		return send(res, 401, { error: { type: 'invalid_request_error',
		    message: 'Invalid API Key provided' } });
	if (u.pathname === '/v1/payment_intents/search') {
		const m = /^metadata\['order_id'\]:'([^']*)'$/.exec(
		    u.searchParams.get('query') || '');
		if (!m)
			return send(res, 400, { error: { message: 'bad query' } });
		/* Order 12254's payments are on a shard that is down. */
		if (m[1] === '12254')
			return send(res, 503, { error: { type: 'api_error',
			    message: 'Service unavailable' } });
		return send(res, 200, { object: 'search_result', data:
		    intents.filter((p) => p.metadata.order_id === m[1]),
		    has_more: false });
	}
	if (u.pathname === '/v1/refunds')
		return send(res, 200, { object: 'list', data: refunds.filter(
		    (r) => r.payment_intent ===
		    u.searchParams.get('payment_intent')), has_more: false });
	send(res, 404, { error: { message: 'Unrecognized request URL' } });
}

const srv = http.createServer((req, res) => {
	const u = new URL(req.url, 'http://' + req.headers.host);
	log(req.method + ' ' + req.url);
	if (u.pathname.startsWith('/wp-json/wc/v3/'))
		return woo(req, res, u);
	if (u.pathname.startsWith('/admin/api/'))
		return shopify(req, res, u);
	if (u.pathname.startsWith('/v1/'))
		return stripe(req, res, u);
	send(res, 404, { error: 'no such path' });
});
srv.listen(0, '127.0.0.1', () => {
	fs.writeFileSync(portFile + '.tmp', String(srv.address().port));
	fs.renameSync(portFile + '.tmp', portFile);
});
process.on('SIGTERM', () => srv.close(() => process.exit(0)));
