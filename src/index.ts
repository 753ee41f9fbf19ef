// agora-relay-elements: the package entry. Until the elements land (see the issues), it exposes the core session.
export * from './core/index.js';
