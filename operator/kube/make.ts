/**
 * An instance of one of client-node's generated model classes with the given fields. The
 * generated API serialises request bodies by class, so bodies are built as instances (nest
 * `make` for nested models) rather than as object literals that merely look alike.
 *
 * @example
 * const target = make(V1ObjectReference, { apiVersion: 'v1', kind: 'Node', name: 'gpu-0' });
 */
export function make<T extends object>(model: new () => T, fields: Partial<T>): T {
  return Object.assign(new model(), fields);
}
