/**
 * The WordPress plugin (wordpress/care-elements/) on the test instance, as a site owner gets it:
 * the zip that `npm run wordpress:zip` writes, installed through WordPress's own installer
 * (Plugin_Upgrader), activated, deactivated and deleted with WordPress's own functions, each in a
 * PHP process of its own that loads WordPress as provision.php does (one request of the admin's
 * each). And what the plugin's tests share: its settings, its posts (blocks, shortcodes), its
 * signups table, a user's own REST credentials.
 *
 * The plugin changes the whole site while it is active (the bundle, the comment form, the kses
 * rules), so the files that use it run alone (run.mjs) and leave the site as they found it:
 * installPlugin() in `before`, removePlugin() in `after`.
 */
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {REPO_ROOT} from './instance.mjs';
import {RUN, info, sql} from './post-page.mjs';

const run = promisify(execFile);

/** The plugin as WordPress names it (folder/main file). */
export const PLUGIN = 'care-elements/care-elements.php';

/** What `npm run wordpress:zip` writes. */
export const ZIP = join(REPO_ROOT, 'dist', 'care-elements-wordpress.zip');

/** The plugin's folder in the instance, once installed. */
export const pluginDir = () => join(info.dir, 'wp-content', 'plugins', 'care-elements');

/** The article's lists as the plugin prints them (wordpress/build.mjs writes the file from src/content). */
const ARTICLE_FILE = join(REPO_ROOT, 'wordpress', 'care-elements', 'content', 'article.json');
export const ARTICLE = existsSync(ARTICLE_FILE) ? JSON.parse(readFileSync(ARTICLE_FILE, 'utf8')) : undefined;

/** The signups table. */
export const SIGNUPS = 'wp_care_signups';

/** The five tags. */
export const TAGS = ['care-symptom-list', 'care-cause-list', 'care-treatment-checklist', 'care-guide-signup', 'care-comment-form'];

/** A post with the five blocks, as the editor saves them. */
export const BLOCKS_CONTENT = [
  '<!-- wp:care-elements/symptom-list {"selectable":true,"persist":true} /-->',
  '<!-- wp:care-elements/cause-list /-->',
  '<!-- wp:care-elements/treatment-checklist /-->',
  '<!-- wp:care-elements/guide-signup /-->',
  '<!-- wp:care-elements/comment-form /-->',
].join('\n\n');

/**
 * A classic post with the five shortcodes, as people type them: the three lists on consecutive
 * lines (wpautop() makes them one paragraph, with line breaks), the forms each a paragraph.
 */
export const SHORTCODES_CONTENT = [
  '[care_symptom_list selectable persist]\n[care_cause_list]\n[care_treatment_checklist]',
  '[care_guide_signup]',
  '[care_comment_form]',
].join('\n\n');

/** `node wordpress/zip.mjs`: the zip from the plugin folder as the run's build left it. */
export async function buildZip() {
  await run(process.execPath, [join(REPO_ROOT, 'wordpress', 'zip.mjs')], {cwd: REPO_ROOT});
  assert.ok(existsSync(ZIP), `${ZIP} was written`);
}

/**
 * Runs `body` (PHP statements) in a PHP process that loads the instance's WordPress as
 * provision.php does, with the admin as the current user, WordPress's admin functions and its
 * upgrader loaded, and files written directly (FS_METHOD). `input` reaches the script as
 * `$care_input`; the script answers with `care_done($data)`, which resolves with `$data`.
 * Anything PHP prints on stderr (a warning, a notice) fails the call.
 */
export async function php(body, input = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'care-plugin-php-'));
  const file = join(dir, 'script.php');
  const host = new URL(info.baseUrl).host;
  const script = `<?php
error_reporting( E_ALL & ~E_DEPRECATED );
ini_set( 'display_errors', 'stderr' );
ini_set( 'log_errors', '0' );
define( 'WP_DISABLE_FATAL_ERROR_HANDLER', true );
define( 'FS_METHOD', 'direct' );
$_SERVER['HTTP_HOST']        = ${JSON.stringify(host)};
$_SERVER['SERVER_NAME']      = '127.0.0.1';
$_SERVER['WORDPRESS_CONFIG'] = ${JSON.stringify(info.configName)};
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['REQUEST_METHOD']   = 'GET';
$_SERVER['REMOTE_ADDR']      = '127.0.0.1';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
wp_set_current_user( ${Number(info.users.admin.id)} );
$care_input = json_decode( getenv( 'CARE_INPUT' ), true );
function care_done( $data ) {
	echo 'CARE-JSON ' . wp_json_encode( $data ) . "\\n";
	exit( 0 );
}
${body}
`;
  await writeFile(file, script);
  try {
    const {stdout, stderr} = await run('/usr/bin/php', [file], {
      timeout: 60_000,
      maxBuffer: 16 << 20,
      env: {PATH: process.env.PATH, LANG: 'C.UTF-8', CARE_INPUT: JSON.stringify(input)},
    }).catch((error) => {
      throw new Error(`php failed (${error.code}):\n${error.stdout}${error.stderr}\n--- script:\n${body}`);
    });
    assert.equal(stderr, '', 'PHP printed nothing on stderr');
    const line = stdout.split('\n').find((each) => each.startsWith('CARE-JSON '));
    if (!line) throw new Error(`the PHP script answered nothing:\n${stdout}`);
    return JSON.parse(line.slice('CARE-JSON '.length));
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

/**
 * Installs the zip through Plugin_Upgrader with a silent skin, as Plugins → Add New → Upload
 * Plugin does (on a copy: the upgrader deletes the package it unpacked). Resolves with what
 * WordPress says: `{result, plugin, messages}`.
 */
export async function installZip() {
  const dir = await mkdtemp(join(tmpdir(), 'care-plugin-zip-'));
  const copy = join(dir, 'care-elements-wordpress.zip');
  await copyFile(ZIP, copy);
  try {
    return await php(
      `$skin     = new Automatic_Upgrader_Skin();
$upgrader = new Plugin_Upgrader( $skin );
$result   = $upgrader->install( $care_input['zip'] );
care_done(
	array(
		'result'   => is_wp_error( $result ) ? $result->get_error_message() : $result,
		'plugin'   => $upgrader->plugin_info(),
		'messages' => $skin->get_upgrade_messages(),
	)
);`,
      {zip: copy},
    );
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

/** Activates the plugin as the Plugins screen does; resolves with WordPress's error message, or null. */
export function activate() {
  return php(`$result = activate_plugin( ${JSON.stringify(PLUGIN)} ); care_done( is_wp_error( $result ) ? $result->get_error_message() : null );`);
}

/** Deactivates the plugin (its deactivation hook runs). */
export function deactivate() {
  return php(`deactivate_plugins( ${JSON.stringify(PLUGIN)} ); care_done( is_plugin_active( ${JSON.stringify(PLUGIN)} ) );`);
}

/** Deletes the plugin as Plugins → Delete does (uninstall.php runs); resolves with WordPress's error message, or null. */
export function deletePlugin() {
  return php(
    `$result = delete_plugins( array( ${JSON.stringify(PLUGIN)} ) ); care_done( true === $result ? null : ( is_wp_error( $result ) ? $result->get_error_message() : var_export( $result, true ) ) );`,
  );
}

/** The plugins WordPress has active (the `active_plugins` option). */
export function activePlugins() {
  return php(`care_done( array_values( (array) get_option( 'active_plugins', array() ) ) );`);
}

/**
 * For a file's `before`: the zip built and installed, the plugin active. A copy an earlier file
 * left behind (a run stopped in its `after`) is removed first.
 */
export async function installPlugin() {
  if (existsSync(pluginDir())) await removePlugin();
  await buildZip();
  const installed = await installZip();
  assert.deepEqual([installed.result, installed.plugin], [true, PLUGIN], `the zip installs: ${installed.messages.join(' ')}`);
  assert.equal(await activate(), null, 'the plugin activates');
}

/** Lines of the instance's PHP error log that name the plugin's files (WP_DEBUG is on: notices and deprecations included). */
export async function pluginPhpProblems() {
  const log = await readFile(info.logs.php, 'utf8').catch(() => '');
  return log.split('\n').filter((line) => line.includes('/plugins/care-elements/'));
}

/** For a file's `after`: the plugin deactivated and deleted (its data with it), as before installPlugin(). */
export async function removePlugin() {
  await deactivate();
  assert.equal(await deletePlugin(), null, 'the plugin is deleted');
}

// --- settings ---

/** A flat PHP array of booleans, numbers and strings, serialised as update_option() stores it. */
function phpSerialize(object) {
  const value = (v) => (typeof v === 'boolean' ? `b:${v ? 1 : 0};` : typeof v === 'number' ? `i:${v};` : `s:${Buffer.byteLength(String(v))}:"${v}";`);
  const entries = Object.entries(object);
  return `a:${entries.length}:{${entries.map(([key, v]) => value(key) + value(v)).join('')}}`;
}

const quote = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * Sets the plugin's settings (the `care_elements_settings` option, an array; the keys not given
 * take their defaults), as Settings → Care Elements saves them.
 */
export async function setSettings(settings) {
  await sql(
    `INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('care_elements_settings', ${quote(phpSerialize(settings))}, 'yes') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)`,
  );
}

/** Back to no saved settings (every default). */
export const clearSettings = () => sql(`DELETE FROM wp_options WHERE option_name = 'care_elements_settings'`);

// --- posts, users, signups ---

/** Basic authentication for `user` (an entry with `login` and `appPassword`). */
export const basicAuth = ({login, appPassword}) => `Basic ${Buffer.from(`${login}:${appPassword}`).toString('base64')}`;

/** A REST call as `user` (admin by default); resolves with `{status, body}`. */
export async function rest(path, {method = 'POST', body, user = info.users.admin} = {}) {
  const response = await fetch(`${info.baseUrl}/wp-json${path}`, {
    method,
    headers: {Authorization: basicAuth(user), ...(body ? {'Content-Type': 'application/json'} : {})},
    body: body ? JSON.stringify(body) : undefined,
  });
  return {status: response.status, body: await response.json()};
}

/** A published post with `content` as written (the admin may write any HTML); resolves with `{id, link}`. */
export async function contentPost(title, content, extra = {}) {
  const {status, body} = await rest('/wp/v2/posts', {body: {title: `${title} ${RUN}`, status: 'publish', content, comment_status: 'open', ...extra}});
  assert.equal(status, 201, JSON.stringify(body));
  return {id: body.id, link: body.link};
}

/** An application password of `user` (`{id, login}`), made by the admin; resolves with the user plus `appPassword`. */
export async function withAppPassword(user) {
  const {status, body} = await rest(`/wp/v2/users/${user.id}/application-passwords`, {body: {name: `care-elements plugin tests ${RUN}`}});
  assert.equal(status, 201, JSON.stringify(body));
  return {...user, appPassword: body.password};
}

/** The signups stored for `email`, as the table holds them. */
export async function signupsOf(email) {
  const rows = await sql(
    `SELECT uuid, email, first_name, consent, consent_text, IFNULL(consent_at, ''), offer, created_at FROM ${SIGNUPS} WHERE email = ${quote(email)} ORDER BY id`,
  );
  return rows.map(([uuid, address, firstName, consent, consentText, consentAt, offer, createdAt]) => ({
    uuid,
    email: address,
    firstName,
    consent: consent === '1',
    consentText,
    consentAt: consentAt || null,
    offer: offer === '1',
    createdAt,
  }));
}

/** The route's URL. */
export const SIGNUP_ROUTE = () => `${info.baseUrl}/wp-json/care-elements/v1/guide-signups`;

/** POSTs a signup to the route as visitor `client` (JSON); resolves with `{status, headers, body}`. */
export async function postSignup(fields, {client, key} = {}) {
  const response = await fetch(SIGNUP_ROUTE(), {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'X-Care-Client': `signup-${client}-${RUN}`, ...(key ? {'Idempotency-Key': key} : {})},
    body: JSON.stringify(fields),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return {status: response.status, headers: response.headers, body};
}
