/**
 * A Spanish site: WordPress's language set to es_ES (Debian's wordpress-l10n catalogue) for this
 * file, and put back after it. What the comment form says, and what it makes of WordPress's
 * refusals, which come as HTML pages from the classic handler and as JSON with a code from REST.
 *
 * Measured: Debian's es_ES catalogue predates WordPress 6.1's wording of the classic handler's
 * field errors, so those still come in English (and are recognised, by their English text); the
 * other pages are in Spanish. A site with a current catalogue sends the field errors in Spanish
 * too: the test mu-plugin stands in for one (`X-Care-Catalogue: es-current`). The element makes
 * WordPress's own checks before sending (trimmed fields, is_email()), so those pages are a fallback,
 * shown with WordPress's words; the tests reach them by changing what is sent. The last test pins
 * the exact pages WordPress sends.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {getAttribute} from '../helpers/puppeteer-page.mjs';
import {
  RUN,
  assertKept,
  commentsWith,
  fill,
  info,
  launch,
  newPost,
  ownProblems,
  reader,
  restoreOption,
  setCommentStatus,
  setOption,
  sendInstead,
  skip,
  submit,
  view,
} from './post-page.mjs';

/** What the element says in Spanish (the bundle's `es` catalogue). */
const ES = {
  heading: 'Deja una respuesta',
  submit: 'Publicar el comentario',
  labels: ['Comentario *', 'Nombre *', 'Correo electrónico *', 'Web'],
  oneField: 'Corrige 1 campo.',
  required: 'Este campo es obligatorio.',
  badEmail: 'Escribe un correo electrónico como nombre@ejemplo.com.',
};

describe('the comment form on a Spanish WordPress (es_ES)', {skip, concurrency: 1}, () => {
  let browser;
  let language;
  before(async () => {
    language = await setOption('WPLANG', 'es_ES');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await restoreOption('WPLANG', language);
  });

  const as = (key, headers, body) => async () => {
    const r = await reader(browser, `es-${key}`, {headers});
    try {
      await body(r, `Un comentario (${key}) ${RUN}.`);
      assert.deepEqual(ownProblems(r.problems), []);
    } finally {
      await r.close();
    }
  };
  const typed = (who, comment) => ({comment, author: who.author, email: who.email, url: ''});
  const badEmail = (who, comment) => ({...typed(who, comment), email: who.email.replace(/\.com$/, '')});

  it(
    'the page is lang="es-ES" and the form speaks Spanish, its own checks too',
    as('speaks', {}, async ({page, open}) => {
      await open('article');
      assert.equal(await getAttribute(page, 'html', 'lang'), 'es-ES');
      const labels = await page.$$eval('care-comment-form >>> [part="label"]', (nodes) => nodes.map((node) => node.textContent));
      const shown = await view(page);
      assert.deepEqual(
        [shown.heading, shown.submit, labels.slice(0, 4).map((text) => text.replace(/\s+/g, ' ').trim())],
        [ES.heading, ES.submit, ES.labels],
      );
      await fill(page, {comment: 'Hola.'});
      const refused = await submit(page);
      assert.deepEqual([refused.kind, refused.status, refused.invalid], ['invalid', 'Corrige 2 campos.', {author: ES.required, email: ES.required}]);
    }),
  );

  it(
    'an email WordPress would refuse is refused by the form first, in Spanish: nothing sent, everything kept',
    as('own-check', {}, async ({page, open, who}, text) => {
      await open('article');
      await fill(page, badEmail(who, text));
      const shown = await submit(page);
      assert.deepEqual([shown.kind, shown.status, shown.invalid, shown.focus], ['invalid', ES.oneField, {email: ES.badEmail}, 'email']);
      assertKept(shown, badEmail(who, text));
      assert.equal((await commentsWith(text)).length, 0);
    }),
  );

  it(
    "classic, a field error as Debian's es_ES sends it (English words: its catalogue predates them), past the form's check: recognised, shown at the email field in English",
    as('classic-debian', {}, async ({page, open, who}, text) => {
      await open('article');
      await fill(page, typed(who, text));
      await sendInstead(page, {email: badEmail(who, text).email});
      const shown = await submit(page);
      assert.deepEqual([shown.kind, shown.status, shown.invalid], ['error', ES.oneField, {email: 'Please enter a valid email address.'}]);
      assertKept(shown, typed(who, text));
    }),
  );

  it(
    "classic, a field error page in Spanish (a current catalogue), past the form's check: shown as a refusal in WordPress's words, everything kept",
    as('classic-current', {'X-Care-Catalogue': 'es-current'}, async ({page, open, who}, text) => {
      await open('article');
      await fill(page, typed(who, text));
      await sendInstead(page, {email: badEmail(who, text).email});
      const shown = await submit(page);
      // WordPress's words, "Error:" dropped; a page the form's own checks would have caught, so no field to mark.
      assert.deepEqual([shown.kind, shown.status, shown.invalid], ['error', 'Por favor, introduce una dirección de correo electrónico válida.', {}]);
      assertKept(shown, typed(who, text));
    }),
  );

  it(
    "REST, a field error past the form's check: recognised by its code, shown at the email field with WordPress's words (English: Debian's catalogue predates them too)",
    as('rest', {}, async ({page, open, who}, text) => {
      await open('article', {'care-protocol': 'wordpress'});
      await fill(page, typed(who, text));
      await sendInstead(page, {author_email: badEmail(who, text).email});
      const shown = await submit(page);
      assert.deepEqual([shown.kind, shown.status, shown.invalid], ['error', ES.oneField, {email: 'Invalid email address.'}]);
      assertKept(shown, typed(who, text));
    }),
  );

  it('the classic error pages WordPress 6.1 sends on this Spanish site: status, and the whole page but its <style>', async () => {
    const post = await newPost('Comentarios');
    const closed = await newPost('Cerrado');
    await setCommentStatus(closed.id, 'closed');
    const send = async (key, fields = {}) => {
      const response = await fetch(`${info.baseUrl}/wp-comments-post.php`, {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-Care-Client': `es-page-${key}-${RUN}`},
        body: new URLSearchParams({
          comment_post_ID: String(post.id),
          author: 'Lectora',
          email: `es-page-${key}-${RUN}@example.com`,
          url: '',
          comment: `Hola (${key}).`,
          comment_parent: '0',
          ...fields,
        }),
        redirect: 'manual',
      });
      const html = await response.text();
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        page: html.replace(/<style type="text\/css">[\s\S]*?<\/style>/, '<style type="text/css">…</style>'),
      };
    };
    const pages = {
      'required fields (no name)': await send('required', {author: ''}),
      'invalid email': await send('email', {email: 'lectora@example'}),
      'empty comment': await send('empty', {comment: '   '}),
      'comment too long (65,526 bytes)': await send('long', {comment: 'x'.repeat(65_526)}),
      'name too long (246 bytes)': await send('long-name', {author: 'n'.repeat(246)}),
    };
    assert.equal((await send('duplicate', {comment: 'Dos veces.'})).status, 302);
    pages.duplicate = await send('duplicate', {comment: 'Dos veces.'});
    assert.equal((await send('flood', {comment: 'Uno.'})).status, 302);
    pages['flood (a second comment at once)'] = await send('flood', {comment: 'Dos.'});
    pages['comments closed'] = await send('closed', {comment_post_ID: String(closed.id)});
    pages['a post that does not exist'] = await send('missing', {comment_post_ID: '999999'});

    const diePage = (status, message) => ({status, type: 'text/html; charset=UTF-8', page: DIE_PAGE(message)});
    assert.deepEqual(pages, {
      'required fields (no name)': diePage(200, '<strong>Error:</strong> Please fill the required fields.'),
      'invalid email': diePage(200, '<strong>Error:</strong> Please enter a valid email address.'),
      'empty comment': diePage(200, '<strong>Error:</strong> Please type your comment text.'),
      'comment too long (65,526 bytes)': diePage(200, '<strong>Error:</strong> Your comment is too long.'),
      'name too long (246 bytes)': diePage(200, '<strong>Error:</strong> Your name is too long.'),
      duplicate: diePage(409, 'Comentario duplicado: ¡parece que ya había sido enviado antes!'),
      'flood (a second comment at once)': diePage(429, 'Estás publicando comentarios demasiado rápido. Frena.'),
      'comments closed': diePage(403, 'Disculpa, los comentarios están cerrados.'),
      'a post that does not exist': {status: 200, type: 'text/html; charset=UTF-8', page: ''},
    });
  });
});

/** wp_die()'s page as wp-comments-post.php sends it on the Spanish site, its <style> left out. */
const DIE_PAGE = (message) => `<!DOCTYPE html>
<html lang="es-ES">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
	<meta name="viewport" content="width=device-width">
		<meta name='robots' content='noindex, nofollow' />
	<title>Comment Submission Failure</title>
	<style type="text/css">…</style>
</head>
<body id="error-page">
	<div class="wp-die-message"><p>${message}</p></div>
<p><a href='javascript:history.back()'>&laquo; Volver</a></p></body>
</html>
	`;
