/**
 * A private WordPress on 127.0.0.1 for the tests: Debian's packages, run from a folder of our own.
 *
 * Nothing of the system is touched but one file: Debian's /usr/share/wordpress/wp-config.php
 * only reads /etc/wordpress/config-<name>.php, so the instance writes
 * config-care-test-<hash>-<port>.php there (Apache hands it the name with `SetEnv
 * WORDPRESS_CONFIG`) and removes it when it stops. Everything else lives in one folder,
 * `<tmpdir>/care-wordpress-<hash>-<port>/` (the hash is of the repository's path; the port makes
 * parallel runs from one checkout independent; the folder sits in the temporary directory because
 * the server users, mysql and www-data, must be able to reach it):
 *
 *   mysql/        MariaDB's datadir, socket, pid file and error log (--no-defaults, --skip-networking)
 *   apache/       httpd.conf (prefork + mod_php, Listen 127.0.0.1:<port>), pid file, logs, mutexes
 *   wp-content/   WP_CONTENT_DIR: the test mu-plugin, the built bundle, uploads; themes and
 *                 languages are links to Debian's read-only copies
 *   php-error.log, provision.log, instance.json (what the tests read: URL, ids, users, socket)
 *
 *   owner.pid, config-name   the harness's pid and the config's name, for a later run's clean-up
 *
 * Every run starts afresh, in a folder of its own. What an earlier run left (killed before it
 * could stop) is cleaned first: its servers stopped by their pid files (only when /proc says the
 * pid is still theirs), its /etc/wordpress file and folder removed. stop() stops what start()
 * started, by pid, and is safe to call at any moment, more than once.
 */
import {execFile, spawn} from 'node:child_process';
import {createHash, randomBytes} from 'node:crypto';
import {closeSync, existsSync, openSync, readFileSync, readdirSync} from 'node:fs';
import {chmod, chown, copyFile, mkdir, rm, symlink, writeFile} from 'node:fs/promises';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const run = promisify(execFile);
const HERE = fileURLToPath(new URL('.', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Debian's packages the instance runs on (the theme is only a Recommends of `wordpress`). */
export const PACKAGES = [
  'wordpress',
  'wordpress-theme-twentytwentythree',
  'wordpress-l10n',
  'mariadb-server',
  'apache2',
  'libapache2-mod-php',
  'php-mysql',
  'php-cli',
];
export const INSTALL_COMMAND = `apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;

/** Executables and files the instance needs, whatever installed them. */
const NEEDED = [
  '/usr/sbin/mariadbd',
  '/usr/bin/mariadb-install-db',
  '/usr/bin/mariadb',
  '/usr/sbin/apache2',
  '/usr/bin/php',
  '/usr/share/wordpress/wp-load.php',
  '/usr/share/wordpress/wp-content/themes/twentytwentythree/theme.json',
];

/** The packages that are not installed ([] when all are); all of them when dpkg is missing. */
export async function missingPackages() {
  let out;
  try {
    ({stdout: out} = await run('dpkg-query', ['-W', '-f=${Package} ${db:Status-Abbrev}\n', ...PACKAGES]));
  } catch (error) {
    // dpkg-query exits 1 when a package is unknown, and still prints the known ones.
    if (typeof error.stdout !== 'string') return [...PACKAGES];
    out = error.stdout;
  }
  const installed = new Set(
    out
      .split('\n')
      .filter((line) => /^\S+ ii/.test(line))
      .map((line) => line.split(' ')[0]),
  );
  const missing = PACKAGES.filter((name) => !installed.has(name));
  if (!missing.length && (!phpModule() || NEEDED.some((path) => !existsSync(path)))) return [...PACKAGES];
  return missing;
}

/** Apache's PHP module (libphp8.2.so on Debian 12). */
function phpModule() {
  let names;
  try {
    names = readdirSync('/usr/lib/apache2/modules').filter((name) => /^libphp[\d.]*\.so$/.test(name));
  } catch {
    return undefined;
  }
  return names.length ? `/usr/lib/apache2/modules/${names.sort().at(-1)}` : undefined;
}

/** A port nobody listens on now, on 127.0.0.1. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A provisioning step that failed; `diagnostics` holds the log lines that explain it. */
export class ProvisionError extends Error {
  constructor(message, diagnostics = '') {
    super(message);
    this.name = 'ProvisionError';
    this.diagnostics = diagnostics;
  }
}

export class WordPressInstance {
  /**
   * @param {object} [options]
   * @param {number} [options.port] default: a free port
   * @param {string} [options.dir] default: `<tmpdir>/care-wordpress-<hash of the repository path>`
   * @param {(line: string) => void} [options.log]
   */
  constructor(options = {}) {
    this.hash = createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 10);
    this.port = options.port;
    this.log = options.log ?? (() => {});
    this.asRoot = process.getuid?.() === 0;
    this.db = {name: 'wordpress', user: 'care', password: randomBytes(12).toString('hex')};
    this.password = `care-${randomBytes(9).toString('base64url')}`;
    /** @type {import('node:child_process').ChildProcess | undefined} */
    this.mariadb = undefined;
    /** @type {import('node:child_process').ChildProcess | undefined} */
    this.apache = undefined;
    /** Helpers running now (mariadb-install-db, php, the mariadb client), each in a process group of its own. */
    this.helpers = new Set();
    this.started = false;
  }

  /** Names the instance after its port: its folder, its /etc/wordpress file, its paths. */
  place(port) {
    this.port = port;
    this.name = `care-test-${this.hash}-${port}`;
    this.dir = join(tmpdir(), `care-wordpress-${this.hash}-${port}`);
    this.configFile = `/etc/wordpress/config-${this.name}.php`;
    const d = this.dir;
    this.paths = {
      owner: join(d, 'owner.pid'),
      configName: join(d, 'config-name'),
      mysql: join(d, 'mysql'),
      datadir: join(d, 'mysql', 'data'),
      socket: join(d, 'mysql', 'mysql.sock'),
      mysqlPid: join(d, 'mysql', 'mariadb.pid'),
      mysqlLog: join(d, 'mysql', 'error.log'),
      initSql: join(d, 'init.sql'),
      apache: join(d, 'apache'),
      apacheConf: join(d, 'apache', 'httpd.conf'),
      apachePid: join(d, 'apache', 'apache.pid'),
      apacheLog: join(d, 'apache', 'error.log'),
      accessLog: join(d, 'apache', 'access.log'),
      content: join(d, 'wp-content'),
      phpLog: join(d, 'php-error.log'),
      provisionLog: join(d, 'provision.log'),
      installLog: join(d, 'mysql-install.log'),
      article: join(d, 'article.html'),
      json: join(d, 'instance.json'),
    };
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Provisions afresh and starts MariaDB and Apache; resolves with what the tests read (also in instance.json). */
  async start() {
    await this.cleanLeftovers();
    this.place(this.port ?? (await freePort()));
    await this.layout();
    await this.startMariaDb();
    await this.writeWordPressConfig();
    await this.startApache();
    const installed = await this.provision('install');
    const seeded = await this.provision('seed');
    this.info = {
      baseUrl: this.baseUrl,
      restUrl: seeded.restUrl,
      wpVersion: seeded.wpVersion,
      posts: seeded.posts,
      links: seeded.links,
      postPassword: seeded.passwordOfPost,
      users: {
        admin: {id: installed.adminId, login: 'admin', password: this.password, appPassword: seeded.appPassword},
        author: {id: seeded.authorId, login: 'care-author', password: this.password},
      },
      db: {...this.db, socket: this.paths.socket},
      dir: this.dir,
      configName: this.name,
      logs: {mariadb: this.paths.mysqlLog, apache: this.paths.apacheLog, access: this.paths.accessLog, php: this.paths.phpLog},
    };
    await writeFile(this.paths.json, JSON.stringify(this.info, null, 2) + '\n', {mode: 0o600});
    this.started = true;
    return this.info;
  }

  /**
   * Stops Apache and MariaDB by their pids and removes our /etc/wordpress file; with `removeFiles`,
   * the instance's folder too (keep it after a failure: its logs explain it; the next run removes
   * it). Never throws.
   */
  async stop({removeFiles = false} = {}) {
    this.stopping ??= (async () => {
      for (const helper of this.helpers) {
        try {
          process.kill(-helper.pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
      if (!this.dir) return;
      for (const [child, label, timeoutMs] of [
        [this.apache, 'apache', 15_000],
        [this.mariadb, 'mariadb', 30_000],
      ]) {
        if (child && child.exitCode === null && child.signalCode === null) await stopPid(child.pid, label, timeoutMs, this.log);
      }
      // Whatever the pid files still name (a start that failed half-way).
      await stopPidFile(this.paths.apachePid, this.dir, 'apache', 15_000, this.log);
      await stopPidFile(this.paths.mysqlPid, this.dir, 'mariadb', 30_000, this.log);
      await rm(this.configFile, {force: true}).catch((error) => this.log(`could not remove ${this.configFile}: ${error.message}`));
    })();
    await this.stopping;
    if (removeFiles && this.dir) await rm(this.dir, {recursive: true, force: true}).catch(() => {});
  }

  /**
   * The last lines of the logs that explain a failure: `which` names them (default: all).
   * `mariadb-problems` is MariaDB's error log without its notes.
   */
  diagnostics(which = ['mariadb', 'install', 'apache', 'php', 'provision'], lines = 20) {
    const logs = {
      mariadb: ['MariaDB error log', this.paths.mysqlLog],
      'mariadb-problems': ['MariaDB error log, warnings and errors', this.paths.mysqlLog],
      install: ['mariadb-install-db output', this.paths.installLog],
      apache: ['Apache error log', this.paths.apacheLog],
      php: ['PHP error log', this.paths.phpLog],
      provision: ['PHP provisioning output (provision.php)', this.paths.provisionLog],
    };
    const parts = [];
    for (const key of which) {
      const [label, file] = logs[key];
      let text;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      let kept = text.split('\n').filter((line) => line.trim());
      if (key === 'mariadb-problems') kept = kept.filter((line) => /\[(ERROR|Warning)\]/.test(line));
      const tail = kept.slice(-lines);
      if (tail.length) parts.push(`--- ${label} (${file}), last ${tail.length} lines:\n${tail.join('\n')}`);
    }
    return parts.join('\n');
  }

  /** One SQL statement through the mariadb client as the site's database user; rows of tab-separated fields. */
  async sql(statement) {
    return runSql(this.info?.db ?? {...this.db, socket: this.paths.socket}, statement);
  }

  /**
   * Runs a helper program to its end, in a process group of its own that stop() kills (a signal
   * to the harness must not leave it running). Resolves with its output (unless `stdio` sends it
   * elsewhere); rejects on a non-zero exit or a timeout, with `stdout` and `stderr` on the error.
   */
  helper(command, args, {stdio = ['ignore', 'pipe', 'pipe'], env = {PATH: process.env.PATH, LANG: 'C.UTF-8'}, timeoutMs = 60_000} = {}) {
    return new Promise((resolve, reject) => {
      if (this.stopping) {
        reject(new Error(`${command}: the instance is stopping`));
        return;
      }
      const child = spawn(command, args, {stdio, env, detached: true});
      this.helpers.add(child);
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk) => (stdout += chunk));
      child.stderr?.on('data', (chunk) => (stderr += chunk));
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }, timeoutMs);
      const done = (error) => {
        clearTimeout(timer);
        this.helpers.delete(child);
        if (error) reject(Object.assign(error, {stdout, stderr}));
        else resolve({stdout, stderr});
      };
      child.once('error', (error) => done(error));
      child.once('close', (code, signal) =>
        code === 0 ? done() : done(Object.assign(new Error(`${command} failed (${code ?? signal})`), {code: code ?? signal})),
      );
    });
  }

  /** A server must not start once stop() has begun: stop() would not know it. */
  assertNotStopping() {
    if (this.stopping) throw new ProvisionError('stopped while starting');
  }

  // --- provisioning steps ---

  /**
   * Removes what earlier runs from this checkout left behind: for each of their folders whose
   * harness is gone, stops the servers its pid files name (when /proc says they are still
   * its), removes its /etc/wordpress file and the folder. A folder whose harness still runs is
   * another run's, in parallel: it is left alone.
   */
  async cleanLeftovers() {
    const prefix = `care-wordpress-${this.hash}`;
    for (const entry of readdirSync(tmpdir())) {
      if (entry !== prefix && !entry.startsWith(`${prefix}-`)) continue;
      const dir = join(tmpdir(), entry);
      const owner = readNumber(join(dir, 'owner.pid'));
      if (owner && owner !== process.pid && alive(owner) && isOurs(owner, 'node')) continue;
      await stopPidFile(join(dir, 'apache', 'apache.pid'), dir, "an earlier run's apache", 15_000, this.log);
      await stopPidFile(join(dir, 'mysql', 'mariadb.pid'), dir, "an earlier run's mariadb", 30_000, this.log);
      let configName = '';
      try {
        configName = readFileSync(join(dir, 'config-name'), 'utf8').trim();
      } catch {
        // the run stopped before writing it
      }
      if (/^care-test-[0-9a-f]+-\d+$/.test(configName)) await rm(`/etc/wordpress/config-${configName}.php`, {force: true});
      await rm(dir, {recursive: true, force: true});
    }
  }

  async layout() {
    const p = this.paths;
    await mkdir(this.dir, {recursive: true, mode: 0o755});
    await chmod(this.dir, 0o755);
    for (const dir of [
      p.mysql,
      p.apache,
      join(p.content, 'mu-plugins'),
      join(p.content, 'plugins'),
      join(p.content, 'themes'),
      join(p.content, 'uploads'),
      join(p.content, 'care-elements'),
    ]) {
      await mkdir(dir, {recursive: true});
    }
    await symlink('/usr/share/wordpress/wp-content/themes/twentytwentythree', join(p.content, 'themes', 'twentytwentythree'));
    await symlink('/usr/share/wordpress/wp-content/languages', join(p.content, 'languages'));
    await copyFile(join(HERE, 'mu-plugin.php'), join(p.content, 'mu-plugins', 'care-test.php'));
    const bundle = join(REPO_ROOT, 'dist', 'care-elements.js');
    if (existsSync(bundle)) await copyFile(bundle, join(p.content, 'care-elements', 'care-elements.js'));
    else this.log('dist/care-elements.js is missing: the post page will have no bundle (run npm run build)');
    await writeFile(p.owner, `${process.pid}\n`);
    await writeFile(p.configName, `${this.name}\n`);
    await writeFile(p.article, await articleHtml());
    await writeFile(p.phpLog, '');
    await writeFile(p.provisionLog, '');
    if (this.asRoot) {
      const www = await ids('www-data');
      const mysql = await ids('mysql');
      await chown(p.mysql, mysql.uid, mysql.gid);
      await chown(join(p.content, 'uploads'), www.uid, www.gid);
      await chown(p.phpLog, www.uid, www.gid);
    }
  }

  async startMariaDb() {
    const p = this.paths;
    const {name, user, password} = this.db;
    // Runs at every start of the server, before it accepts connections.
    await writeFile(
      p.initSql,
      [
        `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;`,
        `CREATE USER IF NOT EXISTS '${user}'@'localhost' IDENTIFIED BY '${password}';`,
        `GRANT ALL PRIVILEGES ON \`${name}\`.* TO '${user}'@'localhost';`,
        '',
      ].join('\n'),
      {mode: 0o644},
    );
    const userArgs = this.asRoot ? ['--user=mysql'] : [];
    const common = ['--no-defaults', `--datadir=${p.datadir}`, ...userArgs, '--innodb-buffer-pool-size=32M', '--innodb-log-file-size=8M'];
    this.log('initialising a MariaDB datadir');
    const logFd = openSync(p.installLog, 'a');
    try {
      await this.helper('/usr/bin/mariadb-install-db', [...common, '--auth-root-authentication-method=socket', '--skip-test-db'], {
        stdio: ['ignore', logFd, logFd],
        timeoutMs: 60_000,
      });
    } catch (error) {
      throw new ProvisionError(error.message, this.diagnostics(['install', 'mariadb']));
    } finally {
      closeSync(logFd);
    }
    this.log('starting MariaDB');
    this.assertNotStopping();
    this.mariadb = spawn(
      '/usr/sbin/mariadbd',
      [
        ...common,
        `--socket=${p.socket}`,
        `--pid-file=${p.mysqlPid}`,
        `--log-error=${p.mysqlLog}`,
        '--skip-networking',
        '--skip-log-bin',
        `--init-file=${p.initSql}`,
      ],
      {detached: true, stdio: 'ignore'},
    );
    this.mariadb.unref();
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (this.mariadb.exitCode !== null || this.mariadb.signalCode !== null) {
        throw new ProvisionError(`MariaDB exited at start (${this.mariadb.exitCode ?? this.mariadb.signalCode})`, this.diagnostics(['mariadb']));
      }
      try {
        await this.helper('/usr/bin/mariadb', sqlArgs({...this.db, socket: p.socket}, 'SELECT 1'), {env: sqlEnv(this.db), timeoutMs: 15_000});
        return;
      } catch {
        if (Date.now() > deadline) throw new ProvisionError('MariaDB did not accept connections within 30 s', this.diagnostics(['mariadb']));
        await sleep(150);
      }
    }
  }

  async writeWordPressConfig() {
    if (!existsSync('/etc/wordpress')) throw new ProvisionError('/etc/wordpress does not exist: is the wordpress package installed?');
    const salt = () => randomBytes(32).toString('base64');
    const php = (value) => `'${String(value).replace(/[\\']/g, '\\$&')}'`;
    const constants = {
      DB_NAME: this.db.name,
      DB_USER: this.db.user,
      DB_PASSWORD: this.db.password,
      DB_HOST: `localhost:${this.paths.socket}`,
      DB_CHARSET: 'utf8mb4',
      WP_HOME: this.baseUrl,
      WP_SITEURL: this.baseUrl,
      WP_CONTENT_DIR: this.paths.content,
      WP_CONTENT_URL: `${this.baseUrl}/wp-content`,
      WP_ENVIRONMENT_TYPE: 'local',
      // Every notice, warning and deprecation goes to php-error.log (never into a page): the plugin's tests read it.
      WP_DEBUG: true,
      WP_DEBUG_DISPLAY: false,
      AUTOMATIC_UPDATER_DISABLED: true,
    };
    for (const key of ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'])
      constants[key] = salt();
    const lines = Object.entries(constants).map(([key, value]) => `define('${key}', ${typeof value === 'boolean' ? String(value) : php(value)});`);
    const text = `<?php\n// Written by care-elements' test/wordpress/instance.mjs for the instance in ${this.dir}; removed when it stops.\n${lines.join('\n')}\n$table_prefix = 'wp_';\n`;
    try {
      await writeFile(this.configFile, text, {mode: 0o640});
      if (this.asRoot) await chown(this.configFile, 0, (await ids('www-data')).gid);
    } catch (error) {
      throw new ProvisionError(`cannot write ${this.configFile} (${error.code}): run as root, as CI does, or make /etc/wordpress writable`);
    }
  }

  async startApache() {
    const p = this.paths;
    const module = phpModule();
    const userLines = this.asRoot ? ['User www-data', 'Group www-data'] : [];
    const conf = `# care-elements test instance: ${this.dir}
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:${this.port}
PidFile ${p.apachePid}
DefaultRuntimeDir ${p.apache}
Mutex file:${p.apache} default
${userLines.join('\n')}
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule env_module /usr/lib/apache2/modules/mod_env.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
LoadModule php_module ${module}
StartServers 2
MinSpareServers 1
MaxSpareServers 4
MaxRequestWorkers 8
KeepAlive On
Timeout 60
ErrorLog ${p.apacheLog}
LogLevel warn
LogFormat "%h %t \\"%r\\" %>s %b %D" care
CustomLog ${p.accessLog} care
TypesConfig /etc/mime.types
DirectoryIndex index.php index.html
AddDefaultCharset off
ServerTokens Prod
ServerSignature Off
TraceEnable off
SetEnv WORDPRESS_CONFIG ${this.name}
php_admin_flag log_errors on
php_admin_flag display_errors off
php_admin_value error_log ${p.phpLog}
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
<Directory />
  Options None
  AllowOverride None
  Require all denied
</Directory>
DocumentRoot /usr/share/wordpress
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  AllowOverride None
  Require all granted
  RewriteEngine On
  RewriteBase /
  RewriteRule ^index\\.php$ - [L]
  RewriteCond %{REQUEST_FILENAME} !-f
  RewriteCond %{REQUEST_FILENAME} !-d
  RewriteRule . /index.php [L]
</Directory>
Alias /wp-content ${p.content}
<Directory ${p.content}>
  Options FollowSymLinks
  AllowOverride None
  Require all granted
  <FilesMatch "\\.php$">
    Require all denied
  </FilesMatch>
</Directory>
`;
    await writeFile(p.apacheConf, conf);
    this.log(`starting Apache on ${this.baseUrl}`);
    // In the foreground, as our child: we hold its pid and reap it (a daemon would be re-parented).
    this.assertNotStopping();
    const logFd = openSync(p.apacheLog, 'a');
    this.apache = spawn('/usr/sbin/apache2', ['-f', p.apacheConf, '-DFOREGROUND'], {
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: {PATH: process.env.PATH, LANG: 'C'},
    });
    closeSync(logFd);
    this.apache.unref();
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        // Before WordPress is installed, any answer (its installer's redirect) proves Apache and PHP.
        const response = await fetch(`${this.baseUrl}/wp-includes/images/blank.gif`, {redirect: 'manual'});
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      if (this.apache.exitCode !== null || this.apache.signalCode !== null) {
        throw new ProvisionError(`Apache exited at start (${this.apache.exitCode ?? this.apache.signalCode})`, this.diagnostics(['apache']));
      }
      if (Date.now() > deadline)
        throw new ProvisionError(`Apache did not answer on ${this.baseUrl} within 20 s`, this.diagnostics(['apache', 'php', 'mariadb-problems']));
      await sleep(100);
    }
  }

  /** Runs provision.php in a mode; resolves with its CARE-JSON line. Its output goes to provision.log. */
  async provision(mode) {
    this.log(`WordPress: ${mode}`);
    let stdout;
    let stderr;
    let failure;
    try {
      ({stdout, stderr} = await this.helper('/usr/bin/php', [join(HERE, 'provision.php'), mode], {
        timeoutMs: 120_000,
        env: {
          PATH: process.env.PATH,
          LANG: 'C.UTF-8',
          CARE_WP_CONFIG: this.name,
          CARE_WP_HOST: `127.0.0.1:${this.port}`,
          CARE_WP_PASSWORD: this.password,
          CARE_WP_ARTICLE: this.paths.article,
        },
      }));
    } catch (error) {
      ({stdout = '', stderr = ''} = error);
      failure = `provision.php ${mode} failed (${error.code ?? 'error'})`;
    }
    await writeFile(this.paths.provisionLog, `$ php provision.php ${mode}\n${stdout}${stderr}`, {flag: 'a'});
    const line = stdout.split('\n').find((each) => each.startsWith('CARE-JSON '));
    if (failure || !line)
      throw new ProvisionError(failure ?? `provision.php ${mode} printed no result`, this.diagnostics(['provision', 'php', 'mariadb-problems']));
    return JSON.parse(line.slice('CARE-JSON '.length));
  }
}

/** The article post's HTML, from the repository's own copy of the article (src/content, built to dist/content). */
async function articleHtml() {
  const escape = (text) => text.replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[c]);
  const built = join(REPO_ROOT, 'dist', 'content', 'article.js');
  if (existsSync(built)) {
    const {ARTICLE} = await import(built);
    return ['symptoms', 'causes', 'treatment']
      .map((key) => {
        const list = ARTICLE.en[key];
        const items = list.items.map((item) => `<li>${escape(item.label)}</li>`).join('');
        return `<h2>${escape(list.heading)}</h2>\n<ul>${items}</ul>\n<p>${escape(list.caution)}</p>`;
      })
      .join('\n');
  }
  return '<p>Leaky gut syndrome is a condition in which the lining of the gut becomes damaged.</p>';
}

/** uid and gid of a system user. */
async function ids(user) {
  const {stdout} = await run('id', ['-u', user]);
  const {stdout: group} = await run('id', ['-g', user]);
  return {uid: Number(stdout), gid: Number(group)};
}

/** Whether `pid` has `text` on its command line: its folder for a server (a pid file can outlive its process). */
function isOurs(pid, text) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
  } catch {
    return false;
  }
}

function readNumber(file) {
  try {
    const value = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isSafeInteger(value) && value > 1 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Stops the process a pid file names, if it still runs with `dir` on its command line. */
async function stopPidFile(file, dir, label, timeoutMs, log) {
  const pid = readNumber(file);
  if (pid && isOurs(pid, dir)) await stopPid(pid, label, timeoutMs, log);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  // A zombie is dead; /proc says so.
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** SIGTERM, wait up to `timeoutMs`, then SIGKILL. */
async function stopPid(pid, label, timeoutMs, log) {
  if (!alive(pid)) return;
  log(`stopping ${label} (pid ${pid})`);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) {
      log(`${label} (pid ${pid}) ignored SIGTERM for ${timeoutMs / 1000} s: SIGKILL`);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
      await sleep(200);
      return;
    }
    await sleep(50);
  }
}

const sqlArgs = (db, statement) => [
  '--no-defaults',
  `--socket=${db.socket}`,
  `--user=${db.user}`,
  '--batch',
  '--skip-column-names',
  '--raw',
  db.name,
  '-e',
  statement,
];
const sqlEnv = (db) => ({PATH: process.env.PATH, MYSQL_PWD: db.password});

/** Runs one statement with the mariadb client over the socket; resolves with rows of fields. */
export async function runSql(db, statement) {
  const {stdout} = await run('/usr/bin/mariadb', sqlArgs(db, statement), {timeout: 15_000, env: sqlEnv(db)});
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}
