#!/usr/bin/env node
/*
 * The `plan-publisher` command. The tool needs Node 22.12 or later (Astro 7), but a partnership's
 * computers often have an older Node, so this file is CommonJS with no syntax newer than ES2015
 * and dynamic import(): Node 12.17 and later read it, well before any npm that can install the
 * tool (npm 10 needs Node 18), and it finds a Node that can run the tool.
 *
 * The rule, in order:
 *   1. the Node running this file, if it is 22.12 or later;
 *   2. the Node 24 of the `node` package (node_modules/node/bin/node), where one is installed:
 *      `init` adds it to a partnership's package.json only when npm runs on an older Node, and
 *      this repository has it as a devDependency, so `npm ci` works with any Node;
 *   3. otherwise it stops and says how to get one.
 * The CLI is lib/src/cli/main.js in an installed package (compiled by `npm pack`); in the tool's
 * own repository it is src/cli/main.ts, which Node 24 runs directly, so lib/ is never stale there.
 */
'use strict';

var childProcess = require('child_process');
var fs = require('fs');
var path = require('path');
var url = require('url');

var root = path.join(__dirname, '..');
// Node will not strip TypeScript's types under node_modules, so an installed copy runs the compiled one.
var installed = fs.realpathSync(root).split(path.sep).indexOf('node_modules') !== -1;
var main = installed ? path.join(root, 'lib', 'src', 'cli', 'main.js') : path.join(root, 'src', 'cli', 'main.ts');

/** Astro 7 needs 22.12; running the TypeScript source (in the tool's own repository) needs type stripping, on by default from 22.18 and 23.6. */
function newEnough(version) {
  var parts = version.replace(/^v/, '').split('.').map(Number);
  if (installed) return parts[0] > 22 || (parts[0] === 22 && parts[1] >= 12);
  return parts[0] > 23 || (parts[0] === 23 && parts[1] >= 6) || (parts[0] === 22 && parts[1] >= 18);
}

/** The Node binary the `node` package installed, wherever npm put that package (beside the tool, or above it). */
function packagedNode() {
  var nodePackage;
  try {
    nodePackage = path.dirname(require.resolve('node/package.json', { paths: [root] }));
  } catch {
    return undefined;
  }
  var candidates = [path.join(nodePackage, 'bin', 'node'), path.join(nodePackage, 'bin', 'node.exe')];
  for (var i = 0; i < candidates.length; i += 1) {
    if (fs.existsSync(candidates[i])) return candidates[i];
  }
  return undefined;
}

var args = process.argv.slice(2);

if (newEnough(process.versions.node)) {
  // The running Node will do: no second process, so Ctrl+C and exit codes work as for any program.
  import(url.pathToFileURL(main).href).catch(function (error) {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(1);
  });
} else {
  var node = packagedNode();
  if (!node) {
    console.error(
      'Plan Publisher needs Node.js 22.12 or later, and this computer is running Node.js ' +
        process.versions.node +
        '.\n' +
        'What to do, either:\n' +
        '  - install Node.js 24 (the "LTS" version) from https://nodejs.org/ and open a new terminal; or\n' +
        '  - let npm bring Node.js 24 into this folder (about 190 MB), then run the command again:\n' +
        '      npm install node@24\n' +
        '    or, to start a new plan in an empty folder:\n' +
        '      npx --package=node@24 --package=plan-publisher -- plan-publisher init',
    );
    process.exit(1);
  }
  var child = childProcess.spawn(node, [main].concat(args), { stdio: 'inherit' });
  // Ctrl+C reaches both processes: this one waits for the tool to stop and reports how it did.
  ['SIGINT', 'SIGTERM', 'SIGHUP'].forEach(function (signal) {
    process.on(signal, function () {
      if (signal !== 'SIGINT') child.kill(signal);
    });
  });
  child.on('error', function (error) {
    console.error(
      'Plan Publisher could not start Node.js at ' + node + ': ' + error.message + '\nWhat to do: run "npm install" again in this folder.',
    );
    process.exit(1);
  });
  child.on('exit', function (code, signal) {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code === null ? 1 : code);
  });
}
