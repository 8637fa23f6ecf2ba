/**
 * `POST /api/guide-signups` and the list it keeps. Every answer that is not a field error has the
 * same shape with a fresh id, so an answer tells nobody whether an address is on the list, nor
 * whether the server believed the sender.
 */
import {randomUUID} from 'node:crypto';
import {accept, invalidParams, json, refuse} from './answers.mjs';
import {booleanParam, charLength, isEmail, parseFields, spamReason, stringParam} from './fields.mjs';

const GUIDE_URL = '/demo/gut-health-guide.html';

/** Limits counted in characters, as a REST schema `maxLength` is. */
const LIMITS = {email: 100, first_name: 245};

export class Signups {
  #file;
  #log;
  /** @type {Map<string, object>} by lowercased email */
  #byEmail = new Map();
  #discarded = 0;

  /**
   * @param {object} options
   * @param {{append(value: object): Promise<void>}} options.file
   * @param {(message: string) => void} options.log
   */
  constructor({file, log}) {
    this.#file = file;
    this.#log = log;
  }

  get size() {
    return this.#byEmail.size;
  }

  /** Takes the file's lines at start. */
  load(records) {
    for (const record of records) {
      if (typeof record.email === 'string') this.#byEmail.set(record.email.toLowerCase(), record);
    }
  }

  /**
   * Answers one signup. Run it in the receiver's queue.
   *
   * @param {import('./replay.mjs').Submission} submission
   */
  async post(submission) {
    const parsed = parseFields(submission.body, submission.contentType);
    if (parsed.error) return refuse(parsed.error);
    const fields = parsed.fields;
    const params = {};
    const email = stringParam(fields, 'email', params).trim();
    if (!params.email) {
      if (charLength(email) > LIMITS.email) params.email = `email must be at most ${LIMITS.email} characters long.`;
      else if (!isEmail(email)) params.email = 'Invalid email address.';
    }
    const firstName = stringParam(fields, 'first_name', params).trim();
    if (!params.first_name && charLength(firstName) > LIMITS.first_name) {
      params.first_name = `first_name must be at most ${LIMITS.first_name} characters long.`;
    }
    const consent = booleanParam(fields, 'consent', params);
    if (!params.consent && consent !== true) params.consent = 'consent must be true: the guide is sent only with consent.';
    const offer = booleanParam(fields, 'offer', params);
    if (Object.keys(params).length) return refuse(invalidParams(params));

    const spam = spamReason(fields);
    if (spam) {
      this.#discarded += 1;
      this.#log(`discarded a guide signup (${spam}); ${this.#discarded} discarded so far`);
      return refuse(json(201, answer(randomUUID())));
    }
    if (this.#byEmail.has(email.toLowerCase())) {
      this.#log('a guide signup for an address already on the list: nothing stored');
      return accept(json(201, answer(randomUUID())));
    }
    const record = {id: randomUUID(), email, first_name: firstName, consent: true, offer, created: new Date().toISOString()};
    await this.#file.append(record);
    this.#byEmail.set(email.toLowerCase(), record);
    this.#log(`stored guide signup ${record.id}${offer ? ' (with the free supply)' : ''}`);
    return accept(json(201, answer(record.id)));
  }
}

function answer(id) {
  return {status: 'subscribed', id, guide_url: GUIDE_URL};
}
