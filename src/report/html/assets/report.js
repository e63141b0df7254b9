// salin's HTML report: filters, moving between findings, copying fixes.
// The page's data is its own markup (data-* attributes); nothing from the
// checked documents is ever evaluated.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');

  var heads = Array.prototype.slice.call(document.querySelectorAll('mark.h'));
  var marks = Array.prototype.slice.call(document.querySelectorAll('mark.f'));
  var cards = Array.prototype.slice.call(document.querySelectorAll('.card'));
  var files = Array.prototype.slice.call(document.querySelectorAll('section.file'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
  var position = document.getElementById('position');
  var hidden = { rule: {}, sev: {}, file: {} };
  // Index in heads of the current finding (-1: none yet).
  var current = -1;

  function shown(el) {
    return !hidden.rule[el.getAttribute('data-rule')] && !hidden.sev[el.getAttribute('data-sev')];
  }

  // The file of each finding, found once.
  var fileOfHead = heads.map(function (m) {
    var section = m.closest('section.file');
    return section ? section.getAttribute('data-file') : '';
  });

  // Indices of the findings that the filters let through, in document order.
  function visible() {
    var out = [];
    heads.forEach(function (m, i) {
      if (shown(m) && !hidden.file[fileOfHead[i]]) { out.push(i); }
    });
    return out;
  }

  function report() {
    var shownNow = visible();
    var at = shownNow.indexOf(current);
    var text = shownNow.length + ' of ' + heads.length + ' findings shown';
    if (at >= 0) {
      text = 'Finding ' + (at + 1) + ' of ' + shownNow.length + ' shown (' + heads.length + ' in all)';
    }
    position.textContent = text;
  }

  function apply() {
    boxes.forEach(function (box) {
      hidden[box.getAttribute('data-filter')][box.value] = !box.checked;
    });
    marks.forEach(function (m) { m.classList.toggle('off', !shown(m)); });
    cards.forEach(function (c) { c.hidden = !shown(c); });
    files.forEach(function (f) { f.hidden = !!hidden.file[f.getAttribute('data-file')]; });
    report();
  }

  function cardOf(mark) {
    return document.getElementById('c' + mark.getAttribute('data-f'));
  }

  function select(mark) {
    var old = heads[current];
    if (old) {
      old.classList.remove('cur');
      var oldCard = cardOf(old);
      if (oldCard) { oldCard.classList.remove('cur'); }
    }
    current = heads.indexOf(mark);
    mark.classList.add('cur');
    var card = cardOf(mark);
    if (card) { card.classList.add('cur'); }
    var details = mark.closest('details');
    if (details) { details.open = true; }
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: 'center' });
    report();
  }

  // Moves to the next (step 1) or previous (step -1) shown finding,
  // counting from the current one even when it has been filtered out.
  function move(step) {
    var shownNow = visible();
    if (!shownNow.length) { return; }
    var next;
    if (step > 0) {
      next = shownNow.find(function (i) { return i > current; });
      if (next === undefined) { next = shownNow[0]; }
    } else {
      var before = shownNow.filter(function (i) { return i < current; });
      next = before.length ? before[before.length - 1] : shownNow[shownNow.length - 1];
    }
    select(heads[next]);
  }

  document.getElementById('next').addEventListener('click', function () { move(1); });
  document.getElementById('prev').addEventListener('click', function () { move(-1); });
  document.getElementById('show-all').addEventListener('click', function () {
    boxes.forEach(function (box) { box.checked = true; });
    apply();
  });
  boxes.forEach(function (box) { box.addEventListener('change', apply); });

  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))) { return; }
    if (e.key === 'n' || e.key === 'j') { move(1); e.preventDefault(); }
    if (e.key === 'p' || e.key === 'k') { move(-1); e.preventDefault(); }
  });

  // Clicking a finding makes it the current one.
  heads.forEach(function (m) {
    m.addEventListener('click', function () { select(m); });
  });

  // Copy the fixed text beside the button.
  function copied(button, ok) {
    button.textContent = ok ? 'Copied' : 'Select and copy';
    setTimeout(function () { button.textContent = 'Copy'; }, 1500);
  }
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button.copy');
    if (!button) { return; }
    var ins = button.parentNode.querySelector('ins');
    var text = ins ? ins.textContent : '';
    function fallback() {
      var range = document.createRange();
      range.selectNodeContents(ins);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (err) { ok = false; }
      copied(button, ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { copied(button, true); }, fallback);
    } else {
      fallback();
    }
  });

  apply();
})();
