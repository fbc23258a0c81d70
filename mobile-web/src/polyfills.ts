/**
 * The few newer built-ins our dependencies call, for the oldest browsers we support (iOS Safari 14,
 * Android Chrome 90). Imported first by the entry, so it runs before any dependency's module code.
 */
if (typeof Object.hasOwn !== 'function') {
  // noble's option checks call Object.hasOwn (Safari 15.4+); without it iOS 14 showed a blank page.
  Object.defineProperty(Object, 'hasOwn', {
    // Not Object.hasOwn itself: once defined, that name is this very function (it recursed until the stack ran
    // out; biome's "safe fix" for hasOwnProperty is what wrote it so).
    // biome-ignore lint/suspicious/noPrototypeBuiltins: this is the polyfill of Object.hasOwn.
    value: (object: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(object, key),
    configurable: true,
    writable: true,
  });
}
