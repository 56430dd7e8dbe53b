/*
 * shopdesk.js: the chat widget a shop embeds with one line:
 *
 *   <script src="https://DESK/widget/shopdesk.js" data-site="pk_..."
 *           data-identity="CUSTOMER.EXPIRES.SIGNATURE" async></script>
 *
 * data-site is the site's public key (shopdesk site create); the
 * optional data-identity is a token the shop's backend signs for the
 * signed-in customer (shopdesk site sign shows the scheme).  Without it
 * the visitor chats anonymously: products, policies and FAQs only.
 *
 * Plain JavaScript, no build step.  Everything a reply holds is shown
 * as text (textContent), never parsed as markup.
 */
(function () {
	'use strict';

	var script = document.currentScript;
	if (!script || !script.dataset.site) {
		if (window.console)
			console.error('shopdesk: the script tag needs data-site');
		return;
	}
	var base = new URL(script.src, document.baseURI).origin;
	var site = script.dataset.site;
	var identity = script.dataset.identity || '';
	var title = script.dataset.title || 'Chat with us';
	/* One stored session per site and signed-in customer. */
	var who = identity ? identity.split('.').slice(0, -2).join('.') : '';
	var store_key = 'shopdesk.' + site + '.' + (who || 'visitor');

	var session = null;
	var shown = {};		/* message ids on screen */
	var known = 0;		/* messages of the session seen in history */
	var busy = false;
	var listening = false;

	try {
		session = window.localStorage.getItem(store_key);
	} catch (e) {
		session = null;
	}

	function el(tag, cls, text) {
		var e = document.createElement(tag);
		if (cls)
			e.className = cls;
		if (text !== undefined && text !== null)
			e.textContent = String(text);
		return e;
	}

	function headers(json) {
		var h = { 'X-Shopdesk-Site': site };
		if (identity)
			h['X-Shopdesk-Identity'] = identity;
		if (json)
			h['Content-Type'] = 'application/json';
		return h;
	}

	/* The frame: a launcher and a dialog. */
	var style = el('link');
	style.rel = 'stylesheet';
	style.href = base + '/widget/shopdesk.css';
	document.head.appendChild(style);

	var root = el('div', 'sd-root');
	var launcher = el('button', 'sd-launcher', title);
	launcher.type = 'button';
	launcher.setAttribute('aria-expanded', 'false');
	launcher.setAttribute('aria-controls', 'sd-panel');

	var panel = el('section', 'sd-panel');
	panel.id = 'sd-panel';
	panel.hidden = true;
	panel.setAttribute('role', 'dialog');
	panel.setAttribute('aria-label', title);

	var head = el('header', 'sd-head');
	head.appendChild(el('h2', 'sd-title', title));
	var human = el('button', 'sd-human', 'Talk to a person');
	human.type = 'button';
	var close = el('button', 'sd-close', '\u00d7');
	close.type = 'button';
	close.setAttribute('aria-label', 'Close the chat');
	head.appendChild(human);
	head.appendChild(close);

	var log = el('div', 'sd-log');
	log.setAttribute('role', 'log');
	log.setAttribute('aria-live', 'polite');
	log.setAttribute('aria-label', 'Conversation');
	log.tabIndex = 0;

	var status = el('p', 'sd-status');
	status.setAttribute('role', 'status');

	var form = el('form', 'sd-form');
	var label = el('label', 'sd-hidden', 'Your message');
	label.htmlFor = 'sd-input';
	var input = el('input', 'sd-input');
	input.id = 'sd-input';
	input.type = 'text';
	input.autocomplete = 'off';
	input.maxLength = 4000;
	input.placeholder = 'Ask about a product, an order, a return...';
	var send = el('button', 'sd-send', 'Send');
	send.type = 'submit';
	form.appendChild(label);
	form.appendChild(input);
	form.appendChild(send);

	panel.appendChild(head);
	panel.appendChild(log);
	panel.appendChild(status);
	panel.appendChild(form);
	root.appendChild(launcher);
	root.appendChild(panel);
	document.body.appendChild(root);

	function scroll() {
		log.scrollTop = log.scrollHeight;
	}

	function say_status(text) {
		status.textContent = text || '';
	}

	function money(v, cur) {
		try {
			return new Intl.NumberFormat(undefined, { style: 'currency',
			    currency: cur || 'USD' }).format(v);
		} catch (e) {
			return '$' + Number(v).toFixed(2);
		}
	}

	function table_el(t) {
		var tb = el('table', 'sd-table');
		var thead = el('thead'), tr = el('tr'), i, j;
		for (i = 0; i < t.columns.length; i++) {
			var th = el('th', null, t.columns[i]);
			th.scope = 'col';
			tr.appendChild(th);
		}
		thead.appendChild(tr);
		tb.appendChild(thead);
		var body = el('tbody');
		for (i = 0; i < t.rows.length; i++) {
			tr = el('tr');
			for (j = 0; j < t.rows[i].length; j++) {
				var cell = el(j === 0 ? 'th' : 'td', null,
				    t.rows[i][j]);
				if (j === 0)
					cell.scope = 'row';
				tr.appendChild(cell);
			}
			body.appendChild(tr);
		}
		tb.appendChild(body);
		var wrap = el('div', 'sd-table-wrap');
		wrap.appendChild(tb);
		return wrap;
	}

	function card_el(p) {
		var c = el('div', 'sd-card');
		c.appendChild(el('div', 'sd-card-name', p.name));
		var price = el('div', 'sd-card-price');
		price.appendChild(el('span', 'sd-price', money(p.price,
		    p.currency)));
		if (p.list_price) {
			var was = el('s', 'sd-was', money(p.list_price,
			    p.currency));
			was.setAttribute('aria-label', 'was ' +
			    money(p.list_price, p.currency));
			price.appendChild(was);
		}
		c.appendChild(price);
		c.appendChild(el('div', 'sd-card-stock', p.stock > 5 ?
		    'In stock' : p.stock > 0 ? 'Only ' + p.stock + ' left' :
		    'Out of stock'));
		if (p.rating)
			c.appendChild(el('div', 'sd-card-rating', p.rating +
			    '/5 (' + p.reviews + ' reviews)'));
		return c;
	}

	function feedback_el(id) {
		var box = el('div', 'sd-feedback');
		box.setAttribute('role', 'group');
		box.setAttribute('aria-label', 'Was this helpful?');
		box.appendChild(el('span', 'sd-feedback-q', 'Helpful?'));
		/* Words, not emoji: every system has the glyphs. */
		[['up', 'Yes', 'Yes, helpful'],
		    ['down', 'No', 'No, not helpful']].forEach(function (f) {
			var b = el('button', 'sd-thumb', f[1]);
			b.type = 'button';
			b.setAttribute('aria-label', f[2]);
			b.setAttribute('aria-pressed', 'false');
			b.dataset.rating = f[0];
			b.addEventListener('click', function () {
				rate(id, f[0], box, b);
			});
			box.appendChild(b);
		});
		return box;
	}

	/*
	 * A message on screen.  m: {role, text, id?}; turn, for the bot's
	 * live replies: tables, products, options.
	 */
	function add_message(m, turn) {
		var row = el('div', 'sd-msg sd-' + m.role);
		var who = m.role === 'user' ? 'You' : m.role === 'agent' ?
		    'Agent' : 'Assistant';
		row.appendChild(el('span', 'sd-hidden', who + ': '));
		var text = m.text || '';
		var bubble = el('div', 'sd-bubble');
		var tables = turn && turn.tables ? turn.tables : [];
		/*
		 * The reply's text around its tables, each table as a table.
		 * Offsets are in bytes of UTF-8.
		 */
		var bytes = new TextEncoder().encode(text), at = 0;
		var part = function (from, to) {
			return new TextDecoder().decode(bytes.slice(from, to));
		};
		tables.slice().sort(function (a, b) {
			return a.at - b.at;
		}).forEach(function (t) {
			if (t.at > at)
				bubble.appendChild(el('p', 'sd-text',
				    part(at, t.at)));
			bubble.appendChild(table_el(t));
			at = Math.max(at, t.at + t.len);
		});
		if (at < bytes.length)
			bubble.appendChild(el('p', 'sd-text', part(at)));
		row.appendChild(bubble);
		if (turn && turn.products && turn.products.length) {
			var cards = el('div', 'sd-cards');
			turn.products.slice(0, 4).forEach(function (p) {
				cards.appendChild(card_el(p));
			});
			row.appendChild(cards);
		}
		if (turn && turn.options && turn.options.length) {
			var opts = el('div', 'sd-options');
			opts.setAttribute('role', 'group');
			opts.setAttribute('aria-label', 'Choose one');
			turn.options.forEach(function (o) {
				var b = el('button', 'sd-option', o);
				b.type = 'button';
				b.addEventListener('click', function () {
					opts.remove();
					ask(o);
				});
				opts.appendChild(b);
			});
			row.appendChild(opts);
		}
		if (m.role === 'bot' && m.id)
			row.appendChild(feedback_el(m.id));
		if (m.id)
			shown[m.id] = true;
		log.appendChild(row);
		scroll();
		return { row: row, bubble: bubble };
	}

	function remember(id) {
		session = id;
		try {
			window.localStorage.setItem(store_key, id);
		} catch (e) { /* private mode: this page only */ }
	}

	function forget() {
		session = null;
		known = 0;
		try {
			window.localStorage.removeItem(store_key);
		} catch (e) { /* nothing stored */ }
	}

	/* Server-sent events from a fetch body: calls on(event, data). */
	function read_events(resp, on) {
		var reader = resp.body.getReader();
		var dec = new TextDecoder();
		var buf = '';
		function pump() {
			return reader.read().then(function (r) {
				if (r.done)
					return;
				buf += dec.decode(r.value, { stream: true });
				var i;
				while ((i = buf.indexOf('\n\n')) >= 0) {
					var block = buf.slice(0, i), ev = 'message';
					var data = '';
					buf = buf.slice(i + 2);
					block.split('\n').forEach(function (line) {
						if (line.indexOf('event: ') === 0)
							ev = line.slice(7);
						else if (line.indexOf('data: ') === 0)
							data += line.slice(6);
					});
					/* Comment lines (pings) carry no data. */
					if (data !== '')
						on(ev, JSON.parse(data));
				}
				return pump();
			});
		}
		return pump();
	}

	function ask(text) {
		if (busy || !text)
			return;
		busy = true;
		send.disabled = true;
		add_message({ role: 'user', text: text });
		say_status('The assistant is typing\u2026');
		var body = { message: text };
		if (session)
			body.session_id = session;
		var live = null, streamed = '';
		fetch(base + '/api/chat/message', {
			method: 'POST',
			headers: Object.assign(headers(true),
			    { 'Accept': 'text/event-stream' }),
			body: JSON.stringify(body)
		}).then(function (resp) {
			if (resp.status === 404 && session) {
				/* The stored session is gone: start anew. */
				forget();
				throw new Error('Your earlier conversation has '
				    + 'ended; please send your message again.');
			}
			if (!resp.ok)
				return resp.json().then(function (e) {
					throw new Error(e.error || resp.statusText);
				});
			return read_events(resp, function (ev, data) {
				if (ev === 'token' || ev === 'reset') {
					streamed = ev === 'reset' ? data.text :
					    streamed + data.text;
					if (live === null)
						live = add_message({ role: 'bot',
						    text: '' });
					live.bubble.textContent = '';
					live.bubble.appendChild(el('p', 'sd-text',
					    streamed));
					scroll();
				} else if (ev === 'done') {
					if (live !== null)
						live.row.remove();
					if (!session)
						remember(data.session_id);
					if (data.user_message_id)
						shown[data.user_message_id] = true;
					add_message({ role: 'bot', text: data.reply,
					    id: data.message_id }, data);
					listen();
				} else if (ev === 'error') {
					throw new Error(data.error);
				}
			});
		}).then(function () {
			say_status('');
		}).catch(function (e) {
			say_status('Sorry, the message could not be sent: ' +
			    e.message);
		}).then(function () {
			busy = false;
			send.disabled = false;
		});
	}

	function rate(id, rating, box, b) {
		fetch(base + '/api/chat/feedback', {
			method: 'POST',
			headers: headers(true),
			body: JSON.stringify({ message_id: id, rating: rating })
		}).then(function (resp) {
			if (!resp.ok)
				throw new Error(resp.statusText);
			Array.prototype.forEach.call(box.children, function (x) {
				x.disabled = true;
			});
			b.setAttribute('aria-pressed', 'true');
			say_status('Thanks for the feedback.');
		}).catch(function () {
			say_status('Sorry, the feedback could not be sent.');
		});
	}

	/*
	 * A signed-in customer without a conversation here may have been
	 * sent a message (an abandoned cart, a restock): open its session.
	 */
	function notifications() {
		if (session || !identity)
			return Promise.resolve();
		return fetch(base + '/api/chat/notifications',
		    { headers: headers(false) }).then(function (resp) {
			return resp.ok ? resp.json() : null;
		}).then(function (n) {
			if (n && n.notifications.length > 0)
				remember(n.notifications[
				    n.notifications.length - 1].session_id);
		}).catch(function () { /* none then */ });
	}

	/* The session's history, when the chat opens. */
	function refresh() {
		if (!session)
			return notifications().then(function () {
				return session ? refresh() : null;
			});
		return fetch(base + '/api/chat/history/' +
		    encodeURIComponent(session) + '?limit=500',
		    { headers: headers(false) }).then(function (resp) {
			if (resp.status === 404) {
				forget();
				return null;
			}
			return resp.ok ? resp.json() : null;
		}).then(function (h) {
			if (!h)
				return;
			h.messages.forEach(function (m) {
				if (!shown[m.id] && (m.role === 'user' ||
				    m.role === 'bot' || m.role === 'agent'))
					add_message(m, null);
			});
			known = h.offset + h.messages.length;
		}).catch(function () { /* the events stream catches up */ });
	}

	/*
	 * Listen to the session's events: an agent's lines as they are
	 * written (and anything said in another tab).  Lines of this tab's
	 * own turn come with its answer instead.  The server ends a stream
	 * after a while; listen again.
	 */
	function listen() {
		if (!session || listening)
			return;
		listening = true;
		var sid = session;
		fetch(base + '/api/chat/events/' + encodeURIComponent(sid) +
		    '?after=' + known, {
			headers: Object.assign(headers(false),
			    { 'Accept': 'text/event-stream' })
		}).then(function (resp) {
			if (resp.status === 404) {
				forget();
				return null;
			}
			if (!resp.ok)
				throw new Error(resp.statusText);
			return read_events(resp, function (ev, m) {
				if (ev !== 'message')
					return;
				known = Math.max(known, m.seq);
				if (!shown[m.id] && (!busy || m.role === 'agent'))
					add_message(m, null);
			});
		}).catch(function () {
			/* Try again shortly. */
		}).then(function () {
			listening = false;
			if (session === sid)
				window.setTimeout(listen, 1000);
		});
	}

	function open() {
		panel.hidden = false;
		launcher.setAttribute('aria-expanded', 'true');
		input.focus();
		if (!listening)
			refresh().then(listen);
	}

	function shut() {
		panel.hidden = true;
		launcher.setAttribute('aria-expanded', 'false');
		launcher.focus();
	}

	launcher.addEventListener('click', function () {
		if (panel.hidden)
			open();
		else
			shut();
	});
	close.addEventListener('click', shut);
	panel.addEventListener('keydown', function (e) {
		if (e.key === 'Escape')
			shut();
	});
	human.addEventListener('click', function () {
		ask('I would like to talk to a person, please.');
	});
	form.addEventListener('submit', function (e) {
		e.preventDefault();
		var text = input.value.trim();
		if (!text)
			return;
		input.value = '';
		ask(text);
	});
	if (script.dataset.open === 'true')
		open();
})();
