/**
 * The part of the `electron` module a sandboxed preload can use, and only the
 * members this preload uses. src-main/preload/tsconfig.json maps `electron`
 * here, so the preload is type-checked without Node's types (Electron's own
 * declarations pull them all in); src-main/tsconfig.json still checks the same
 * files against Electron's real declarations, so both must agree.
 */
export interface IpcRendererEvent {
  readonly sender: IpcRenderer;
}
export interface IpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: never[]) => void): this;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: never[]) => void): this;
}
export interface ContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}
export declare const contextBridge: ContextBridge;
export declare const ipcRenderer: IpcRenderer;
