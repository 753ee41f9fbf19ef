// The custom elements manifest: `npm run analyze` (part of `npm run build`) writes dist/custom-elements.json, which
// package.json's `customElements` names. It describes the elements' attributes, properties, events with their detail
// types, slots, CSS parts and CSS custom properties, read by @custom-elements-manifest/analyzer from the classes and
// their JSDoc headers (`@tagname`, `@attr`, `@fires {CustomEvent<Detail>} name`, `@slot`, `@csspart`, `@cssprop`).

/** Registration happens in define.ts through a guarded helper, which the analyzer cannot follow: name it here. */
const DEFINITIONS = {
  'agora-relay-host': 'AgoraRelayHost',
  'agora-relay-destination': 'AgoraRelayDestination',
  'agora-relay-audience': 'AgoraRelayAudience',
};

/** The shipped file for a source path: src/elements/x.ts → dist/elements/x.js. */
const shipped = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

/**
 * Keeps the manifest to the public face (no `#private` or protected members, no events the class does not document), points it at
 * the files the package ships, and records where the tags are defined.
 */
function publicFaceOnly() {
  return {
    name: 'agora-relay-public-face',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      const classModule = new Map();
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          declaration.members = declaration.members?.filter(
            // Protected members (Lit's hooks, getUpdateComplete) are for subclasses, not the page.
            (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
          );
          // The analyzer also lists every `this.dispatchEvent(new Event(…))` it finds; the internal change event a
          // destination sends its host has no `@fires` line (and so no description) and is not part of the API.
          declaration.events = declaration.events?.filter((event) => event.description);
          // `status` is a read-only getter that the element reflects by hand: tie the attribute to it.
          for (const attribute of declaration.attributes ?? []) {
            const field = declaration.members?.find((member) => member.kind === 'field' && member.name === attribute.name);
            if (!attribute.fieldName && field) attribute.fieldName = field.name;
          }
          classModule.set(declaration.name, module);
        }
      }
      for (const module of modules) {
        module.path = shipped(module.path);
        for (const entry of module.exports ?? []) {
          if (entry.declaration?.module) entry.declaration.module = shipped(entry.declaration.module);
        }
      }
      modules.push({
        kind: 'javascript-module',
        path: 'dist/elements/define.js',
        declarations: [],
        exports: Object.entries(DEFINITIONS).map(([tagName, className]) => {
          const module = classModule.get(className);
          if (!module) throw new Error(`the analyzer found no class ${className}`);
          return { kind: 'custom-element-definition', name: tagName, declaration: { name: className, module: module.path } };
        }),
      });
    },
  };
}

export default {
  globs: ['src/elements/agora-relay-host.ts', 'src/elements/agora-relay-destination.ts', 'src/elements/agora-relay-audience.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [publicFaceOnly()],
};
