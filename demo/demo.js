// The demo pages' own script: the theme and language switches, the page's Spanish prose, and the
// "Comments received" list. The care-* elements need none of it: they follow `lang` and
// `color-scheme` by themselves. Written for a strict Content-Security-Policy with Trusted Types
// enforced: no inline script or style, no HTML string ever reaches a DOM sink.

const THEMES = ['light', 'dark', 'system'];
const LANGS = ['en', 'es'];
const STORE_KEY = 'care-demo:prefs';

/**
 * The page's prose in Spanish, by `data-i18n` key (text) and `data-i18n-attr` key (attributes).
 * English stays in the HTML, which is read once at start, so no-JS readers get the page too.
 */
const ES = {
  pageTitle: 'Entender el síndrome del intestino permeable: síntomas, causas y tratamiento · demo de care-elements',
  themePageTitle: 'Entender el síndrome del intestino permeable · Example Health Journal',
  guidePageTitle: 'Guía de salud intestinal · demo de care-elements',
  skipLink: 'Saltar al artículo',
  demoTagline: 'demo: el artículo de abajo está compuesto con los elementos de una sola etiqueta script.',
  demoNavLabel: 'Páginas de la demo',
  demoControlsLabel: 'Controles de la demo',
  navDemo: 'Artículo',
  navTheme: 'En un tema de blog',
  navGuide: 'La guía',
  themeLegend: 'Tema',
  themeLight: 'Claro',
  themeDark: 'Oscuro',
  themeSystem: 'Sistema',
  langLegend: 'Idioma',

  title: 'Entender el síndrome del intestino permeable: síntomas, causas y tratamiento',
  intro:
    'El síndrome del intestino permeable es una afección en la que el revestimiento del intestino se daña y deja que bacterias y toxinas pasen al torrente sanguíneo. Esto puede provocar una amplia variedad de síntomas, como dolor abdominal, diarrea, hinchazón y cansancio. También se cree que está relacionado con varias enfermedades crónicas, como las enfermedades autoinmunes, las alergias y los problemas de salud mental.',
  whatHeading: '¿Qué es el síndrome del intestino permeable?',
  whatText:
    'Síndrome del intestino permeable es un término que describe la afección en la que el revestimiento del intestino se daña y deja que bacterias y toxinas pasen al torrente sanguíneo. Esto puede ocurrir por varias razones, como la inflamación, un crecimiento excesivo de bacterias dañinas o un desequilibrio de las bacterias intestinales. Cuando sucede, puede provocar una amplia variedad de síntomas, como dolor abdominal, diarrea, hinchazón y cansancio.',
  symptomsCaution: 'Los síntomas pueden variar mucho de una persona a otra.',
  causesSrc: 'data/causes.es.json',
  preventionHeading: 'Prevención y tratamiento',
  preventionText:
    'Prevenir y tratar el síndrome del intestino permeable implica abordar sus causas de fondo y tomar medidas para sanar el revestimiento intestinal. Esto puede incluir cambios en la dieta, como reducir el azúcar y los alimentos procesados y comer más alimentos ricos en nutrientes, como frutas, verduras y alimentos fermentados. Además, suplementos como los probióticos y los ácidos grasos omega-3 pueden ayudar a restablecer un equilibrio saludable de las bacterias intestinales.',
  checklistHeading: 'Pasos que pueden ayudar',
  conclusion:
    'El síndrome del intestino permeable es una afección compleja que puede causar una amplia variedad de síntomas y podría estar relacionada con otros problemas de salud crónicos. Sin embargo, abordando las causas de fondo y tomando medidas para sanar el revestimiento intestinal, es posible mejorar los síntomas y la salud en general.',
  receivedHeading: 'Comentarios recibidos',
  receivedRefresh: 'Actualizar',
  receivedNote:
    'Lo que el receptor de referencia guarda para esta entrada, incluidos los comentarios pendientes de moderación. Un sitio real solo muestra los comentarios aprobados.',
  footer:
    'Todos los elementos de esta página vienen de un solo archivo, dist/care-elements.js. Las suscripciones y los comentarios van al receptor de referencia en este mismo origen; no se envía nada a ningún otro sitio.',

  // The blog theme page (theme.html).
  themeDemoNote: 'La misma demo dentro de un tema de blog típico: letra con serifa, columna estrecha y sus propios colores.',
  siteTagline: 'Notas sencillas sobre comer bien y vivir mejor',
  siteNavLabel: 'Sitio',
  siteNavHome: 'Inicio',
  siteNavArticles: 'Artículos',
  siteNavGuide: 'Guía',
  postMeta: 'Publicado en Salud digestiva',
  symptomsHeading: 'Síntomas del síndrome del intestino permeable',
  symptom1: 'Dolor y calambres abdominales',
  symptom2: 'Diarrea o estreñimiento',
  symptom3: 'Gases e hinchazón',
  symptom4: 'Cansancio y debilidad',
  symptom5: 'Niebla mental y dificultad para concentrarse',
  symptom6: 'Problemas de piel, como eccema o acné',
  symptom7: 'Sensibilidades y alergias alimentarias',
  symptom8: 'Dolor e inflamación de las articulaciones',
  causesHeading: 'Causas del síndrome del intestino permeable',
  cause1: 'Estrés crónico',
  cause2: 'Una dieta rica en azúcar y alimentos procesados',
  cause3: 'El uso excesivo de antibióticos u otros medicamentos',
  cause4: 'Una infección o enfermedad',
  cause5: 'La falta de bacterias intestinales beneficiosas',
  cause6: 'Ciertas afecciones médicas, como la enfermedad celíaca o la enfermedad de Crohn',
  causesCaution:
    'Es importante señalar que no todos los profesionales médicos reconocen el síndrome del intestino permeable como una afección médica, y se necesita más investigación para comprender sus causas y las mejores formas de tratarlo.',
  treatmentHeading: 'Pasos que pueden ayudar',
  step1: 'Reducir el azúcar y los alimentos procesados',
  step2: 'Comer más alimentos ricos en nutrientes, como frutas, verduras y alimentos fermentados',
  step3: 'Considerar suplementos como probióticos y ácidos grasos omega-3',
  step4: 'Eliminar las sensibilidades y alergias alimentarias',
  step5: 'Controlar el estrés con técnicas como yoga, meditación o terapia',
  step6: 'Evitar el uso excesivo de antibióticos y otros medicamentos',
  step7: 'Hacer ejercicio y dormir lo suficiente',
  step8: 'Consultar a un profesional de la salud para saber si alguna afección de fondo puede estar contribuyendo',
  treatmentCaution:
    'Es importante señalar que sanar el intestino puede llevar tiempo y que conviene trabajar con un profesional de la salud para elaborar un plan individualizado.',
  siteFooter: 'Example Health Journal es un tema de ejemplo de la demo de care-elements. Lo que leas aquí no sustituye el consejo médico.',

  // The guide placeholder (gut-health-guide.html).
  guideHeading: 'Guía de salud intestinal',
  guidePlaceholder:
    'Esta página ocupa el lugar de la guía que un editor enlazaría tras una suscripción. La demo no incluye ninguna guía real: lo que sigue es solo un resumen del artículo.',
  guideSummaryHeading: 'Lo que dice el artículo, en breve',
  guidePoint1: 'El «intestino permeable» describe un revestimiento intestinal que deja pasar más de lo que debería.',
  guidePoint2: 'No todos los profesionales médicos lo reconocen como una afección, y la investigación sigue abierta.',
  guidePoint3: 'Una dieta variada rica en fibra, dormir bien, moverse y controlar el estrés son buenos hábitos para cualquiera.',
  guidePoint4: 'Los síntomas digestivos persistentes merecen una consulta con un profesional de la salud.',
  guideBack: 'Volver al artículo',
};

/** The page's own UI strings that demo.js writes (the comments list). */
const UI = {
  en: {
    loading: 'Loading the comments…',
    empty: 'No comments yet. Send one with the form above.',
    count: (n) => (n === 1 ? '1 comment.' : `${n} comments.`),
    failed: (why) => `Could not load the comments (${why}). Is the reference receiver running (npm start)?`,
    anonymous: 'Anonymous',
    status: {approved: 'Approved', hold: 'Held for moderation', spam: 'Spam', trash: 'Trash'},
  },
  es: {
    loading: 'Cargando los comentarios…',
    empty: 'Todavía no hay comentarios. Envía uno con el formulario de arriba.',
    count: (n) => (n === 1 ? '1 comentario.' : `${n} comentarios.`),
    failed: (why) => `No se pudieron cargar los comentarios (${why}). ¿Está en marcha el receptor de referencia (npm start)?`,
    anonymous: 'Anónimo',
    status: {approved: 'Aprobado', hold: 'Pendiente de moderación', spam: 'Spam', trash: 'Papelera'},
  },
};

// ---------------------------------------------------------------------------------------------
// Preferences: the URL (`?theme=dark&lang=es`, used by the screenshots) wins over what was saved.

function readSaved() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}');
    return saved && typeof saved === 'object' ? saved : {};
  } catch {
    return {}; // blocked or corrupt storage: the defaults will do
  }
}

function save(prefs) {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(prefs));
  } catch {
    // blocked or full storage: the choice lasts for this page only
  }
}

function initialPrefs() {
  const saved = readSaved();
  const params = new URLSearchParams(location.search);
  const pick = (name, allowed, fallback) => [params.get(name), saved[name]].find((value) => allowed.includes(value)) ?? fallback;
  return {theme: pick('theme', THEMES, 'system'), lang: pick('lang', LANGS, 'en')};
}

// ---------------------------------------------------------------------------------------------
// Page language: the English of the HTML is kept once, so switching back restores it exactly.

const english = new Map(); // node -> text, or `${attr}` -> value per element

function rememberEnglish() {
  for (const el of document.querySelectorAll('[data-i18n]')) english.set(el, el.textContent);
  for (const el of document.querySelectorAll('[data-i18n-attr]')) {
    const attrs = {};
    for (const [attr] of attrPairs(el)) attrs[attr] = el.getAttribute(attr);
    english.set(el, attrs);
  }
}

/** `data-i18n-attr="heading:key caution:key"` as [attribute, key] pairs. */
function attrPairs(el) {
  return el
    .getAttribute('data-i18n-attr')
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':'));
}

function translatePage(lang) {
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const text = lang === 'es' ? ES[el.dataset.i18n] : english.get(el);
    // Only text nodes change: for a list element's light DOM this is a plain edit, which the
    // element sees and re-renders from.
    if (text !== undefined && el.textContent !== text) el.textContent = text;
  }
  for (const el of document.querySelectorAll('[data-i18n-attr]')) {
    for (const [attr, key] of attrPairs(el)) {
      const value = lang === 'es' ? ES[key] : english.get(el)?.[attr];
      if (value == null) el.removeAttribute(attr);
      else if (el.getAttribute(attr) !== value) el.setAttribute(attr, value);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Applying and switching.

let prefs = initialPrefs();

function apply() {
  const root = document.documentElement;
  // demo.css maps data-theme to `color-scheme` (light, dark, or `light dark` for system).
  root.dataset.theme = prefs.theme;
  root.lang = prefs.lang;
  translatePage(prefs.lang);
  for (const input of document.querySelectorAll('.switch input[name="theme"], .switch input[name="lang"]')) {
    input.checked = prefs[input.name] === input.value;
  }
  renderComments();
}

function onSwitch(event) {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.closest('.switch') || !['theme', 'lang'].includes(input.name)) return;
  prefs = {...prefs, [input.name]: input.value};
  save(prefs);
  // Keep a shared or reloaded URL in step with the choice just made.
  const url = new URL(location.href);
  if (url.searchParams.has(input.name)) {
    url.searchParams.set(input.name, input.value);
    history.replaceState(null, '', url);
  }
  apply();
}

// ---------------------------------------------------------------------------------------------
// "Comments received": GET /api/comments?post=N&status=all, rendered as text only.

const comments = {state: 'idle', list: [], error: '', controller: undefined};

/**
 * The plain text of WordPress's `content.rendered` (HTML, entities included). DOMParser builds an
 * inert document (no script runs, nothing loads) and only its text is kept. Under
 * `require-trusted-types-for 'script'` DOMParser takes TrustedHTML, hence this one-purpose policy.
 */
const textPolicy = globalThis.trustedTypes?.createPolicy('care-demo-text', {createHTML: (html) => html});

function textOf(html) {
  if (typeof html !== 'string' || !html) return '';
  const doc = new DOMParser().parseFromString(textPolicy ? textPolicy.createHTML(html) : html, 'text/html');
  return (doc.body.textContent ?? '').trim();
}

async function loadComments() {
  const section = document.getElementById('comments-received');
  if (!section) return;
  comments.controller?.abort();
  const controller = (comments.controller = new AbortController());
  comments.state = 'loading';
  renderComments();
  const url = `/api/comments?post=${encodeURIComponent(section.dataset.post ?? '1')}&status=all`;
  try {
    const response = await fetch(url, {signal: controller.signal, headers: {Accept: 'application/json'}});
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.json();
    if (!Array.isArray(body)) throw new Error('not a JSON array');
    comments.list = body;
    comments.state = 'ready';
  } catch (error) {
    if (controller.signal.aborted) return;
    comments.state = 'failed';
    comments.error = error instanceof Error ? error.message : String(error);
  }
  section.dataset.state = comments.state;
  renderComments();
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderComments() {
  const section = document.getElementById('comments-received');
  if (!section) return;
  const ui = UI[prefs.lang];
  const status = section.querySelector('.received-status');
  const list = section.querySelector('.received-list');
  section.setAttribute('aria-busy', String(comments.state === 'loading'));
  if (comments.state === 'loading') {
    status.textContent = ui.loading;
    return;
  }
  if (comments.state === 'failed') {
    status.textContent = ui.failed(comments.error);
    list.replaceChildren();
    return;
  }
  if (comments.state !== 'ready') return;
  status.textContent = comments.list.length ? ui.count(comments.list.length) : ui.empty;
  const dates = new Intl.DateTimeFormat(prefs.lang, {dateStyle: 'medium', timeStyle: 'short'});
  list.replaceChildren(
    ...comments.list.map((comment) => {
      const item = el('li', 'received-item');
      const head = el('p', 'received-meta');
      head.append(el('strong', 'received-author', String(comment.author_name || ui.anonymous)));
      // WordPress's `date_gmt` is UTC without a zone; `date` is the site's local time.
      const iso = comment.date_gmt ? `${comment.date_gmt}Z` : comment.date;
      const when = new Date(iso);
      if (!Number.isNaN(when.getTime())) {
        const time = el('time', 'received-date', dates.format(when));
        time.dateTime = when.toISOString();
        head.append(' · ', time);
      }
      const state = String(comment.status ?? '');
      const badge = el('span', `received-badge received-badge-${state.replace(/[^a-z]/g, '') || 'unknown'}`);
      badge.textContent = ui.status[state] ?? state;
      head.append(' ', badge);
      const text = el('p', 'received-text', textOf(comment.content?.rendered));
      text.dir = 'auto';
      item.append(head, text);
      return item;
    }),
  );
}

// ---------------------------------------------------------------------------------------------

rememberEnglish();
apply();
document.addEventListener('change', onSwitch);
if (document.getElementById('comments-received')) {
  loadComments();
  document.querySelector('.received-refresh')?.addEventListener('click', loadComments);
  // The form's `care-success` bubbles and is composed: a new comment shows up here at once.
  document.addEventListener('care-success', (event) => {
    if (event.target instanceof Element && event.target.localName === 'care-comment-form') loadComments();
  });
}
