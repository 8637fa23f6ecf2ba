/**
 * WordPress's REST comments (`/wp/v2/comments`) as the receiver serves them under /api/comments:
 * create in WP_REST_Comments_Controller's order of checks, list, and approve.
 */
import {accept, escapeHtml, invalidParams, json, jsonError, refuse} from './answers.mjs';
import {contentParam, integerParam, isEmail, normalizeUrl, overLimit, parseFields, stringParam, stripTags} from './fields.mjs';

// WordPress's JSON carries `&#8217;` here; the decoded apostrophe is what a reader should see.
const DUPLICATE_TEXT = 'Duplicate comment detected; it looks as though you’ve already said that!';
export const FLOOD_TEXT = 'You are posting comments too quickly. Slow down.';

/** The statuses a listing may ask for; all but `approve` are for moderators. */
const LIST_STATUSES = ['approve', 'hold', 'all'];

/**
 * `POST /api/comments`.
 *
 * @param {import('./comments.mjs').Comments} comments
 * @param {import('./replay.mjs').Submission} submission
 */
export async function postComment(comments, submission) {
  const parsed = parseFields(submission.body, submission.contentType);
  if (parsed.error) return refuse(parsed.error);
  const fields = parsed.fields;

  // 1. The schema: types and formats, every bad parameter named at once.
  const params = {};
  const post = integerParam(fields, 'post', params);
  const parent = integerParam(fields, 'parent', params);
  const author = stripTags(stringParam(fields, 'author_name', params)).trim();
  const email = stringParam(fields, 'author_email', params).trim();
  // An empty email passes here and is refused below as missing author data, as WordPress does.
  if (!params.author_email && email !== '' && !isEmail(email)) params.author_email = 'Invalid email address.';
  const rawUrl = stringParam(fields, 'author_url', params).trim();
  const url = rawUrl === '' ? '' : normalizeUrl(rawUrl);
  if (!params.author_url && url === null) params.author_url = 'Invalid URI.';
  const content = contentParam(fields);
  if (Object.keys(params).length) return refuse(invalidParams(params));

  // 2. The permission check, then create_item().
  if (post <= 0) {
    return refuse(jsonError(403, 'rest_comment_invalid_post_id', 'Sorry, you are not allowed to create this comment without a post.'));
  }
  if (parent !== 0 && !comments.isReplyable(parent, post, false)) return refuse(invalidParams({parent: 'Invalid parent comment ID.'}));
  if (content === '') return refuse(jsonError(400, 'rest_comment_content_invalid', 'Invalid comment content.'));
  if (author === '' || email === '') {
    return refuse(jsonError(400, 'rest_comment_author_data_required', 'Creating a comment requires valid author name and email values.'));
  }
  const tooLong = overLimit({author, email, url: rawUrl, content});
  if (tooLong) return refuse(jsonError(400, tooLong.code, 'Comment field exceeds maximum length allowed.'));

  const result = await comments.admit({post, parent, author, email, url, content, fields, client: submission.client});
  if (result.kind === 'duplicate') return refuse(jsonError(409, 'comment_duplicate', DUPLICATE_TEXT));
  if (result.kind === 'flood') return refuse(jsonError(400, 'comment_flood', FLOOD_TEXT));
  const answer = json(201, publicComment(result.comment));
  return result.kind === 'discarded' ? refuse(answer) : accept(answer);
}

/**
 * `GET /api/comments?post=&status=&order=`.
 *
 * @param {import('./comments.mjs').Comments} comments
 * @param {URLSearchParams} query
 */
export function listComments(comments, query) {
  const params = {};
  const post = query.has('post') ? integerParam({post: query.get('post')}, 'post', params) : undefined;
  const status = query.get('status') ?? 'approve';
  if (!LIST_STATUSES.includes(status)) params.status = `status is not one of ${LIST_STATUSES.join(', ')}.`;
  const order = query.get('order') ?? 'asc';
  if (!['asc', 'desc'].includes(order)) params.order = 'order is not one of asc, desc.';
  if (Object.keys(params).length) return invalidParams(params);

  const list = comments.list({post, status: status === 'approve' ? 'approved' : status}).map(publicComment);
  if (order === 'desc') list.reverse();
  return json(200, list, {'X-WP-Total': String(list.length), 'X-WP-TotalPages': list.length ? '1' : '0'});
}

/** Whether a listing asks for more than the approved comments, which only a moderator may see. */
export function listsUnpublished(query) {
  return query.has('status') && query.get('status') !== 'approve';
}

/**
 * The refusal of a listing for a non-moderator, as get_items_permissions_check() words it for a
 * `status` other than `approve` (401 when not logged in, 403 when logged in without the right).
 */
export function forbiddenListing(status) {
  return jsonError(status, 'rest_forbidden_param', 'Query parameter not permitted: status');
}

/**
 * `POST /api/comments/:id/approve`: what `POST /wp/v2/comments/:id {status: "approved"}` does.
 *
 * @param {import('./comments.mjs').Comments} comments
 * @param {string} idText the id as the path carries it
 */
export async function approveComment(comments, idText) {
  const comment = /^\d+$/.test(idText) ? await comments.approve(Number(idText)) : undefined;
  if (!comment) return refuse(jsonError(404, 'rest_comment_invalid_id', 'Invalid comment ID.'));
  return accept(json(200, publicComment(comment)));
}

/** The refusal of an approval for a non-moderator, as update_item_permissions_check() words it. */
export function forbiddenApproval(status) {
  return jsonError(status, 'rest_cannot_edit', 'Sorry, you are not allowed to edit this comment.');
}

/** A comment as WP_REST_Comments_Controller shows it in the `view` context: never the email. */
function publicComment(c) {
  return {
    id: c.id,
    post: c.post,
    parent: c.parent,
    author: 0,
    author_name: c.author_name,
    author_url: c.author_url,
    // The demo site's timezone is UTC, so local and GMT times are the same.
    date: c.date_gmt,
    date_gmt: c.date_gmt,
    content: {rendered: renderContent(c.content)},
    link: `/demo/#comment-${c.id}`,
    status: c.status,
    type: 'comment',
  };
}

/**
 * Paragraphs and line breaks as wpautop() makes them, but every character escaped: no markup
 * from a reader survives (WordPress would keep a kses-filtered subset).
 */
function renderContent(text) {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br />\n')}</p>`)
    .join('\n');
}
