/*
 * Shelfwise storefront script: no dependencies, no globals besides window.Shelfwise.
 * - fills lazy widgets ([data-shelfwise-lazy]) from the JSON endpoint once they come near the viewport, so a slow
 *   model never delays the page; a failed or empty answer leaves nothing behind;
 * - reports an impression when a widget is half visible (once per widget and page), and a click on any of its
 *   product links, as beacons tagged with placement, model version and A/B arm;
 * - shows a recommendation's reason when its "Why this?" button is pressed (the reason is also its tooltip).
 * Text is always set with textContent: product names with markup are shown, never run.
 */
(function () {
    'use strict';
    var script = document.currentScript;
    var base = script && script.src ? script.src.replace(/\/shelfwise\/static\/shelfwise\.js(\?.*)?$/, '') : '';
    var seen = typeof WeakSet === 'function' ? new WeakSet() : null;

    /** The page's CSRF token: a widget's own, else any form's (a lazy widget fetched without a session has none). */
    function pageToken() {
        var field = document.querySelector('input[name="csrfToken"]');
        return field ? field.value : null;
    }

    function beacon(params) {
        if (!params.csrfToken) {
            params.csrfToken = pageToken();
        }
        var body = new URLSearchParams();
        Object.keys(params).forEach(function (key) {
            if (params[key] !== null && params[key] !== undefined && params[key] !== '') {
                body.append(key, params[key]);
            }
        });
        var url = base + '/shelfwise/api/events';
        if (navigator.sendBeacon && navigator.sendBeacon(url, body)) {
            return;
        }
        if (window.fetch) {
            fetch(url, {method: 'POST', body: body, credentials: 'same-origin', keepalive: true});
        }
    }

    function impression(widget) {
        if (seen && seen.has(widget)) {
            return;
        }
        if (seen) {
            seen.add(widget);
        }
        beacon({
            type: 'impression',
            placement: widget.getAttribute('data-shelfwise-widget'),
            items: widget.getAttribute('data-shelfwise-items'),
            versions: widget.getAttribute('data-shelfwise-versions'),
            arm: widget.getAttribute('data-shelfwise-arm'),
            csrfToken: widget.getAttribute('data-shelfwise-csrf')
        });
    }

    var visibility = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
            if (entry.isIntersecting) {
                visibility.unobserve(entry.target);
                impression(entry.target);
            }
        });
    }, {threshold: 0.5}) : null;

    function watch(widget) {
        if (visibility) {
            visibility.observe(widget);
        } else {
            impression(widget);
        }
    }

    function element(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined && text !== null) {
            node.textContent = text;
        }
        return node;
    }

    function render(data, id) {
        var widget = element('section', 'shelfwise-widget');
        widget.setAttribute('aria-labelledby', id + '-title');
        widget.setAttribute('data-shelfwise-widget', data.placement);
        widget.setAttribute('data-shelfwise-items', data.items.map(function (i) { return i.id; }).join(','));
        widget.setAttribute('data-shelfwise-versions', data.items.map(function (i) { return i.modelVersion; }).join(','));
        if (data.arm) {
            widget.setAttribute('data-shelfwise-arm', data.arm);
        }
        if (data.csrfToken) {
            widget.setAttribute('data-shelfwise-csrf', data.csrfToken);
        }
        var title = element('h2', 'shelfwise-title', data.title);
        title.id = id + '-title';
        widget.appendChild(title);
        var list = element('ul', 'shelfwise-strip');
        data.items.forEach(function (item) {
            var li = element('li', 'shelfwise-item');
            var href = base + item.url;
            var thumb = element('a', 'shelfwise-thumb');
            thumb.href = href;
            thumb.tabIndex = -1;
            thumb.setAttribute('aria-hidden', 'true');
            if (item.imageUrl) {
                var img = element('img');
                img.src = base + item.imageUrl;
                img.alt = '';
                img.loading = 'lazy';
                thumb.appendChild(img);
            } else {
                thumb.appendChild(element('span', 'shelfwise-placeholder', (item.name || '?').charAt(0).toUpperCase()));
            }
            var name = element('a', 'shelfwise-name', item.name);
            name.href = href;
            [thumb, name].forEach(function (link) {
                link.setAttribute('data-shelfwise-item', item.id);
                link.setAttribute('data-shelfwise-position', item.position);
                link.setAttribute('data-shelfwise-version', item.modelVersion);
                li.appendChild(link);
            });
            li.appendChild(element('p', 'shelfwise-price', item.priceText));
            if (item.reason) {
                var why = element('div', 'shelfwise-why');
                var toggle = element('button', 'shelfwise-why-toggle', 'Why this?');
                toggle.type = 'button';
                toggle.title = item.reason;
                toggle.setAttribute('aria-expanded', 'false');
                var reason = element('p', 'shelfwise-reason', item.reason);
                reason.id = id + '-why-' + item.position;
                reason.hidden = true;
                toggle.setAttribute('aria-controls', reason.id);
                why.appendChild(toggle);
                why.appendChild(reason);
                li.appendChild(why);
            }
            if (data.addToCartUrl) {
                var form = element('form', 'shelfwise-add');
                form.method = 'post';
                form.action = base + data.addToCartUrl;
                [['productId', item.id], ['quantity', '1'], ['csrfToken', data.csrfToken || pageToken()]].forEach(function (field) {
                    if (field[1]) {
                        var input = element('input');
                        input.type = 'hidden';
                        input.name = field[0];
                        input.value = field[1];
                        form.appendChild(input);
                    }
                });
                var button = element('button', 'shelfwise-add-button', 'Add to basket');
                button.type = 'submit';
                button.setAttribute('aria-label', 'Add ' + item.name + ' to basket');
                form.appendChild(button);
                li.appendChild(form);
            }
            list.appendChild(li);
        });
        widget.appendChild(list);
        return widget;
    }

    var counter = 0;

    function load(placeholder) {
        var params = new URLSearchParams();
        params.append('placement', placeholder.getAttribute('data-shelfwise-lazy'));
        ['limit', 'product', 'category'].forEach(function (name) {
            var value = placeholder.getAttribute('data-shelfwise-' + name);
            if (value && value !== '0') {
                params.append(name, value);
            }
        });
        var shown = [];
        document.querySelectorAll('[data-shelfwise-items]').forEach(function (w) {
            shown = shown.concat(w.getAttribute('data-shelfwise-items').split(','));
        });
        if (shown.length) {
            params.append('exclude', shown.slice(0, 100).join(','));
        }
        fetch(base + '/shelfwise/api/recommendations?' + params.toString(), {credentials: 'same-origin'})
            .then(function (response) {
                return response.ok ? response.json() : null;
            })
            .then(function (data) {
                if (!data || !data.items || !data.items.length) {
                    placeholder.remove();
                    return;
                }
                var title = placeholder.getAttribute('data-shelfwise-title');
                if (title) {
                    data.title = title;
                }
                var widget = render(data, 'shelfwise-lazy-' + (++counter));
                placeholder.replaceWith(widget);
                watch(widget);
            })
            .catch(function () {
                placeholder.remove();
            });
    }

    var nearby = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
            if (entry.isIntersecting) {
                nearby.unobserve(entry.target);
                load(entry.target);
            }
        });
    }, {rootMargin: '300px'}) : null;

    function start() {
        document.querySelectorAll('[data-shelfwise-widget]').forEach(watch);
        document.querySelectorAll('[data-shelfwise-lazy]').forEach(function (placeholder) {
            if (nearby) {
                nearby.observe(placeholder);
            } else {
                load(placeholder);
            }
        });
    }

    document.addEventListener('click', function (event) {
        var target = event.target;
        var toggle = target.closest ? target.closest('.shelfwise-why-toggle') : null;
        if (toggle) {
            var reason = document.getElementById(toggle.getAttribute('aria-controls'));
            var open = toggle.getAttribute('aria-expanded') !== 'true';
            toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
            if (reason) {
                reason.hidden = !open;
            }
            return;
        }
        var link = target.closest ? target.closest('a[data-shelfwise-item]') : null;
        var widget = link && link.closest('[data-shelfwise-widget]');
        if (widget) {
            beacon({
                type: 'click',
                placement: widget.getAttribute('data-shelfwise-widget'),
                item: link.getAttribute('data-shelfwise-item'),
                version: link.getAttribute('data-shelfwise-version'),
                position: link.getAttribute('data-shelfwise-position'),
                arm: widget.getAttribute('data-shelfwise-arm'),
                csrfToken: widget.getAttribute('data-shelfwise-csrf')
            });
        }
    });

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
    window.Shelfwise = {refresh: start};
})();
