/*
 * demo.js: adds the widget's script tag to demo.html with the site key
 * (and, for trying a signed-in customer, the identity token) from the
 * page's address, as a shop's page would write them into its HTML.
 */
(function () {
	'use strict';
	var q = new URLSearchParams(location.search);
	var s = document.createElement('script');
	s.src = 'shopdesk.js';
	s.dataset.site = q.get('site') || '';
	if (q.get('identity'))
		s.dataset.identity = q.get('identity');
	if (q.get('open'))
		s.dataset.open = 'true';
	document.body.appendChild(s);
})();
