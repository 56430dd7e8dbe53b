/*
 * widget.js: the chat widget in a real browser.  Debian's chromium runs
 * headless, driven over the DevTools protocol by puppeteer-core; a page
 * of a made-up shop on another origin embeds the widget with one script
 * tag, as a shop would.  Run by tests/widget-browser.t, which starts
 * shopdesk serve, plays the agent in the desk when this script writes
 * $T/escalated, and turns the lines of $T/browser.tap into TAP.
 *
 * Environment: URL (the server), SHOPDESK, SHOPDESK_DB, APIDB (the test
 * database tool), T (scratch), SCREENS (where screenshots go), CHROMIUM.
 */
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const { execFileSync } = require('child_process');
const puppeteer = require('puppeteer-core');

const env = process.env;
const lines = [];
function check(cond, what) {
	lines.push((cond ? 'ok - ' : 'not ok - ') + what);
}
function sh(...args) {
	return execFileSync(env.SHOPDESK, args, { encoding: 'utf8' });
}
function db(sql) {
	return execFileSync(env.APIDB, [env.SHOPDESK_DB, sql],
	    { encoding: 'utf8' }).trim();
}

/* The shop's page on its own origin; site.pk is set once it listens. */
const site = { pk: '' };
function shop_server() {
	const srv = http.createServer((req, res) => {
		const u = new URL(req.url, 'http://shop');
		const id = u.searchParams.get('identity');
		res.setHeader('Content-Type', 'text/html; charset=utf-8');
		res.end('<!DOCTYPE html><html lang="en"><head>' +
		    '<meta charset="utf-8"><meta name="viewport" ' +
		    'content="width=device-width, initial-scale=1">' +
		    '<title>Test shop</title></head><body><h1>Test shop</h1>' +
		    '<p>Products and more.</p>' +
		    '<script src="' + env.URL + '/widget/shopdesk.js" ' +
		    'data-site="' + site.pk + '"' +
		    (id ? ' data-identity="' + id + '"' : '') +
		    ' async></script></body></html>');
	});
	return new Promise((ok) => srv.listen(0, '127.0.0.1', () => ok(srv)));
}

const BOT = '.sd-msg.sd-bot';

async function open_widget(page) {
	await page.waitForSelector('.sd-launcher');
	await page.click('.sd-launcher');
	await page.waitForSelector('.sd-panel:not([hidden])');
}

/* Send text and wait for the reply; the last bot message's text. */
async function ask(page, text) {
	const n = await page.$$eval(BOT, (v) => v.length);
	await page.focus('#sd-input');
	await page.keyboard.type(text);
	await page.keyboard.press('Enter');
	await page.waitForFunction((sel, n) =>
	    document.querySelectorAll(sel).length > n &&
	    !document.querySelector('.sd-send').disabled, { timeout: 60000 },
	    BOT, n);
	return last_bot(page);
}

async function last_bot(page) {
	return page.$$eval(BOT, (v) => v[v.length - 1].textContent);
}

function wait_file(f, ms) {
	return new Promise((ok) => setTimeout(ok, ms)).then(() =>
	    fs.existsSync(f));
}

async function main() {
	const srv = await shop_server();
	const shop = 'http://127.0.0.1:' + srv.address().port;
	const out = sh('-q', 'site', 'create', '--name', 'test shop',
	    '--origin', shop);
	const id = out.match(/^site (\d+)/m)[1];
	site.pk = out.match(/^public_key (\S+)/m)[1];
	const token = sh('site', 'sign', id, 'C1001').trim();
	const forged = token.replace(/^C1001\./, 'C1002.');
	const browser = await puppeteer.launch({
		executablePath: env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
	});
	try {
		await signed_in(browser, shop, token);
		await phone(browser, shop, token);
		await strangers(browser, shop, forged);
		await proactive(browser, shop, sh('site', 'sign', id,
		    'C1005').trim());
	} finally {
		await browser.close();
		srv.close();
	}
}

/* C1001, signed in: the seed's three questions, orders, a clarifying
 * option, feedback, a person, the agent's lines, a reload. */
async function signed_in(browser, shop, token) {
	const page = await browser.newPage();
	await page.setViewport({ width: 1280, height: 800 });
	await page.goto(shop + '/?identity=' + encodeURIComponent(token));
	await open_widget(page);
	check(await page.$eval('.sd-launcher', (b) =>
	    b.getAttribute('aria-expanded')) === 'true',
	    'the launcher says the chat is open (aria-expanded)');
	check(await page.evaluate(() => document.activeElement.id) ===
	    'sd-input', 'focus moves to the message field');
	check(await page.$eval('.sd-log', (l) =>
	    l.getAttribute('aria-live')) === 'polite',
	    'new messages are announced (aria-live)');
	check(await page.$eval('label[for="sd-input"]', (l) =>
	    l.textContent) !== '', 'the message field has a label');

	let r;
	/* Unclear questions; the first that gets a clarifying one. */
	let opts = [];
	for (const q of ['can you help me with the thing i bought',
	    'Could you help with something about my purchase',
	    'I want to do something with my stuff']) {
		r = await ask(page, q);
		opts = await page.$$eval(BOT, (v) => Array.from(v[v.length - 1]
		    .querySelectorAll('.sd-option')).map((b) => b.textContent));
		if (opts.length > 0)
			break;
	}
	check(opts.length >= 2, 'a clarifying question offers buttons: ' +
	    opts.join(' | '));
	const n = await page.$$eval(BOT, (v) => v.length);
	if (opts.length > 0) {
		await page.click('.sd-option');
		await page.waitForFunction((sel, n) =>
		    document.querySelectorAll(sel).length > n &&
		    !document.querySelector('.sd-send').disabled,
		    { timeout: 60000 }, BOT, n);
		check((await page.$$eval('.sd-msg.sd-user', (v) =>
		    v[v.length - 1].textContent)).includes(opts[0]),
		    'clicking an option sends it');
		r = await last_bot(page);
		check(!/I want to make sure/.test(r),
		    'and the answer is understood: ' + r.slice(0, 80));
	}

	r = await ask(page, "I'm looking for a gaming laptop under $1500");
	check(/\$1?,?\d{3}/.test(r), 'a laptop with its price: ' + r.slice(0,
	    80));
	const cards = await page.$$eval(BOT, (v) =>
	    v[v.length - 1].querySelectorAll('.sd-card').length);
	check(cards > 0, 'the reply shows product cards (' + cards + ')');
	await page.screenshot({ path: path.join(env.SCREENS,
	    'widget-desktop.png') });
	check(await page.$$eval(BOT, (v) => /\$\d/.test(v[v.length - 1]
	    .querySelector('.sd-card .sd-price').textContent)),
	    'a card shows its price');
	r = await ask(page, "Yes, and how's the battery life?");
	check(/hour/i.test(r), 'battery life in hours: ' + r.slice(0, 80));
	r = await ask(page, 'What about warranty?');
	check(/warranty/i.test(r), 'the warranty: ' + r.slice(0, 80));
	r = await ask(page, 'where is my order?');
	check(r.includes('#12345'), 'a signed-in customer sees their orders');

	const before = Number(db('SELECT count(*) FROM feedback'));
	await page.$$eval(BOT, (v) => v[v.length - 1]
	    .querySelector('.sd-thumb[data-rating="up"]').click());
	await page.waitForSelector('.sd-thumb[aria-pressed="true"]');
	check(Number(db('SELECT count(*) FROM feedback WHERE rating = 5')) ===
	    before + 1, 'a thumb up is stored as feedback');
	await page.screenshot({ path: path.join(env.SCREENS,
	    'widget-feedback.png') });

	const nb = await page.$$eval(BOT, (v) => v.length);
	await page.click('.sd-human');
	await page.waitForFunction((sel, n) =>
	    document.querySelectorAll(sel).length > n, { timeout: 60000 },
	    BOT, nb);
	r = await last_bot(page);
	check(/person|team|agent/i.test(r), 'talk to a person: ' +
	    r.slice(0, 80));
	const sid = await page.evaluate(() => {
		for (let i = 0; i < localStorage.length; i++)
			if (localStorage.key(i).startsWith('shopdesk.'))
				return localStorage.getItem(localStorage.key(i));
		return null;
	});
	check(sid !== null, 'the session id is kept in local storage');
	check(db("SELECT status FROM sessions WHERE id = '" + sid + "'") ===
	    'escalated', 'the session is escalated');
	fs.writeFileSync(path.join(env.T, 'escalated'), sid + '\n');

	/* The agent, in the desk, writes two lines. */
	let seen = false;
	try {
		await page.waitForFunction(() => Array.from(
		    document.querySelectorAll('.sd-msg.sd-agent')).some((m) =>
		    m.textContent.includes('window.pwned')),
		    { timeout: 120000 });
		seen = true;
	} catch (e) {
		seen = false;
	}
	const agent = await page.$$eval('.sd-msg.sd-agent', (v) =>
	    v.map((m) => m.textContent));
	check(seen && agent.some((t) => t.includes('Hi, this is Alice')),
	    "the agent's line appears live: " + agent.join(' | '));
	check(seen && agent.some((t) => t.includes('<script>')),
	    'markup in a message is shown as text');
	check(await page.evaluate(() => window.pwned === undefined &&
	    document.querySelector('.sd-log script, .sd-log b') === null),
	    'and never runs or renders');
	await page.screenshot({ path: path.join(env.SCREENS,
	    'widget-agent.png') });

	const shown = await page.$$eval('.sd-msg', (v) => v.length);
	await page.reload();
	await open_widget(page);
	await page.waitForFunction((n) =>
	    document.querySelectorAll('.sd-msg').length >= n,
	    { timeout: 30000 }, shown - 1);
	const text = await page.$eval('.sd-log', (l) => l.textContent);
	check(text.includes('gaming laptop') && text.includes('Hi, this is ' +
	    'Alice'), 'after a reload the history is back');

	await page.keyboard.press('Escape');
	check(await page.$eval('.sd-panel', (p) => p.hidden) &&
	    await page.evaluate(() => document.activeElement.className) ===
	    'sd-launcher', 'Escape closes the chat and focus returns');
	await page.close();
}

async function phone(browser, shop, token) {
	const page = await browser.newPage();
	await page.setViewport({ width: 390, height: 844, isMobile: true,
	    hasTouch: true, deviceScaleFactor: 2 });
	await page.goto(shop + '/?identity=' + encodeURIComponent(token));
	await open_widget(page);
	await page.waitForFunction(() =>
	    document.querySelectorAll('.sd-msg').length > 0,
	    { timeout: 30000 });
	const w = await page.$eval('.sd-panel', (p) =>
	    p.getBoundingClientRect().width);
	check(w <= 390 && w > 300, 'on a phone the chat fills the width (' +
	    w + ' px)');
	await page.screenshot({ path: path.join(env.SCREENS,
	    'widget-phone.png') });
	await page.close();
}

/* A forged identity and an anonymous visitor see no orders. */
async function strangers(browser, shop, forged) {
	let ctx = await browser.createBrowserContext();
	let page = await ctx.newPage();
	await page.goto(shop + '/?identity=' + encodeURIComponent(forged));
	await open_widget(page);
	await page.focus('#sd-input');
	await page.keyboard.type('where is my order?');
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => /could not be sent/.test(
	    document.querySelector('.sd-status').textContent),
	    { timeout: 30000 });
	check(await page.$$eval(BOT, (v) => v.length) === 0,
	    'a forged signature gets no answer');
	check(!(await page.$eval('.sd-log', (l) => l.textContent))
	    .includes('#12345 ('), 'and shows no orders');
	await ctx.close();

	ctx = await browser.createBrowserContext();
	page = await ctx.newPage();
	await page.goto(shop + '/');
	await open_widget(page);
	const r = await ask(page, 'where is my order?');
	check(!/placed 20/.test(r), 'an anonymous visitor sees no orders: ' +
	    r.slice(0, 80));
	await ask(page, 'compare the sony wh-1000xm5 and the bose ' +
	    'quietcomfort ultra');
	const cols = await page.$$eval(BOT, (v) => Array.from(v[v.length - 1]
	    .querySelectorAll('table thead th')).map((th) => th.textContent));
	check(cols.length === 3 && cols[1].includes('Sony'),
	    'a comparison is shown as a table: ' + cols.join(' | '));
	await page.screenshot({ path: path.join(env.SCREENS,
	    'widget-compare.png') });
	await ctx.close();
}

/* A proactive message waits in the widget of the customer it is for. */
async function proactive(browser, shop, token) {
	sh('-q', 'triggers', 'run');
	const ctx = await browser.createBrowserContext();
	const page = await ctx.newPage();
	await page.goto(shop + '/?identity=' + encodeURIComponent(token));
	await open_widget(page);
	let seen = true;
	try {
		await page.waitForFunction(() => document.querySelector('.sd-log')
		    .textContent.includes('Good news, Olivia'),
		    { timeout: 30000 });
	} catch (e) {
		seen = false;
	}
	check(seen, "a proactive message is shown when the customer's " +
	    'widget opens');
	const r = await ask(page, 'great, how long is the warranty?');
	check(r.length > 0, 'and the customer can answer it there');
	await ctx.close();
}

main().catch((e) => {
	check(false, 'the browser run: ' + (e && e.stack ? e.stack : e));
}).then(() => {
	fs.writeFileSync(path.join(env.T, 'browser.tap'),
	    lines.join('\n') + '\n');
});
