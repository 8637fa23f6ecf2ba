/**
 * The plugin's life on a site, as its owner lives it, each step through WordPress's own functions
 * in a PHP process of its own (one admin request each): the zip (`node wordpress/zip.mjs`, after
 * the run's build) installed by WordPress's installer (Plugin_Upgrader, a silent skin), activated,
 * deactivated, deleted. What each step leaves is read from the database and the instance's files.
 *
 * The steps build on each other: they run in order, and the file leaves the site without the plugin.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {REPO_ROOT} from './instance.mjs';
import {RUN, info, skip, sql} from './post-page.mjs';
import {
  PLUGIN,
  SIGNUPS,
  activate,
  activePlugins,
  buildZip,
  deactivate,
  deletePlugin,
  installZip,
  php,
  pluginDir,
  postSignup,
  removePlugin,
  setSettings,
  signupsOf,
  pluginPhpProblems,
} from './plugin.mjs';

const BUNDLE = join(REPO_ROOT, 'dist', 'care-elements.js');
const address = `install-${RUN}@example.com`;

/** What the plugin left in the database: its options (transients included: `_transient_care_elements_…`), its tables, anything in user or post meta. */
async function leftovers() {
  const options = (await sql(`SELECT option_name FROM wp_options WHERE option_name LIKE '%care\\_elements%' ORDER BY option_name`)).map(
    ([name]) => name,
  );
  const tables = (await sql(`SHOW TABLES LIKE 'wp\\_care%'`)).map(([name]) => name);
  const meta = (
    await sql(
      `SELECT meta_key FROM wp_usermeta WHERE meta_key LIKE '%care\\_elements%' UNION SELECT meta_key FROM wp_postmeta WHERE meta_key LIKE '%care\\_elements%'`,
    )
  ).map(([key]) => key);
  return {options, tables, meta};
}
const transients = (names) => names.filter((name) => name.startsWith('_transient_') || name.startsWith('_site_transient_'));

describe('the plugin: install from the zip, activate, deactivate, uninstall', {skip, concurrency: 1}, () => {
  before(async () => {
    if (existsSync(pluginDir())) await removePlugin();
    assert.deepEqual(await leftovers(), {options: [], tables: [], meta: []}, 'a site without the plugin to start from');
    await buildZip();
  });
  after(async () => {
    // Only after a failure is there anything left to take away.
    if (existsSync(pluginDir())) await removePlugin();
  });

  it("the zip installs through WordPress's installer (Plugin_Upgrader) and activates: listed as Care Elements 0.1.0, active, its signups table created, the bundle served as built", async () => {
    const installed = await installZip();
    assert.deepEqual([installed.result, installed.plugin], [true, PLUGIN], installed.messages.join(' '));
    assert.deepEqual(
      await php(
        `$plugin = get_plugins()[ $care_input['plugin'] ]; care_done( array( $plugin['Name'], $plugin['Version'], $plugin['TextDomain'] ) );`,
        {plugin: PLUGIN},
      ),
      ['Care Elements', '0.1.0', 'care-elements'],
    );
    assert.equal(await activate(), null);
    // Read before any other request loads the plugin (and could create the table on its way).
    const {options, tables} = await leftovers();
    assert.deepEqual(tables, [SIGNUPS], 'activation created the signups table');
    assert.deepEqual(options, ['care_elements_db_version']);
    assert.deepEqual(await activePlugins(), [PLUGIN]);
    // The module a page loads is the run's build, byte for byte.
    const response = await fetch(`${info.baseUrl}/wp-content/plugins/care-elements/assets/care-elements.js`);
    assert.equal(response.status, 200);
    assert.equal(Buffer.compare(Buffer.from(await response.arrayBuffer()), readFileSync(BUNDLE)), 0, 'the served bundle is dist/care-elements.js');
  });

  it('deactivation keeps the signups and the settings (and forgets the remembered answers); the route is gone until it is activated again, and then they are all there', async () => {
    await setSettings({offer: true, guide_url: '/guide.pdf'});
    const answer = await postSignup({email: address, consent: true}, {client: 'install', key: `install-${RUN}`});
    assert.equal(answer.status, 201);
    assert.ok(transients((await leftovers()).options).length > 0, 'a signup leaves its remembered answer and rate record');
    const settingsBefore = await sql(`SELECT option_value FROM wp_options WHERE option_name = 'care_elements_settings'`);

    assert.equal(await deactivate(), false, 'no longer active');
    assert.deepEqual(await activePlugins(), []);
    const {options, tables} = await leftovers();
    assert.deepEqual([options, tables], [['care_elements_db_version', 'care_elements_settings'], [SIGNUPS]]);
    assert.deepEqual(
      (await signupsOf(address)).map(({uuid}) => uuid),
      [answer.body.id],
    );
    assert.deepEqual(await sql(`SELECT option_value FROM wp_options WHERE option_name = 'care_elements_settings'`), settingsBefore);
    const gone = await postSignup({email: `install-2-${RUN}@example.com`, consent: true}, {client: 'install-2'});
    assert.deepEqual([gone.status, gone.body.code], [404, 'rest_no_route']);

    assert.equal(await activate(), null);
    assert.deepEqual(
      (await signupsOf(address)).map(({uuid}) => uuid),
      [answer.body.id],
      'activated again: the signup is still there',
    );
    const again = await postSignup({email: address, consent: true}, {client: 'install-3'});
    assert.deepEqual([again.status, again.body.guide_url], [201, '/guide.pdf'], 'and the settings are in force');
  });

  it('uninstall (deactivate, then delete_plugins(), as Plugins → Delete): nothing is left: no care_elements option, no table, no transient, no file', async () => {
    // Something to remove: the signups, the settings, and a signup's remembered answer.
    assert.equal(
      (await postSignup({email: `install-4-${RUN}@example.com`, consent: true}, {client: 'install-4', key: `install-4-${RUN}`})).status,
      201,
    );
    const before = await leftovers();
    assert.deepEqual(before.tables, [SIGNUPS]);
    assert.ok(before.options.includes('care_elements_settings'));
    assert.ok((await signupsOf(address)).length === 1);

    assert.equal(await deactivate(), false);
    assert.equal(await deletePlugin(), null);
    assert.deepEqual(await leftovers(), {options: [], tables: [], meta: []});
    assert.equal(existsSync(pluginDir()), false, 'the plugin folder is gone');
    assert.deepEqual(await activePlugins(), []);
  });

  it('no PHP notice, warning or error from the plugin in install, activation, deactivation and uninstall (WP_DEBUG is on)', async () => {
    assert.deepEqual(await pluginPhpProblems(), []);
  });
});
