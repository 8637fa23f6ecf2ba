/**
 * The comment store, shared by the REST and the classic route: wp_allow_comment() and
 * wp_insert_comment() (spam, duplicate, flood, the moderation verdict), approval, and the lists.
 *
 * Each check is a lookup in an index kept beside the comments, not a scan of them all: the cost of
 * a submission does not grow with the number of comments already stored.
 */
import {createHash} from 'node:crypto';
import {fold, spamReason} from './fields.mjs';

/**
 * @typedef {object} CommentInput a comment that passed the route's own checks
 * @property {number} post
 * @property {number} parent
 * @property {string} author
 * @property {string} email
 * @property {string} url normalised, or ''
 * @property {string} content
 * @property {Record<string, unknown>} fields the submission as sent, for the spam check and floodKey
 * @property {string} client
 */

export class Comments {
  #file;
  #log;
  #floodWindowMs;
  #floodKey;
  #now;
  /** @type {Map<number, object>} by id, in id order */
  #byId = new Map();
  #nextId = 1;
  #discarded = 0;
  /** Digests of what makes two comments duplicates (WordPress's duplicate query). */
  #texts = new Set();
  /** @type {Map<string, number>} the time of the last comment by client, by email, by floodKey */
  #lastBy = new Map();
  /** Name and email of every author with an approved comment. */
  #approvedAuthors = new Set();

  /**
   * @param {object} options
   * @param {{append(value: object): Promise<void>}} options.file
   * @param {(message: string) => void} options.log
   * @param {number} options.floodWindowMs
   * @param {((client: string, fields: Record<string, unknown>) => string) | undefined} options.floodKey
   * @param {() => number} [options.now]
   */
  constructor({file, log, floodWindowMs, floodKey, now = Date.now}) {
    this.#file = file;
    this.#log = log;
    this.#floodWindowMs = floodWindowMs;
    this.#floodKey = floodKey;
    this.#now = now;
  }

  get size() {
    return this.#byId.size;
  }

  /** Takes the file's lines at start: comments, and the approvals appended after them. */
  load(lines) {
    for (const line of lines) {
      if (line.op === 'approve') this.#markApproved(this.#byId.get(line.id));
      else if (Number.isSafeInteger(line.id) && line.id > 0) this.#index(line);
    }
  }

  /** Whether `parent` is a comment on `post` (REST), or an approved comment (the classic handler). */
  isReplyable(parent, post, classic) {
    const comment = this.#byId.get(parent);
    if (!comment) return false;
    return classic ? comment.status === 'approved' : comment.post === post;
  }

  /**
   * wp_allow_comment() and wp_insert_comment(): the spam check, the duplicate check, the flood
   * check, the moderation verdict, then one fsynced line. Run it in the receiver's queue.
   *
   * @param {CommentInput} input
   * @returns {Promise<{kind: 'created' | 'discarded', comment: object} | {kind: 'duplicate' | 'flood'}>}
   */
  async admit(input) {
    const now = this.#now();
    const spam = spamReason(input.fields);
    if (spam) {
      this.#discarded += 1;
      this.#log(`discarded a comment (${spam}); ${this.#discarded} discarded so far`);
      // Looks like a held comment, so a bot cannot tell; the id is used up but nothing is kept.
      return {kind: 'discarded', comment: commentRecord(this.#nextId++, input, now, 'hold')};
    }
    if (this.#texts.has(textDigest(input.post, input.parent, input.author, input.email, input.content))) return {kind: 'duplicate'};
    const floodKey = this.#floodKey ? String(this.#floodKey(input.client, {...input.fields, post: input.post, parent: input.parent})) : undefined;
    // wp_check_comment_flood(): the last comment from this address OR this email, unless the
    // owner said who counts as the same poster.
    const posters = floodKey === undefined ? [`client ${input.client}`, `email ${fold(input.email)}`] : [`key ${floodKey}`];
    if (this.#floodWindowMs > 0 && posters.some((poster) => now - (this.#lastBy.get(poster) ?? -Infinity) < this.#floodWindowMs)) {
      return {kind: 'flood'};
    }
    // check_comment() with "Comment author must have a previously approved comment" on, the
    // default: the same name AND email on an approved comment.
    const known = this.#approvedAuthors.has(authorId(input.author, input.email));
    const record = {...commentRecord(this.#nextId, input, now, known ? 'approved' : 'hold'), client: input.client};
    if (floodKey !== undefined) record.flood_key = floodKey;
    await this.#file.append(record);
    this.#index(record);
    this.#log(`stored comment ${record.id} on post ${record.post} (${record.status})`);
    return {kind: 'created', comment: record};
  }

  /** Approves comment `id`; returns it, or undefined when there is none. */
  async approve(id) {
    const comment = this.#byId.get(id);
    if (!comment) return undefined;
    if (comment.status !== 'approved') {
      // An event line rather than a rewrite: the file only grows, so a crash can at worst tear
      // its last line, never lose a comment already stored.
      await this.#file.append({op: 'approve', id: comment.id});
      this.#markApproved(comment);
      this.#log(`approved comment ${comment.id}`);
    }
    return comment;
  }

  /**
   * The stored comments, in id order.
   *
   * @param {{post?: number, status: 'approved' | 'hold' | 'all'}} filter
   */
  list({post, status}) {
    return [...this.#byId.values()].filter((c) => (post === undefined || c.post === post) && (status === 'all' || c.status === status));
  }

  #index(record) {
    this.#byId.set(record.id, record);
    this.#nextId = Math.max(this.#nextId, record.id + 1);
    this.#texts.add(textDigest(record.post, record.parent, record.author_name, record.author_email, record.content));
    const posters = [`client ${record.client}`, `email ${fold(record.author_email)}`];
    if (record.flood_key !== undefined) posters.push(`key ${record.flood_key}`);
    for (const poster of posters) this.#lastBy.set(poster, Math.max(this.#lastBy.get(poster) ?? -Infinity, record.created_ms));
    if (record.status === 'approved') this.#approvedAuthors.add(authorId(record.author_name, record.author_email));
  }

  #markApproved(comment) {
    if (!comment) return;
    comment.status = 'approved';
    this.#approvedAuthors.add(authorId(comment.author_name, comment.author_email));
  }
}

/** What WordPress's duplicate query compares, as MySQL's collation sees it, in a fixed small size. */
function textDigest(post, parent, author, email, content) {
  return createHash('sha256')
    .update(JSON.stringify([post, parent, fold(author), fold(email), fold(content)]))
    .digest('base64');
}

function authorId(name, email) {
  return JSON.stringify([fold(name), fold(email)]);
}

function commentRecord(id, input, now, status) {
  return {
    id,
    post: input.post,
    parent: input.parent,
    author_name: input.author,
    author_email: input.email,
    author_url: input.url,
    content: input.content,
    date_gmt: new Date(now).toISOString().slice(0, 19),
    created_ms: now,
    status,
  };
}
