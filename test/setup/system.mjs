#!/usr/bin/env node
/**
 * What `npm test` needs from the system, and getting it: the browsers of the engines it runs
 * (Chromium, Firefox ESR, WebKit with Xvfb) and the Debian packages of the real-WordPress suite.
 *
 * Run first by `npm test` (test/all.mjs). What is missing is installed with apt-get when this
 * process may (as root, or through sudo that asks no password), saying what and why; the
 * packages' own services are kept from starting (a policy-rc.d that refuses, for this install
 * only), since the WordPress suite runs private servers on loopback. Where it may not install, it
 * stops before any test with one line giving the exact command to run.
 *
 * What is needed follows the opt-outs: `BROWSERS=chromium` (or any subset) and
 * `CARE_SKIP_WORDPRESS=1`. Exits 0 when everything is there (after installing, if it had to).
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {chromiumPath, enginePath, requestedEngines} from '../runner/browsers.mjs';
import {PACKAGES as WORDPRESS_PACKAGES, missingPackages} from '../wordpress/instance.mjs';

/** Each need: why, the packages that meet it, and whether it is met already. */
export async function needs({engines = requestedEngines(), wordpress = process.env.CARE_SKIP_WORDPRESS !== '1'} = {}) {
  const list = [];
  if (engines.includes('chromium')) list.push({why: 'the browser tests in Chromium', packages: ['chromium'], met: Boolean(chromiumPath())});
  if (engines.includes('firefox')) list.push({why: 'the browser tests in Firefox', packages: ['firefox-esr'], met: Boolean(enginePath('firefox'))});
  if (engines.includes('webkit')) {
    list.push({why: 'the browser tests in WebKit', packages: ['webkit2gtk-driver'], met: Boolean(enginePath('webkit'))});
    list.push({why: 'the display WebKit runs on', packages: ['xvfb', 'xauth'], met: onPath('Xvfb') && onPath('xauth')});
  }
  if (wordpress) {
    const missing = await missingPackages();
    list.push({why: 'the real-WordPress suite', packages: missing.length ? missing : WORDPRESS_PACKAGES, met: missing.length === 0});
  }
  return list;
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], {stdio: 'ignore'}).status === 0;
}

/** How this process may install: [] as root, ['sudo'] with sudo that asks no password, else null. */
function installer() {
  if (process.getuid?.() === 0) return [];
  return spawnSync('sudo', ['-n', 'true'], {stdio: 'ignore'}).status === 0 ? ['sudo'] : null;
}

/** Runs one command, its output shown; throws when it fails. */
function run(sudo, command, args, env = {}) {
  const [file, ...rest] = [...sudo, command, ...args];
  execFileSync(file, rest, {stdio: 'inherit', env: {...process.env, ...env}});
}

/**
 * Installs `packages` with apt-get. Services the packages would start (Apache on port 80, the
 * system's MariaDB) are refused by a policy-rc.d written for this install and removed after it.
 */
function install(sudo, packages) {
  const policy = '/usr/sbin/policy-rc.d';
  const ours = !existsSync(policy);
  if (ours) {
    run(sudo, 'sh', ['-c', `printf '#!/bin/sh\\nexit 101\\n' > ${policy} && chmod +x ${policy}`]);
  }
  try {
    run(sudo, 'apt-get', ['update', '-qq']);
    // fonts-dejavu-core: one font every engine can render text with on a bare machine.
    run(sudo, 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages, 'fonts-dejavu-core'], {DEBIAN_FRONTEND: 'noninteractive'});
  } finally {
    if (ours) run(sudo, 'rm', ['-f', policy]);
  }
}

/** Checks, and installs what is missing when it may; resolves with false when the run cannot go on. */
export async function ensureSystem() {
  const missing = (await needs()).filter((need) => !need.met);
  if (!missing.length) return true;
  const packages = [...new Set(missing.flatMap((need) => need.packages))];
  const sudo = installer();
  if (!sudo) {
    console.error(
      `npm test needs Debian packages that are missing; install them with: sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`,
    );
    return false;
  }
  console.log(`Installing with apt-get what npm test needs and this machine lacks:`);
  for (const need of missing) console.log(`  ${need.packages.join(' ')}: for ${need.why}`);
  try {
    install(sudo, packages);
  } catch (error) {
    console.error(
      `apt-get failed (${error.message.split('\n')[0]}); install the packages with: sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`,
    );
    return false;
  }
  const still = (await needs()).filter((need) => !need.met);
  if (still.length) {
    console.error(`Still missing after apt-get: ${still.map((need) => `${need.packages.join(' ')} (${need.why})`).join('; ')}`);
    return false;
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit((await ensureSystem()) ? 0 : 1);
}
