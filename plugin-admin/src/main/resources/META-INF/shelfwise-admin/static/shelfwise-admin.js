/* Shelfwise admin pages: progress bars that follow training runs, metric charts (uPlot), confirmations. */
(function () {
    'use strict';

    function follow(bar) {
        var url = bar.getAttribute('data-poll');
        var fill = bar.querySelector('.sw-progress-bar');
        var text = bar.querySelector('.sw-progress-text');
        function poll() {
            var xhr = new XMLHttpRequest();
            xhr.open('GET', url);
            xhr.setRequestHeader('Accept', 'application/json');
            xhr.onload = function () {
                if (xhr.status !== 200) { text.textContent = 'status unavailable (' + xhr.status + ')'; return; }
                var v = JSON.parse(xhr.responseText);
                var percent = Math.round((v.progress || 0) * 100);
                fill.style.width = percent + '%';
                text.textContent = percent + '%' + (v.message ? ' ' + v.message : '');
                if (v.status === 'TRAINING') {
                    setTimeout(poll, 1000);
                } else {
                    text.textContent = v.label + ' ' + v.status.toLowerCase() + (v.message ? ': ' + v.message : '');
                    bar.setAttribute('data-done', v.status);
                    setTimeout(function () { window.location.reload(); }, 800);
                }
            };
            xhr.onerror = function () { setTimeout(poll, 3000); };
            xhr.send();
        }
        poll();
    }

    function chart(el) {
        if (typeof uPlot === 'undefined') { return; }
        var points = JSON.parse(el.getAttribute('data-points'));
        var labels = points.map(function (p) { return p[0]; });
        var xs = points.map(function (p, i) { return i; });
        var data = [xs, points.map(function (p) { return p[1]; }), points.map(function (p) { return p[2]; }),
            points.map(function (p) { return p[3]; })];
        new uPlot({
            width: Math.min(720, el.clientWidth || 720), height: 180,
            series: [{}, {label: 'HR@10', stroke: '#2a7ab0', width: 2},
                {label: 'NDCG@10', stroke: '#3c9a5f', width: 2},
                {label: 'Coverage@10', stroke: '#c0883a', width: 1, scale: 'share'}],
            axes: [{values: function (u, vals) { return vals.map(function (v) { return labels[v] || ''; }); }},
                {label: 'HR / NDCG'}, {side: 1, scale: 'share', label: 'coverage', grid: {show: false}}],
            scales: {x: {time: false}}
        }, data, el);
        el.setAttribute('data-rendered', 'true');
    }

    // Health charts: events written / dropped per minute over every storefront server, and the slowest server's
    // p99 of computed lists per placement; both from /shelfwise/health/series.
    var PALETTE = ['#2a7ab0', '#3c9a5f', '#c0883a', '#8e5ea2', '#c0504d', '#4bacc6', '#7f7f7f', '#9bbb59'];

    function healthChart(el, body) {
        var xs = body.minutes;
        var opts = {width: Math.min(900, el.clientWidth || 900), height: 200, scales: {x: {time: true}}};
        var data;
        if (el.getAttribute('data-kind') === 'events') {
            opts.title = 'Events per minute';
            opts.series = [{}, {label: 'written', stroke: '#2a7ab0', width: 2},
                {label: 'dropped', stroke: '#c0504d', width: 2}];
            data = [xs, body.written, body.dropped];
        } else {
            opts.title = 'p99 of computed lists, ms (slowest server)';
            opts.series = [{}];
            data = [xs];
            Object.keys(body.p99).forEach(function (placement, i) {
                opts.series.push({label: placement, stroke: PALETTE[i % PALETTE.length], width: 1.5,
                    spanGaps: true});
                data.push(body.p99[placement]);
            });
        }
        if (xs.length < 2) {
            el.textContent = 'Not enough reports for a chart yet (one a minute per server).';
            el.setAttribute('data-rendered', 'empty');
            return;
        }
        new uPlot(opts, data, el);
        el.setAttribute('data-rendered', 'true');
    }

    function loadHealthCharts(charts) {
        if (!charts.length || typeof uPlot === 'undefined') { return; }
        var xhr = new XMLHttpRequest();
        xhr.open('GET', charts[0].getAttribute('data-series'));
        xhr.onload = function () {
            var body = null;
            try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
            Array.prototype.forEach.call(charts, function (el) {
                if (xhr.status !== 200 || !body || !body.minutes) {
                    el.textContent = 'The chart cannot be drawn: ' + ((body && body.error) || ('HTTP ' + xhr.status));
                    el.setAttribute('data-rendered', 'error');
                } else {
                    healthChart(el, body);
                }
            });
        };
        xhr.send();
    }

    // Placement Tuning: a form over the settings JSON. The form writes the JSON in the text box (which is what the
    // page submits); editing the JSON by hand rebuilds the form. Fields the form does not show are kept as they are.
    var INPUTS = ['shopper_history', 'session', 'context_items', 'none'];
    var RULES = [['excludeViewed', 'leave out what the shopper viewed'],
        ['excludePurchased', 'leave out what the shopper bought'], ['excludeCart', 'leave out what is in the basket'],
        ['excludeCurrent', "leave out the page's product"], ['excludeUnavailable', 'leave out unavailable products']];
    var NUMBERS = [['maxPerCategory', 'at most this many per category (0: no cap)', 0, 1],
        ['defaultCount', 'items shown by default', 1, 1], ['maxCount', 'most items a widget may ask for', 1, 1],
        ['cacheTtlSeconds', 'keep a computed list this many seconds (0: no cache)', 0, 1],
        ['minPrice', 'lowest price', 0, 0.01], ['maxPrice', 'highest price', 0, 0.01]];

    function element(tag, attrs, children) {
        var el = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) {
            if (k === 'text') { el.textContent = attrs[k]; } else { el.setAttribute(k, attrs[k]); }
        });
        (children || []).forEach(function (c) { el.appendChild(c); });
        return el;
    }

    function options(select, values, chosen) {
        values.forEach(function (v) {
            var o = element('option', {value: v, text: v});
            if (v === chosen) { o.selected = true; }
            select.appendChild(o);
        });
        if (chosen && values.indexOf(chosen) < 0) {
            var unknown = element('option', {value: chosen, text: chosen + ' (unknown)'});
            unknown.selected = true;
            select.appendChild(unknown);
        }
        return select;
    }

    function tuningEditor(editor) {
        var box = document.querySelector('#sw-tuning-form textarea[name=json]');
        var strategies = JSON.parse(editor.getAttribute('data-strategies'));
        var settings;
        var problem = element('p', {'class': 'sw-json-problem', role: 'alert', hidden: 'hidden'});

        function write() {
            box.value = JSON.stringify(settings, null, 2);
        }

        function part(p, onRemove) {
            var strategy = options(element('select', {'class': 'sw-step-strategy', 'aria-label': 'strategy'}),
                strategies, p.strategy);
            var input = options(element('select', {'class': 'sw-step-input', 'aria-label': 'input'}), INPUTS,
                p.input || 'none');
            strategy.addEventListener('change', function () { p.strategy = strategy.value; write(); });
            input.addEventListener('change', function () { p.input = input.value; write(); });
            var cells = [strategy, document.createTextNode(' from '), input];
            if (p.weight !== undefined) {
                var weight = element('input', {type: 'number', min: '0', step: '0.05', value: String(p.weight),
                    'class': 'sw-step-weight', 'aria-label': 'weight', size: '5'});
                weight.addEventListener('input', function () {
                    var w = parseFloat(weight.value);
                    p.weight = isNaN(w) ? weight.value : w;
                    write();
                });
                cells.push(document.createTextNode(' weight '), weight);
            }
            if (onRemove) {
                var remove = element('button', {type: 'button', 'class': 'tiny radius secondary button', text: 'x',
                    title: 'remove this strategy from the blend'});
                remove.addEventListener('click', onRemove);
                cells.push(document.createTextNode(' '), remove);
            }
            return element('div', {'class': 'sw-step-part'}, cells);
        }

        function button(text, title, action) {
            var b = element('button', {type: 'button', 'class': 'tiny radius secondary button', text: text,
                title: title});
            b.addEventListener('click', function () { action(); write(); render(); });
            return b;
        }

        function render() {
            editor.innerHTML = '';
            editor.appendChild(problem);
            var rows = element('tbody');
            settings.chain = settings.chain || [];
            settings.chain.forEach(function (step, i) {
                var what = element('td');
                if (step.blend) {
                    step.blend.forEach(function (p, j) {
                        what.appendChild(part(p, step.blend.length > 1 ? function () {
                            step.blend.splice(j, 1);
                            if (step.blend.length === 1) {
                                settings.chain[i] = {strategy: step.blend[0].strategy, input: step.blend[0].input};
                            }
                            write(); render();
                        } : null));
                    });
                } else {
                    what.appendChild(part(step, null));
                }
                var actions = element('td', {}, [
                    button('blend in', 'mix another strategy into this step, by weight', function () {
                        if (!step.blend) {
                            settings.chain[i] = {blend: [{strategy: step.strategy, input: step.input, weight: 1}]};
                        }
                        settings.chain[i].blend.push({strategy: strategies[0], input: 'none', weight: 0.5});
                    }),
                    button('up', 'ask this step earlier', function () {
                        if (i > 0) { settings.chain.splice(i - 1, 0, settings.chain.splice(i, 1)[0]); }
                    }),
                    button('down', 'ask this step later', function () {
                        if (i < settings.chain.length - 1) {
                            settings.chain.splice(i + 1, 0, settings.chain.splice(i, 1)[0]);
                        }
                    }),
                    button('remove', 'take this step out of the chain', function () {
                        if (settings.chain.length > 1) { settings.chain.splice(i, 1); }
                    })]);
                rows.appendChild(element('tr', {'class': 'sw-step', 'data-step': String(i)},
                    [element('td', {text: String(i + 1)}), what, actions]));
            });
            editor.appendChild(element('h4', {text: 'Strategies, asked in order (each fills what the ones before left)'}));
            editor.appendChild(element('table', {'class': 'sw-table', id: 'sw-chain'}, [element('thead', {}, [
                element('tr', {}, [element('th', {text: '#'}), element('th', {text: 'strategy'}),
                    element('th', {text: ''})])]), rows]));
            editor.appendChild(element('div', {}, [button('add a step', 'add a fallback step at the end', function () {
                settings.chain.push({strategy: strategies[0], input: 'none'});
            })]));
            editor.appendChild(element('h4', {text: 'Rules'}));
            var rules = element('div', {'class': 'sw-rules'});
            RULES.forEach(function (r) {
                var box2 = element('input', {type: 'checkbox', name: 'sw-rule-' + r[0]});
                box2.checked = !!settings[r[0]];
                box2.addEventListener('change', function () { settings[r[0]] = box2.checked; write(); });
                rules.appendChild(element('label', {'class': 'sw-rule'}, [box2, document.createTextNode(' ' + r[1])]));
            });
            var category = element('input', {type: 'text', name: 'sw-rule-category', size: '10',
                value: settings.category == null ? '' : settings.category});
            category.addEventListener('input', function () {
                settings.category = category.value.trim() === '' ? null : category.value.trim(); write();
            });
            rules.appendChild(element('label', {'class': 'sw-rule'}, [document.createTextNode('only category id '),
                category]));
            NUMBERS.forEach(function (n) {
                var current = settings[n[0]];
                var field = element('input', {type: 'number', name: 'sw-rule-' + n[0], min: String(n[2]),
                    step: String(n[3]), value: current == null ? '' : String(current), size: '7'});
                field.addEventListener('input', function () {
                    var v = field.value.trim();
                    if (v === '') {
                        settings[n[0]] = (n[0] === 'minPrice' || n[0] === 'maxPrice') ? null : 0;
                    } else if (n[0] === 'minPrice' || n[0] === 'maxPrice') {
                        settings[n[0]] = v;
                    } else {
                        settings[n[0]] = isNaN(parseInt(v, 10)) ? v : parseInt(v, 10);
                    }
                    write();
                });
                rules.appendChild(element('label', {'class': 'sw-rule'}, [document.createTextNode(n[1] + ' '),
                    field]));
            });
            editor.appendChild(rules);
        }

        function load() {
            try {
                var read = JSON.parse(box.value);
                if (!read || typeof read !== 'object' || !Array.isArray(read.chain)) {
                    throw new Error('the settings need a "chain" list');
                }
                settings = read;
                problem.className = 'sw-json-problem';
                problem.hidden = true;
                render();
            } catch (e) {
                problem.textContent = 'The JSON below cannot be shown as a form (' + e.message + '); fix it there.';
                problem.className = 'sw-json-problem sw-flash sw-flash-error';
                problem.hidden = false;
            }
        }

        box.addEventListener('input', load);
        load();
        editor.setAttribute('data-ready', 'true');
    }

    document.addEventListener('DOMContentLoaded', function () {
        Array.prototype.forEach.call(document.querySelectorAll('#sw-tuning-editor[data-strategies]'), tuningEditor);
        loadHealthCharts(document.querySelectorAll('.sw-health-chart[data-series]'));
        Array.prototype.forEach.call(document.querySelectorAll('.sw-progress[data-poll]'), follow);
        Array.prototype.forEach.call(document.querySelectorAll('.sw-chart[data-points]'), chart);
        Array.prototype.forEach.call(document.querySelectorAll('form[data-confirm]'), function (form) {
            form.addEventListener('submit', function (e) {
                if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
            });
        });
        // an upload the admin would refuse for its size is stopped here, before it is sent
        Array.prototype.forEach.call(document.querySelectorAll('form[data-max-bytes]'), function (form) {
            form.addEventListener('submit', function (e) {
                var input = form.querySelector('input[type=file]');
                var file = input && input.files && input.files[0];
                if (file && file.size > Number(form.getAttribute('data-max-bytes'))) {
                    e.preventDefault();
                    window.alert(file.name + ' is ' + (file.size / 1048576).toFixed(1) + ' MB: uploads are limited to '
                        + form.getAttribute('data-max-text') + '.');
                }
            });
        });
        Array.prototype.forEach.call(document.querySelectorAll('[data-check-all]'), function (box) {
            box.addEventListener('change', function () {
                Array.prototype.forEach.call(document.querySelectorAll(box.getAttribute('data-check-all')),
                    function (b) { b.checked = box.checked; });
            });
        });
    });
}());
