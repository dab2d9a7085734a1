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

    document.addEventListener('DOMContentLoaded', function () {
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
