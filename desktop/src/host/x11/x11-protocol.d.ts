/**
 * The part of the pure-JavaScript `x11` client this project uses (the package ships no types): one set of
 * typings for input (XTEST), the focus watch and the preview grab (MIT-SHM).
 */
declare module 'x11' {
  export interface XTest {
    KeyPress: number;
    KeyRelease: number;
    FakeInput(type: number, detail: number, time: number, window: number, x: number, y: number): void;
  }
  export interface XClient {
    GetKeyboardMapping(first: number, count: number, callback: (error: Error | null, rows: number[][]) => void): void;
    ChangeKeyboardMapping(first: number, keysymsPerKeycode: number, keysyms: number[]): void;
    GetInputFocus(callback: (error: Error | null, reply?: { focus: number }) => void): void;
    QueryTree(
      window: number,
      callback: (error: Error | null, tree: { root: number; parent: number; children: number[] }) => void,
    ): void;
    SendClientMessage(
      destination: number,
      window: number,
      messageType: number,
      format: 8 | 16 | 32,
      data: number[],
      eventMask: number,
    ): void;
    InternAtom(onlyIfExists: boolean, name: string, callback: (error: Error | null, atom: number) => void): void;
    GetProperty(
      del: number,
      window: number,
      property: number,
      type: number,
      longOffset: number,
      longLength: number,
      callback: (error: Error | null, property: { data: Buffer }) => void,
    ): void;
    ChangeProperty(mode: number, window: number, property: number, type: number, format: number, data: number[]): void;
    ChangeWindowAttributes(window: number, values: { eventMask?: number }, callback?: (error: Error | null) => void): void;
    GetGeometry(
      drawable: number,
      callback: (error: Error | null, geometry: { x: number; y: number; width: number; height: number }) => void,
    ): void;
    TranslateCoordinates(
      source: number,
      destination: number,
      x: number,
      y: number,
      callback: (error: Error | null, place: { destX: number; destY: number }) => void,
    ): void;
    require(extension: 'xtest', callback: (error: Error | null, ext: XTest) => void): void;
    require(extension: 'shm', callback: (error: Error | null, ext: ShmExtension) => void): void;
    GetImage(
      format: number,
      drawable: number,
      x: number,
      y: number,
      width: number,
      height: number,
      planeMask: number,
      callback: (error: Error | null, image: { depth: number; data: Buffer }) => void,
    ): void;
    on(
      event: 'event',
      listener: (event: { name?: string; type?: number; wid?: number; atom?: number; data?: number[] }) => void,
    ): void;
    on(event: 'error', listener: (error: Error) => void): void;
    terminate(): void;
  }
  export interface XDisplay {
    client: XClient;
    min_keycode: number;
    max_keycode: number;
    screen: Array<{ root: number; pixel_width: number; pixel_height: number; root_depth: number }>;
  }
  /** MIT-SHM: a segment of shared memory the server writes an image into. */
  export interface ShmSegment {
    buffer: Buffer;
    getImage(
      drawable: number,
      x: number,
      y: number,
      width: number,
      height: number,
      planeMask: number,
      format: number,
      offset: number,
      callback: (error: Error | null, reply: { depth: number; size: number }) => void,
    ): void;
    detach(callback?: () => void): void;
  }
  export interface ShmExtension {
    usable(callback: (error: Error | null, usable: boolean) => void): void;
    createSegment(size: number, callback: (error: Error | null, segment: ShmSegment) => void): void;
  }
  export function createClient(
    options: { display?: string },
    callback: (error: Error | null, display: XDisplay) => void,
  ): XClient;
}
