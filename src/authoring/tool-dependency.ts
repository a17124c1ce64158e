/**
 * What a partnership's package.json depends on for the tool, from what `init --tool` was given.
 * The repository is cloned by colleagues and installed by CI on other computers, so what it
 * records must install anywhere: a version from the registry (the default), a git URL as given,
 * or a tarball copied into the folder (vendor/) and named by a path relative to it. A local
 * absolute path, or a folder (which npm links, not installs), never is.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where `init` copies a tarball it is given, inside the partnership's folder. */
export const vendorFolder = 'vendor';

export interface ToolDependency {
  /** What package.json records under dependencies["plan-publisher"]. */
  spec: string;
  /** A tarball to copy into the folder: its path there (relative) and its bytes. */
  copy?: { relative: string; bytes: Buffer };
  /** Whether npm builds it from its source (its `prepare` script), as it does from a git URL. */
  builtOnInstall?: boolean;
}

export interface ToolProblem {
  problem: string[];
}

/** Specs npm fetches from elsewhere (git hosts, URLs): recorded exactly as given. */
const remoteSpec = /^(?:git\+[a-z]+:|git:|github:|gitlab:|bitbucket:|gist:|https?:|ssh:)/i;

/** Specs npm clones from git, then builds with the package's `prepare` script. */
const gitSpec = /^(?:git\+[a-z]+:|git:|github:|gitlab:|bitbucket:|gist:)|\.git(?:#.*)?$/i;

/** A path on this computer: `file:...`, `./x`, `../x`, `/x`, `~/x`, `C:\x`, or a name ending .tgz or .tar.gz. */
function localPath(spec: string): string | undefined {
  if (/^file:/i.test(spec)) return spec.replace(/^file:(?:\/\/(?=\/))?/i, '');
  if (/^(?:\.{1,2}[\\/]|[\\/]|~[\\/]|[a-z]:[\\/])/i.test(spec) || /\.(?:tgz|tar\.gz|tar)$/i.test(spec)) return spec;
  return undefined;
}

const tarballExample = 'like --tool ./plan-publisher-0.2.0.tgz (the file npm pack writes)';

/**
 * The dependency for `given` (a version range from the registry when undefined), for a
 * partnership repository in `folder`; relative paths are read from the current folder.
 */
export function toolDependency(given: string | undefined, folder: string, version: string): ToolDependency | ToolProblem {
  const spec = given?.trim() || `^${version}`;
  if (remoteSpec.test(spec)) return { spec, builtOnInstall: gitSpec.test(spec) };
  const local = localPath(spec);
  if (local === undefined) return { spec }; // a version, a range or a tag on the registry
  const file = path.resolve(local.replace(/^~(?=[\\/])/, process.env.HOME ?? '~'));
  if (!existsSync(file)) {
    return {
      problem: [
        `error: --tool ${spec}: there is no file at ${file}`,
        `    hint: give the path of the tool's tarball, ${tarballExample}; or leave --tool out to install it from the npm registry`,
      ],
    };
  }
  if (!statSync(file).isFile()) {
    return {
      problem: [
        `error: --tool ${spec}: ${file} is a folder, and a folder on this computer cannot be installed on another (npm would only link to it)`,
        `    hint: in that folder, run npm pack, and give the tarball it writes, ${tarballExample}`,
      ],
    };
  }
  return tarballDependency(file, folder);
}

/** A tarball already inside the folder is named where it is; any other is copied into vendor/. */
function tarballDependency(file: string, folder: string): ToolDependency {
  const real = realpathSync(file);
  const realFolder = existsSync(folder) ? realpathSync(folder) : folder;
  const inside = path.relative(realFolder, real);
  if (inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside)) return { spec: `file:${inside.split(path.sep).join('/')}` };
  const relative = path.join(vendorFolder, path.basename(file));
  return { spec: `file:${vendorFolder}/${path.basename(file)}`, copy: { relative, bytes: readFileSync(real) } };
}
