/**
 * `POST /wp-comments-post.php`: WordPress's classic comment handler (wp_handle_comment_submission()
 * and wp-comments-post.php), answering with redirects, wp_die() pages and empty pages as it does.
 */
import {createHmac} from 'node:crypto';
import {accept, diePage, emptyPage, htmlHeaders, refuse} from './answers.mjs';
import {formFields, isEmail, normalizeUrl, overLimit, ownField, phpInt, stripTags} from './fields.mjs';
import {FLOOD_TEXT} from './rest-comments.mjs';

const DUPLICATE_HTML = 'Duplicate comment detected; it looks as though you&#8217;ve already said that!';

/**
 * @param {import('./comments.mjs').Comments} comments
 * @param {import('./replay.mjs').Submission} submission
 * @param {Buffer} hashSecret keys the moderation-hash, as wp_hash() does; any secret will do for a demo
 */
export async function postClassic(comments, submission, hashSecret) {
  // PHP fills $_POST from urlencoded (and multipart) bodies only; anything else arrives empty,
  // and an empty submission names no post: WordPress then exits with an empty 200.
  const fields = submission.contentType === 'application/x-www-form-urlencoded' ? formFields(submission.body) : {};
  const text = (name) => {
    const value = ownField(fields, name);
    return typeof value === 'string' ? value : '';
  };
  const parent = Math.abs(phpInt(text('comment_parent')));
  const post = phpInt(text('comment_post_ID'));
  // WordPress 6.2+ refuses a reply to a missing or unapproved comment, before it looks at the post.
  if (parent !== 0 && !comments.isReplyable(parent, post, true))
    return refuse(diePage(403, 'Sorry, replies to unapproved comments are not allowed.'));
  if (post <= 0) return refuse(emptyPage());

  const author = stripTags(text('author')).trim();
  const email = text('email').trim();
  const rawUrl = text('url').trim();
  const content = text('comment').trim();
  if (author === '' || email === '') return refuse(diePage(200, '<strong>Error:</strong> Please fill the required fields.'));
  if (!isEmail(email)) return refuse(diePage(200, '<strong>Error:</strong> Please enter a valid email address.'));
  if (content === '') return refuse(diePage(200, '<strong>Error:</strong> Please type your comment text.'));
  const tooLong = overLimit({author, email, url: rawUrl, content});
  if (tooLong) return refuse(diePage(200, `<strong>Error:</strong> ${tooLong.text}`));
  // WordPress's pre_comment_author_url filter (esc_url_raw) empties a URL it will not keep.
  const url = rawUrl === '' ? '' : (normalizeUrl(rawUrl) ?? '');

  const result = await comments.admit({post, parent, author, email, url, content, fields, client: submission.client});
  if (result.kind === 'duplicate') return refuse(diePage(409, DUPLICATE_HTML));
  if (result.kind === 'flood') return refuse(diePage(429, FLOOD_TEXT));
  const comment = result.comment;
  let location = `/demo/?p=${comment.post}`;
  // No cookie is ever set here, so a held comment always carries the query arguments that let
  // the theme show "Your comment is awaiting moderation." (wp-comments-post.php).
  if (comment.status !== 'approved') {
    const hash = createHmac('md5', hashSecret).update(comment.date_gmt).digest('hex');
    location += `&unapproved=${comment.id}&moderation-hash=${hash}`;
  }
  location += `#comment-${comment.id}`;
  const answer = {status: 302, headers: {...htmlHeaders(), Location: location}, body: ''};
  return result.kind === 'discarded' ? refuse(answer) : accept(answer);
}
