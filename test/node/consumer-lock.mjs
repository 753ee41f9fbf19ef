// A scratch consumer project that `npm ci --offline` can install from nothing but what this repository's own
// `npm ci` put in npm's cache: the packed tarball (a `file:` dependency) and, copied from our package-lock.json,
// every package it needs (its dependencies and their whole closure, at the same paths and versions).
//
// Why a lockfile: installing `ws@8.23.0` by name needs the registry's package metadata, which an install from a
// lockfile never caches, so on a fresh machine `npm install --offline` fails with ENOTCACHED. A lockfile entry with
// `resolved` and `integrity` is fetched from the cache by its integrity alone.

/** Where the registry keeps a package's tarball (our lockfile leaves `resolved` out; npm maps it to its registry). */
function registryTarball(name, version) {
  return `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${version}.tgz`;
}

/** The lockfile path `dependency` resolves to from `from`, the way Node looks it up (nearest node_modules up). */
function resolveIn(packages, from, dependency) {
  for (let dir = from; ; ) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${dependency}`;
    if (packages[candidate]) return candidate;
    if (!dir) return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

/**
 * package.json and package-lock.json of a consumer of the tarball described by `packed` (its package.json, file
 * name and integrity), which also installs `extra` (names of packages in our lockfile, e.g. optional peers).
 * Throws when something needed is missing from our lockfile: a test must not quietly install less.
 */
export function consumerProject({ lock, packed, extra }) {
  const { packages } = lock;
  const own = packed.manifest;
  const tarball = `file:${packed.filename}`;
  const rootDependencies = { [own.name]: tarball };
  for (const name of extra) {
    const entry = packages[`node_modules/${name}`];
    if (!entry) throw new Error(`${name} is not in package-lock.json`);
    rootDependencies[name] = entry.version;
  }

  const copied = {};
  const pending = [];
  const need = (from, name, optional) => {
    const path = resolveIn(packages, from, name);
    if (!path) {
      if (optional) return;
      throw new Error(`${name} (needed by ${from || 'the consumer'}) is not in package-lock.json`);
    }
    if (!copied[path]) pending.push(path);
  };
  for (const name of Object.keys(own.dependencies ?? {})) need('', name, false);
  for (const name of extra) need('', name, false);
  while (pending.length > 0) {
    const path = pending.pop();
    if (copied[path]) continue;
    // A dependency of the consumer now, whatever it was to us.
    const entry = Object.fromEntries(
      Object.entries(packages[path]).filter(([field]) => !['dev', 'devOptional', 'peer'].includes(field)),
    );
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    copied[path] = { resolved: registryTarball(name, entry.version), ...entry };
    for (const dependency of Object.keys(entry.dependencies ?? {})) need(path, dependency, false);
    for (const dependency of Object.keys(entry.optionalDependencies ?? {})) need(path, dependency, true);
    // npm installs a peer unless it is optional; then only what else brings it.
    for (const dependency of Object.keys(entry.peerDependencies ?? {})) {
      if (entry.peerDependenciesMeta?.[dependency]?.optional !== true) need(path, dependency, false);
    }
  }

  const manifest = { name: 'scratch-consumer', version: '0.0.0', private: true, type: 'module', dependencies: rootDependencies };
  const { name, version, license, dependencies, peerDependencies, peerDependenciesMeta, engines } = own;
  const packageLock = {
    name: manifest.name,
    version: manifest.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: manifest.name, version: manifest.version, dependencies: rootDependencies },
      [`node_modules/${name}`]: {
        version,
        resolved: tarball,
        integrity: packed.integrity,
        license,
        dependencies,
        peerDependencies,
        peerDependenciesMeta,
        engines,
      },
      ...Object.fromEntries(Object.entries(copied).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
  return { manifest, packageLock, installed: Object.keys(copied).length };
}
