/**
 * The few newer built-ins our dependencies call, for the oldest browsers we support (iOS Safari 14,
 * Android Chrome 90). Imported first by the entry, so it runs before any dependency's module code.
 */
if (typeof Object.hasOwn !== 'function') {
  // noble's option checks call Object.hasOwn (Safari 15.4+); without it iOS 14 showed a blank page.
  Object.defineProperty(Object, 'hasOwn', {
    // Not Object.hasOwn itself: once defined, that name is this very function (it recursed until the stack ran out).
    value: (object: object, key: PropertyKey) => Object.hasOwn(object, key),
    configurable: true,
    writable: true,
  });
}
