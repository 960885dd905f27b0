// A search box with suggestions from /places: type, pick with the mouse or the arrow keys.
import { api } from './api.js';

/**
 * Attaches suggestions to `input`; `list` is the <ul> shown below it. The chosen place's id is kept
 * in input.dataset.id until the text changes; onPick(place) is called after a choice.
 */
export function attachAutocomplete(input, list, onPick) {
  let items = [];
  let active = -1;
  let timer = null;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    list.innerHTML = '';
    input.setAttribute('aria-expanded', 'false');
    items = [];
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, k) => li.classList.toggle('active', k === i));
  };
  const pick = (place) => {
    input.value = place.name;
    input.dataset.id = place.id;
    close();
    onPick(place);
  };
  const show = (places) => {
    items = places;
    list.innerHTML = '';
    places.forEach((p, i) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.dataset.id = p.id;
      li.innerHTML = `<span class="name"></span> <span class="meta"></span>`;
      li.querySelector('.name').textContent = p.name;
      li.querySelector('.meta').textContent =
        `${p.country} · ${p.kind.replace('_', ' ')}${p.match === 'similar' ? ' · similar' : ''}`;
      li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(p); });
      li.addEventListener('mouseenter', () => highlight(i));
      list.appendChild(li);
    });
    list.hidden = places.length === 0;
    input.setAttribute('aria-expanded', String(places.length > 0));
    active = -1;
  };

  input.addEventListener('input', () => {
    delete input.dataset.id;
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) { close(); return; }
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const r = await api.places(q);
        if (mine === seq && document.activeElement === input) show(r.places);
      } catch { close(); }
    }, 120);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); pick(items[active]); }
    else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return { close };
}
