/**
 * Names the content cannot use, though they are written like any other:
 *
 * - a partnership's folder name is its site's folder at the top of the published output, beside
 *   what the build itself puts there (the list of sites, the "Page not found" page, the search and
 *   asset folders). A site named "404" was published as nothing, with no error;
 * - Windows keeps a few names for its devices (CON, PRN, AUX, NUL, COM1-9, LPT1-9), in any case
 *   and with any extension: a repository holding "con.md" cannot be checked out or copied on a
 *   Windows computer, which is what most partnership staff use.
 *
 * The check refuses both where it finds them (src/model/walk.ts, src/model/load.ts), and
 * `npm run new` and `init` never write them.
 */

/** Names at the top of the published output that a site's folder would collide with, and what each is. */
export const siteRootNames: Readonly<Record<string, string>> = {
  '404': 'the page a reader sees for an address that does not exist is published as 404.html beside the sites',
  index: "the list of every partnership's site is published as index.html beside the sites",
  pagefind: 'the search index is kept in a folder of that name',
  assets: "the build and many hosts keep the sites' shared files in a folder of that name",
};

/**
 * Windows reads the part of a name before its first dot, without trailing spaces or dots, and
 * refuses these in any case; COM and LPT with a superscript digit are refused too.
 */
const deviceName = /^(?:con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;

/** The device name a file or folder name stands for on Windows ("CON.md" -> "CON"), or undefined. */
export function windowsDeviceName(name: string): string | undefined {
  const stem = name.split('.')[0].replace(/[ .]+$/, '');
  return deviceName.test(stem) ? stem : undefined;
}

/** Why a device name cannot be used, in the words every command says it in. */
export function deviceNameReason(quoted: string, device: string): string {
  return `${quoted} cannot be used: Windows keeps the name "${device}" for a device, so this plan could not be copied to or opened on a Windows computer`;
}

/**
 * A name to use instead of a device name: the word for what it is added, keeping the extension
 * ("con.md" in actions/ -> "con-action.md", "AUX" as a partnership -> "aux-partnership").
 */
export function renamedFromDevice(name: string, word: string): string {
  const dot = name.indexOf('.');
  const stem = (dot === -1 ? name : name.slice(0, dot)).replace(/[ .]+$/, '').toLowerCase();
  const extension = dot === -1 ? '' : name.slice(dot).toLowerCase();
  return `${stem}-${word}${extension}`;
}

/**
 * Why an id cannot be used, for the commands that make one (`new`, `init`): undefined when it can.
 * `kind` is what the id names, like "action" or "partnership"; only a partnership's id is a
 * folder at the top of the output.
 */
export function reservedIdReason(id: string, kind: string): string | undefined {
  const device = windowsDeviceName(id);
  if (device) return deviceNameReason(`the id "${id}"`, device);
  if (kind === 'partnership' && Object.hasOwn(siteRootNames, id)) {
    return `the id "${id}" cannot be used for a partnership: ${siteRootNames[id]}, so a site named "${id}" would be lost`;
  }
  return undefined;
}
